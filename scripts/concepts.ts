// `npm run concepts -- --input FILE [--top K]`: prints each paper's ranked keyphrases as JSON lines on stdout.
import { printable } from './cli/terminal.ts';
import { readFileSync } from 'node:fs';
import { UsageError } from './cli/args.ts';
import { runMain } from './cli/graph.ts';
import { extractPaper } from './pipeline/extract/index.ts';
import { rankKeyphrases, RANK_DEFAULTS, type RankInput } from './pipeline/rank.ts';
import { CorpusError, decodeCorpus, readCorpus } from './pipeline/read.ts';

const HELP = `Prints the keyphrases of every paper of a corpus, best first, as one JSON line per paper:
  {"id": "<the record's id, else its key>", "keyphrases": ["…", …]}
Candidates come from the graph's concept extractor; progress and messages go to stderr.

Usage: npm run concepts -- --input FILE [options]

  --input, -i FILE   corpus: trending-page text, JSON array or JSONL of {title, abstract, id?, …}
  --top, -k K        keyphrases per paper (default ${RANK_DEFAULTS.top})
  --quiet, -q        print only errors on stderr
  --help, -h         this text
`;

interface Args {
  input?: string;
  top: number;
  quiet: boolean;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { top: RANK_DEFAULTS.top, quiet: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('-') && v.length > 1)) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--quiet' || flag === '-q') args.quiet = true;
    else if (flag === '--input' || flag === '-i') args.input = value();
    else if (flag === '--top' || flag === '-k') {
      const v = value();
      const n = Number(v);
      if (!/^\s*\d+\s*$/.test(v) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`--top takes a whole number ≥ 1, not "${v}"`);
      args.top = n;
    } else throw new UsageError(`unknown argument ${raw}`);
  }
  return args;
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CorpusError(file, 0, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(e)})`);
  }
}

await runMain(() => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  if (args.input === undefined) throw new UsageError('--input FILE is required');
  const info = args.quiet ? () => {} : (line: string) => process.stderr.write(`${printable(line)}\n`);
  // A closed pipe (`… | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });

  const started = performance.now();
  const read = readCorpus(decodeCorpus(readBytes(args.input), args.input), args.input);
  info(`concepts: ${read.papers.length} papers from ${args.input} (${read.format}), ${read.skipped.length} skipped`);
  for (const s of read.skipped) info(`  skipped ${args.input}:${s.line}: ${s.reason}${s.title ? ` — "${s.title.slice(0, 60)}"` : ''}`);
  if (read.papers.length === 0) {
    info('concepts: no papers, nothing to rank');
    return;
  }

  let shown = performance.now();
  const inputs: RankInput[] = read.papers.map((p, i) => {
    if (performance.now() - shown > 1000) {
      shown = performance.now();
      info(`  extract ${Math.round((100 * i) / read.papers.length)}% (${i}/${read.papers.length})`);
    }
    return { ...extractPaper(p), title: p.title, abstract: p.abstract };
  });
  const ranked = rankKeyphrases(inputs, { top: args.top });
  const lines = read.papers.map((p) => JSON.stringify({ id: p.id ?? p.key, keyphrases: (ranked.get(p.key) ?? []).map((r) => r.phrase) }));
  process.stdout.write(`${lines.join('\n')}\n`);
  info(`concepts: ranked ${read.papers.length} papers in ${Math.round(performance.now() - started)} ms`);
});
