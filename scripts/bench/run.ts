// `npm run bench [-- options]`: builds graphs from corpora of growing size, each build in its own process, and prints a
// markdown table: counts, the wall time of every stage, CPU time, peak memory, output size (raw and gzip) and the app's
// cost to load the output in headless Chromium. `--help` lists the options.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { AppBench, buildSite } from './browser.ts';
import type { ChildResult } from './child.ts';
import { ALL_SIZES, corpusFor, parseSizes } from './corpora.ts';
import { fmtBytes, fmtMs, markdownTable, replaceSection, type Row } from './table.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];

const HELP = `Builds graphs from corpora of growing size and prints a markdown table of what each costs.

Usage: npm run bench -- [options] [build options]

  --sizes LIST        corpora to build (default ${ALL_SIZES.map((s) => s.name).join(',')}): seed (data/trending-papers.txt),
                      500 (../shared/corpora/inspec-test.jsonl), 4820 (../shared/corpora/ml-abstracts.jsonl), and
                      synthetic corpora of any size (20k, 100k, 50000…) made from the last two
  --runs N            builds per corpus; the table shows medians (default 3, and 1 from 50,000 papers)
  --threads N         extraction threads for every build (default: the build's own choice)
  --no-browser        skip the headless-Chromium load test
  --browser-runs N    page loads per corpus (default: --runs)
  --write-readme      put the table into README.md between ${'<!-- bench:start -->'} and ${'<!-- bench:end -->'}
  --json FILE         also write every measurement as JSON
  --keep DIR          keep the graph files (DIR/<size>.json)
  --timeout S         give up a build or a page load after S seconds (default 1800)
  --heap MB           run the builds with --max-old-space-size=MB (default 8192, as npm run build:graph does)
  --help              this text

Any other option (e.g. --iterations 50) is passed on to every build.
`;

interface BenchArgs {
  sizes: string;
  runs?: number;
  threads?: number;
  browser: boolean;
  browserRuns?: number;
  writeReadme: boolean;
  json?: string;
  keep?: string;
  timeoutS: number;
  heapMb?: number;
  rest: string[];
}

function parseBenchArgs(argv: string[]): BenchArgs | undefined {
  const a: BenchArgs = { sizes: ALL_SIZES.map((s) => s.name).join(','), browser: true, writeReadme: false, timeoutS: 1800, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const count = (): number => {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new Error(`${flag} takes a whole number ≥ 1, not "${v}"`);
      return Number(v);
    };
    if (flag === '--help' || flag === '-h') return undefined;
    else if (flag === '--sizes') a.sizes = value();
    else if (flag === '--runs') a.runs = count();
    else if (flag === '--threads') a.threads = count();
    else if (flag === '--no-browser') a.browser = false;
    else if (flag === '--browser-runs') a.browserRuns = count();
    else if (flag === '--write-readme') a.writeReadme = true;
    else if (flag === '--json') a.json = value();
    else if (flag === '--keep') a.keep = value();
    else if (flag === '--timeout') a.timeoutS = count();
    else if (flag === '--heap') a.heapMb = count();
    else a.rest.push(flag);
  }
  return a;
}

const say = (line: string): void => void process.stderr.write(`${line}\n`);

/** One build in a child process; resolves with its statistics and the process's wall time. */
function buildOnce(input: string, out: string, args: BenchArgs, siteDir?: string): Promise<{ result: ChildResult; wallMs: number }> {
  // The npm scripts' flags. A young generation of 32 MB a half instead of 16 halves the scavenges while the main
  // thread extracts and keeps every paper's terms (100,000 papers: 1,634 scavenges, 7.1 s, before).
  const heap = [`--max-old-space-size=${args.heapMb ?? 8192}`, '--max-semi-space-size=32', '--expose-gc'];
  const argv = [...heap, ...TSX, join(ROOT, 'scripts/bench/child.ts'), '--input', input, '--out', out, ...(args.threads ? ['--threads', String(args.threads)] : []), ...args.rest];
  return new Promise((done, fail) => {
    const started = performance.now();
    const env = siteDir ? { ...process.env, ATLAS_BENCH_SITE_DIR: siteDir } : process.env;
    const child = spawn(process.execPath, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), args.timeoutS * 1000);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH '));
      if (code === 0 && line) return done({ result: JSON.parse(line.slice(6)) as ChildResult, wallMs });
      const seconds = Math.round(wallMs / 1000);
      if (/heap out of memory|Allocation failed/.test(stderr)) return fail(new Error(`out of memory (V8 heap limit) after ${seconds} s`));
      const why = signal === 'SIGKILL' ? `killed after ${args.timeoutS} s` : `exit ${code ?? signal} after ${seconds} s`;
      fail(new Error(`${why}: ${stderr.trim().split('\n').slice(-3).join(' / ') || 'no output'}`));
    });
  });
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.replace(/\s+/g, ' ').trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (!args) {
    process.stdout.write(HELP);
    return;
  }
  const sizes = parseSizes(args.sizes);
  const work = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  if (args.keep) mkdirSync(resolve(args.keep), { recursive: true });
  let app: AppBench | undefined;
  const rows: Row[] = [];
  try {
    if (args.browser) {
      const site = join(ROOT, '.cache/bench-site');
      say(`building the site into ${site} …`);
      try {
        buildSite(ROOT, site, TSX);
        app = await AppBench.start(site);
      } catch (e) {
        say(`no browser measurements: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    for (const size of sizes) {
      const row: Row = { size: size.name, source: size.source, builds: [], wallMs: [], pages: [] };
      rows.push(row);
      if (!['seed', '500', '4820'].includes(size.name)) say(`[${size.name}] synthetic corpus of ${size.papers.toLocaleString('en-US')} papers (made once, kept in ${tmpdir()}) …`);
      const corpus = corpusFor(size, ROOT);
      if ('missing' in corpus) {
        row.skipped = `skipped: ${corpus.missing} is absent`;
        say(`[${size.name}] ${row.skipped}`);
        continue;
      }
      const runs = args.runs ?? (size.papers >= 50_000 ? 1 : 3);
      const out = args.keep ? join(resolve(args.keep), `${size.name}.json`) : join(work, `${size.name}.json`);
      let packed = false;
      for (let run = 1; run <= runs; run++) {
        try {
          // The last build also packs the site's data files for the browser measurements.
          const { result, wallMs } = await buildOnce(corpus.file, out, args, app && run === runs ? app.dataDir : undefined);
          row.builds.push(result);
          row.wallMs.push(wallMs);
          packed = app !== undefined && run === runs;
          const stages = result.timings.map(([s, ms]) => `${s} ${fmtMs(ms)}`).join(', ');
          say(`[${size.name}] build ${run}/${runs}: ${fmtMs(result.totalMs)} (${stages}); CPU ${fmtMs(result.cpuMs)}, peak ${fmtBytes(result.maxRss)}, ${fmtBytes(result.bytes)}`);
        } catch (e) {
          say(`[${size.name}] build ${run}/${runs} failed: ${(e as Error).message}`);
          row.skipped = `build failed: ${(e as Error).message.slice(0, 120)}`;
        }
      }
      if (row.builds.length === 0) continue;
      const bytes = readFileSync(out);
      row.gzipBytes = gzipSync(bytes).length;
      if (app && !packed) row.pages = [{ error: 'not measured: the last build failed' }];
      else if (app) {
        const pageRuns = args.browserRuns ?? runs;
        row.pages = await app.measure(pageRuns, Math.min(args.timeoutS, 600) * 1000);
        for (const p of row.pages)
          say(`[${size.name}] page: ${'error' in p ? `fails: ${p.error}` : `first render ${fmtMs(p.firstRenderMs)}, ready ${fmtMs(p.readyMs)}, hover ${p.hoverFrameMs ?? '–'} ms to the next frame (app ${p.hoverMs ?? '–'} ms), heap ${fmtBytes(p.heapBytes ?? NaN)}`}`);
      }
    }
  } finally {
    await app?.close();
    rmSync(work, { recursive: true, force: true });
  }

  const table = markdownTable(rows);
  const date = new Date().toISOString().slice(0, 10);
  const threads = args.threads ? `--threads ${args.threads}` : 'default threads';
  const notes = [
    `Measured ${date} on ${machine()}; \`npm run bench -- --sizes ${args.sizes}${args.heapMb ? ` --heap ${args.heapMb}` : ''}${args.rest.length ? ` ${args.rest.join(' ')}` : ''}\` (${threads}).`,
    'Medians of the runs (×N); each build runs in its own process. Stage times are wall time; *total* is the build from',
    'reading the corpus to writing the graph, *CPU* its user + system time over all threads, *peak RSS* the process’s',
    'maximum resident memory. *first render*: navigation to sigma’s first frame in headless Chromium (software WebGL);',
    '*hover*: a pointer move onto another node to the next animation frame. Synthetic corpora: every real paper of',
    'ml-abstracts and Inspec, then rounds of variants — first sentence kept, each other sentence kept or swapped for a',
    'random sentence of the same corpus, then shuffled; titles suffixed " (2)", " (3)"….',
  ].join('\n');
  const section = `${notes}\n\n${table}\n`;
  process.stdout.write(`\n${section}`);
  if (args.json) writeFileSync(resolve(args.json), `${JSON.stringify({ date, machine: machine(), args, rows }, null, 1)}\n`);
  if (args.writeReadme) {
    const file = join(ROOT, 'README.md');
    const updated = replaceSection(readFileSync(file, 'utf8'), section);
    if (updated === undefined) say('README.md has no <!-- bench:start --> / <!-- bench:end --> markers: add them where the table should go, then run again.');
    else {
      writeFileSync(file, updated);
      say('README.md updated.');
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
