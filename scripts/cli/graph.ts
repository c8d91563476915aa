// The I/O around the pure pipeline: reads the corpus file, runs the build, writes the graph and prints what happened.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { validateGraph } from '../../src/contract/validate.ts';
import { buildAtlas } from '../pipeline/build.ts';
import { serializeAtlas } from '../pipeline/emit.ts';
import { CorpusError, decodeCorpus, readCorpus } from '../pipeline/read.ts';
import type { CliArgs } from './args.ts';
import { readOverridesFile } from './overrides-file.ts';

export interface Log {
  info: (line: string) => void;
  error: (line: string) => void;
}

export const consoleLog = (quiet: boolean): Log => ({
  info: quiet ? () => {} : (line) => process.stderr.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
});

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CorpusError(file, 0, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(e)})`);
  }
}

function readPrevious(file: string): Map<string, { x: number; y: number }> {
  const bytes = readBytes(file);
  let data: unknown;
  try {
    data = JSON.parse(decodeCorpus(bytes, file));
  } catch (e) {
    throw e instanceof CorpusError ? e : new CorpusError(file, 1, `not JSON (${(e as Error).message})`);
  }
  const result = validateGraph(data);
  if (!result.ok) throw new CorpusError(file, 1, `not a graph file: ${result.errors[0]}`);
  return new Map(result.graph.nodes.map((n) => [n.key, { x: n.attributes.x, y: n.attributes.y }]));
}

const kb = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} KB`);

/** Builds the graph file described by `args`; throws CorpusError for bad input. Returns the output path. */
export function runGraphBuild(args: CliArgs, log: Log): string {
  const started = performance.now();
  const input = resolve(args.input);
  const t0 = performance.now();
  const text = decodeCorpus(readBytes(input), args.input);
  const read = readCorpus(text, args.input);
  const readMs = Math.round(performance.now() - t0);
  log.info(`read     ${String(readMs).padStart(6)} ms  ${read.papers.length} papers from ${args.input} (${read.format}), ${read.skipped.length} skipped`);
  for (const s of read.skipped) log.info(`  skipped ${args.input}:${s.line}: ${s.reason}${s.title ? ` — "${s.title.slice(0, 60)}"` : ''}`);
  if (read.papers.length === 0) throw new CorpusError(args.input, 1, 'no papers found (need records with a title and an abstract)');

  const previous = args.previous ? readPrevious(resolve(args.previous)) : undefined;
  const overrides = readOverridesFile(args.overrides, input, log);
  let lastShown = 0;
  const result = buildAtlas(
    { papers: read.papers, input: basename(input), format: read.format, skipped: read.skipped.length, options: args.options, ...(previous ? { previous } : {}), ...(overrides ? { overrides } : {}) },
    (stage, done, total) => {
      const now = performance.now();
      if (now - lastShown > 1000 && total > 0) {
        lastShown = now;
        log.info(`  ${stage} ${Math.round((100 * done) / total)}% (${done}/${total})`);
      }
    },
  );
  for (const name of result.unknownOverrides) log.info(`  overrides: "${name}" matches no concept candidate`);
  for (const [stage, ms] of result.timings) log.info(`${stage.padEnd(8)} ${String(ms).padStart(6)} ms`);

  const json = serializeAtlas(result.atlas);
  const out = resolve(args.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  if (args.report) {
    const report = { kept: result.atlas.nodes.filter((n) => n.attributes.kind === 'concept').map((n) => n.attributes.label), dropped: result.dropped };
    writeFileSync(resolve(args.report), `${JSON.stringify(report, null, 1)}\n`);
  }
  const b = result.atlas.attributes.build;
  const total = Math.round(performance.now() - started);
  log.info(
    `done in ${total} ms: ${b.papers} papers (${b.skipped} skipped), ${b.concepts} concepts, ${result.atlas.attributes.clusters.length} clusters, ${b.edges} edges; ` +
      `layout quality ${b.layoutQuality} (related/random distance, lower is better); ${args.out} ${kb(json.length)} (${kb(gzipSync(json).length)} gzip)`,
  );
  if (!args.report) {
    const top = result.dropped.slice(0, 12).map((d) => `${d.id} (${d.papers}: ${d.reason})`);
    log.info(`top dropped candidates: ${top.join('; ')}${result.dropped.length > 12 ? ` … (--report FILE for all ${result.dropped.length})` : ''}`);
  }
  return out;
}

/** Runs a CLI main, turning known errors into one clear line and an exit code instead of a stack trace. */
export async function runMain(main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (e) {
    if (e instanceof CorpusError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exit(1);
    }
    if (e instanceof Error && e.name === 'UsageError') {
      process.stderr.write(`error: ${e.message} (see --help)\n`);
      process.exit(2);
    }
    throw e;
  }
}
