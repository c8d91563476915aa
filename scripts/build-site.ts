// `npm run build [-- --input FILE | --graph FILE] [--out-dir DIR]`: the static site — the app built by Vite plus the
// site's data files derived from the contract-v1 graph (scripts/site-data.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SerializedAtlas } from '../src/contract/types.ts';
import { prestartFor } from './cli/prestart.ts';

// Extraction workers load while this thread loads the pipeline and Vite.
prestartFor(process.argv.slice(2));
const { build } = await import('vite');
const { helpText, parseArgs, UsageError } = await import('./cli/args.ts');
const { consoleLog, runGraphBuild, runMain } = await import('./cli/graph.ts');
const { describeSiteData, readSiteGraph, writeSiteData } = await import('./site-data.ts');

/** Takes `--flag VALUE` out of `rest`; the value, or undefined. */
function take(rest: string[], flag: string): string | undefined {
  const at = rest.indexOf(flag);
  if (at < 0) return undefined;
  const value = rest[at + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  rest.splice(at, 2);
  return value;
}

await runMain(async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-'));
  const args = parseArgs(process.argv.slice(2), { out: join(tmp, 'graph.json') });
  if (args.help) {
    process.stdout.write(
      helpText(
        'npm run build --',
        'Builds the static site into dist/ (works from any subpath).',
        '  --out-dir DIR             where to write the site (default dist)\n' +
          '  --graph FILE              pack an existing contract-v1 graph file instead of building one from --input\n',
      ),
    );
    return;
  }
  const rest = [...args.rest];
  const outDir = resolve(take(rest, '--out-dir') ?? 'dist');
  const prebuilt = take(rest, '--graph');
  if (rest.length) throw new UsageError(`unknown argument ${rest[0]}`);
  const log = consoleLog(args.quiet);
  try {
    // A given graph is checked before the app is built: a bad file stops at once, with one line naming it.
    let graph: SerializedAtlas | undefined = prebuilt ? readSiteGraph(prebuilt) : undefined;
    if (!graph) runGraphBuild(args, log, undefined, (atlas) => (graph = atlas));
    await build({ build: { outDir, emptyOutDir: true }, logLevel: args.quiet ? 'warn' : 'info' });
    log.info(describeSiteData(writeSiteData(graph!, outDir)));
    log.info(`site written to ${outDir} — serve it from any static host or subpath`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
