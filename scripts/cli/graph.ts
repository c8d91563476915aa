// The I/O around the pure pipeline: reads the corpus file, runs the build, writes the graph and prints what happened.
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { gzipSync } from 'node:zlib';
import type { SerializedAtlas } from '../../src/contract/types.ts';
import { validateGraph } from '../../src/contract/validate.ts';
import { buildAtlas, type BuildResult } from '../pipeline/build.ts';
import type { JsonText } from '../pipeline/emit.ts';
import { rareDropped, type Dropped } from '../pipeline/vocabulary.ts';
import { defaultThreads, extractAll } from '../pipeline/parallel/extract.ts';
import { CorpusError, decodeCorpus, readCorpus } from '../pipeline/read.ts';
import type { CliArgs } from './args.ts';
import { BackgroundWrite } from './background-write.ts';
import { readOverridesFile } from './overrides-file.ts';
import { printable } from './terminal.ts';

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

/** What a build measured (for `npm run bench`): stage times in ms, counts, output bytes. */
export interface BuildStats {
  papers: number;
  concepts: number;
  edges: number;
  clusters: number;
  threads: number;
  layoutQuality: number;
  /** [stage, ms] from read to write, in order. */
  timings: Array<[stage: string, ms: number]>;
  totalMs: number;
  bytes: number;
}

/**
 * From this many papers the build collects garbage after extracting, normalizing and selecting (see BuildInput.collect)
 * when Node runs with --expose-gc, as the npm scripts do. Smaller builds skip it: each collection of a big heap takes
 * a second or more (3 s in all at 20,000 papers) for memory they have plenty of.
 */
const COLLECT_FROM = 50_000;

/**
 * From COLLECT_FROM papers the heap also grows by at most 50% between collections instead of V8's own factor (up to
 * 4×). Peak RSS at 100,000 papers (2026-11-27): V8's factor 2.93 and 3.12 GB in two runs, 50% 2.73 GB, 35% 2.79 GB,
 * 15% 2.78 GB; 15% made the build ~30 s slower (collections that free nothing while the candidates are gathered).
 */
const LEAN_HEAP_FLAG = '--heap-growing-percent=50';

/**
 * Builds the graph file from `args.input` and returns its path. `onAtlas` gets the graph itself, for a caller that
 * goes on with it (the site build): a graph of 100,000 papers is too big to read back as one string.
 */
export function runGraphBuild(args: CliArgs, log: Log, onStats?: (stats: BuildStats) => void, onAtlas?: (atlas: SerializedAtlas) => void): string {
  const started = performance.now();
  const input = resolve(args.input);
  const t0 = performance.now();
  // The corpus text is not kept: at 100,000 papers it is a string of 230 MB that nothing reads after this line.
  const read = readCorpus(decodeCorpus(readBytes(input), args.input), args.input);
  const readMs = Math.round(performance.now() - t0);
  log.info(`read     ${String(readMs).padStart(6)} ms  ${read.papers.length} papers from ${args.input} (${read.format}), ${read.skipped.length} skipped`);
  for (const s of read.skipped) log.info(printable(`  skipped ${args.input}:${s.line}: ${s.reason}${s.title ? ` — "${s.title.slice(0, 60)}"` : ''}`));
  for (const w of read.warnings) log.info(printable(`  warning ${args.input}:${w.line}: ${w.reason}`));
  if (read.papers.length === 0) throw new CorpusError(args.input, 1, 'no papers found (need records with a title and an abstract)');

  const previous = args.previous ? readPrevious(resolve(args.previous)) : undefined;
  const overrides = readOverridesFile(args.overrides, input, log);
  let lastShown = 0;
  const progress = (stage: string, done: number, total: number): void => {
    const now = performance.now();
    if (now - lastShown > 1000 && total > 0) {
      lastShown = now;
      log.info(`  ${stage} ${Math.round((100 * done) / total)}% (${done}/${total})`);
    }
  };
  const threads = args.threads ?? defaultThreads(read.papers.length);
  const t1 = performance.now();
  const extracted = extractAll(read.papers, { threads, progress: (done, total) => progress('extract', done, total), warn: log.error });
  const extractMs = performance.now() - t1;
  const big = read.papers.length >= COLLECT_FROM;
  if (big) setFlagsFromString(LEAN_HEAP_FLAG);
  const collect = big ? (globalThis as { gc?: () => void }).gc : undefined;
  const result = buildAtlas(
    {
      papers: read.papers,
      extracted,
      input: basename(input),
      format: read.format,
      skipped: read.skipped.length,
      options: args.options,
      ...(previous ? { previous } : {}),
      ...(overrides ? { overrides } : {}),
      ...(collect ? { collect } : {}),
    },
    progress,
  );
  for (const name of result.unknownOverrides) log.info(`  overrides: "${name}" matches no concept candidate`);
  const timings: Array<[string, number]> = [['read', readMs], ...result.timings.map(([stage, ms]): [string, number] => [stage, stage === 'extract' ? Math.round(ms + extractMs) : ms])];
  for (const [stage, ms] of timings.slice(1)) log.info(`${stage.padEnd(8)} ${String(ms).padStart(6)} ms${stage === 'extract' && threads > 1 ? `  (${threads} threads)` : ''}`);

  const t2 = performance.now();
  const out = resolve(args.out);
  mkdirSync(dirname(out), { recursive: true });
  const json = writeJson(out, result.atlas);
  timings.push(['write', Math.round(performance.now() - t2)]);
  log.info(`write    ${String(timings.at(-1)![1]).padStart(6)} ms`);
  if (args.report) {
    const dropped = [...result.dropped, ...rareDropped(result.rare)].sort(byPapers);
    const report = { kept: result.atlas.nodes.filter((n) => n.attributes.kind === 'concept').map((n) => n.attributes.label), dropped };
    writeFileSync(resolve(args.report), `${JSON.stringify(report, null, 1)}\n`);
  }
  const b = result.atlas.attributes.build;
  const total = Math.round(performance.now() - started);
  log.info(
    `done in ${total} ms: ${b.papers} papers (${b.skipped} skipped), ${b.concepts} concepts, ${result.atlas.attributes.clusters.length} clusters, ${b.edges} edges; ` +
      `layout quality ${b.layoutQuality} (related/random distance, lower is better); ${args.out} ${kb(json.bytes)}${json.text ? ` (${kb(gzipSync(json.text).length)} gzip)` : ''}`,
  );
  onStats?.({ papers: b.papers, concepts: b.concepts, edges: b.edges, clusters: result.atlas.attributes.clusters.length, threads, layoutQuality: b.layoutQuality, timings, totalMs: total, bytes: json.bytes });
  if (!args.report) {
    const top = topDropped(result, 12).map((d) => `${d.id} (${d.papers}: ${d.reason})`);
    const all = result.dropped.length + result.rare.ids.length;
    log.info(`top dropped candidates: ${top.join('; ')}${all > 12 ? ` … (--report FILE for all ${all})` : ''}`);
  }
  onAtlas?.(result.atlas);
  return out;
}

/** Runs a CLI main, turning known errors into one clear line and an exit code instead of a stack trace. */
export async function runMain(main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (e) {
    if (e instanceof CorpusError) {
      process.stderr.write(`error: ${printable(e.message)}\n`);
      process.exit(1);
    }
    if (e instanceof Error && e.name === 'UsageError') {
      process.stderr.write(`error: ${e.message} (see --help)\n`);
      process.exit(2);
    }
    throw e;
  }
}

/** Bytes written to the file at a time (see writeJson). */
const WRITE_BUFFER = 4 << 20;
/** Characters of JSON per stringified piece, at most: well below V8's 128 KB limit for young objects. */
const PIECE = 32_768;

/**
 * Writes `JSON.stringify(value)` and a newline — the same bytes as `serializeAtlas` — piece by piece: a top-level
 * array is written a few elements at a time, so a graph of 100,000 papers never has to fit in one string (V8 strings
 * stop at 512 MB). The pieces stay small and are encoded into a few reused buffers: 900 MB of large strings and
 * buffers would make V8 run full collections of a 1 GB heap (two, 1.7 s, at 100k papers). Past `keep` bytes a worker
 * thread copies the buffers into the file while this one goes on (see BackgroundWrite). Returns the byte count, and
 * the bytes themselves when there are at most `keep` of them.
 */
export function writeJson(file: string, value: object, keep = 16e6): { bytes: number; text?: Buffer } {
  const fd = openSync(file, 'w');
  let kept: Buffer[] | undefined = [];
  let bytes = 0;
  let background: BackgroundWrite | undefined;
  let buffer: Buffer = Buffer.allocUnsafe(WRITE_BUFFER);
  let used = 0;
  const out = (chunk: Buffer): void => {
    writeSync(fd, chunk);
    bytes += chunk.length;
    if (bytes > keep) kept = undefined;
    else kept?.push(Buffer.from(chunk));
  };
  const flush = (): void => {
    if (used === 0) return;
    if (background) {
      background.give(buffer, used);
      bytes += used;
      buffer = background.take();
    } else {
      out(buffer.subarray(0, used));
      if (bytes > keep) (background = new BackgroundWrite(fd, file, WRITE_BUFFER)), (buffer = background.take());
    }
    used = 0;
  };
  // A UTF-16 code unit takes at most 3 bytes of UTF-8 (a surrogate pair 4 for its two).
  const put = (text: string): void => {
    if (used + 3 * text.length > buffer.length) {
      flush();
      if (3 * text.length > buffer.length) {
        if (background) background.finish(), (background = undefined), (buffer = Buffer.allocUnsafe(WRITE_BUFFER));
        return out(Buffer.from(text));
      }
    }
    used += buffer.write(text, used);
  };
  try {
    let first = true;
    for (const [key, v] of Object.entries(value) as Array<[string, unknown]>) {
      const json = Array.isArray(v) ? undefined : JSON.stringify(v);
      if (!Array.isArray(v) && json === undefined) continue;
      put(first ? '{' : ',');
      put(`${JSON.stringify(key)}:`);
      first = false;
      if (json !== undefined) put(json);
      else {
        // Slices of the array, each stringified at once and unwrapped: "[a,b]" + "[c]" → "[a,b,c]". A slice holds as
        // many elements as keep its text near PIECE characters.
        const items = v as unknown[];
        put('[');
        for (let i = 0, step = 64; i < items.length; ) {
          const piece = sliceJson(items, i, i + step);
          if (i > 0) put(',');
          put(piece.slice(1, -1));
          i += step;
          if (piece.length > PIECE && step > 1) step >>= 1;
          else if (piece.length < PIECE / 4 && step < 4096) step <<= 1;
        }
        put(']');
      }
    }
    put(first ? '{}\n' : '}\n');
    flush();
    background?.finish();
  } finally {
    closeSync(fd);
  }
  return kept ? { bytes, text: Buffer.concat(kept) } : { bytes };
}

/** JSON.stringify(items.slice(from, to)), by the items' own jsonText when they all have one (see JsonText). */
function sliceJson(items: unknown[], from: number, to: number): string {
  const end = Math.min(to, items.length);
  let out = '';
  for (let i = from; i < end; i++) {
    const item = items[i] as Partial<JsonText> | null | undefined;
    if (typeof item?.jsonText !== 'function') return JSON.stringify(items.slice(from, to));
    out += i > from ? `,${item.jsonText()}` : item.jsonText();
  }
  return `[${out}]`;
}

const byPapers = (a: Dropped, b: Dropped): number => b.papers - a.papers || (a.id < b.id ? -1 : 1);

/** The first `n` dropped candidates of the whole report, without making entries of every rare one. */
function topDropped(result: BuildResult, n: number): Dropped[] {
  const best: Dropped[] = [];
  result.rare.ids.forEach((id, i) => {
    const entry = { id, papers: result.rare.papers[i]!, reason: '' };
    if (best.length === n && byPapers(entry, best[n - 1]!) >= 0) return;
    best.push(entry);
    best.sort(byPapers);
    best.length = Math.min(best.length, n);
  });
  const rare = rareDropped({ ids: best.map((d) => d.id), papers: best.map((d) => d.papers) });
  return [...result.dropped.slice(0, n), ...rare].sort(byPapers).slice(0, n);
}
