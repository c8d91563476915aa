// Finds and reads the concept overrides file: --overrides FILE, else concepts.json next to the corpus when present.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseOverrides, type Overrides } from '../pipeline/overrides.ts';
import { CorpusError, decodeCorpus } from '../pipeline/read.ts';

export function readOverridesFile(explicit: string | undefined, input: string, log: { info: (line: string) => void }): Overrides | undefined {
  const file = explicit ?? join(dirname(input), 'concepts.json');
  if (!explicit && !existsSync(file)) return undefined;
  const shown = explicit ?? relative(process.cwd(), file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new CorpusError(shown, 0, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read (${String(e)})`);
  }
  const overrides = parseOverrides(decodeCorpus(bytes, shown), shown);
  log.info(`overrides from ${shown}: ${overrides.block.length} blocked, ${overrides.keep.length} kept, ${overrides.merge.length} merges, ${overrides.rename.length} renames, ${overrides.alias.length} alias lists`);
  return overrides;
}
