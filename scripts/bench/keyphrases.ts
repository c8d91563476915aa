// `npm run bench:keyphrases`: scores the concept extractor's keyphrases on the Inspec test split (F1@5, F1@10).
// Runs the extractor as a user would (`tsx scripts/concepts.ts --input FILE --top 10`), or reads its output from
// --predictions FILE. Scoring lives in ./keyphrase-score.ts; see its header for the protocol and formulas.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  evaluate,
  parseGoldJsonl,
  parsePredictionsJsonl,
  type BenchResult,
  type GoldDoc,
} from './keyphrase-score.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_GOLD = path.resolve(repoRoot, '../shared/corpora/inspec-test.jsonl');
const EXTRACTOR = path.join(repoRoot, 'scripts', 'concepts.ts');
const KS = [5, 10] as const;
const TOP = Math.max(...KS);

/** Published F1 (%) on the 500-document Inspec test split, from ../shared/corpora/README.md. */
const PUBLISHED: readonly { method: string; f1At5: number; f1At10?: number }[] = [
  { method: 'TextRank', f1At5: 24.4 },
  { method: 'SingleRank', f1At5: 24.7 },
  { method: 'PositionRank', f1At5: 25.2 },
  { method: 'EmbedRank', f1At5: 27.2 },
  { method: 'SIFRank', f1At5: 29.1 },
  { method: 'PromptRank (T5)', f1At5: 31.7, f1At10: 37.9 },
];

const USAGE = `Usage: npm run bench:keyphrases -- [options]

Scores the keyphrase extractor on the Inspec test split (macro and micro P/R/F1 at 5 and 10).

Options:
  --gold FILE              gold corpus, JSONL {id, title, abstract, keyphrases[]}
                           (default: ../shared/corpora/inspec-test.jsonl beside the repository)
  --predictions FILE       score this JSONL {id, keyphrases[]} instead of running scripts/concepts.ts
  --save-predictions FILE  also write the extractor's output to FILE
  --limit N                score only the first N gold documents
  --json                   print the result as one JSON object instead of the report
  -h, --help               show this help`;

interface Options {
  goldPath: string;
  goldExplicit: boolean;
  predictionsPath: string | undefined;
  savePath: string | undefined;
  limit: number | undefined;
  json: boolean;
}

function readOptions(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      gold: { type: 'string' },
      predictions: { type: 'string' },
      'save-predictions': { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`--limit must be a positive integer, got "${values.limit}"`);
  }
  // npm runs scripts from the repository root; resolve user paths against the directory the user typed in.
  const cwd = process.env['INIT_CWD'] ?? process.cwd();
  const resolve = (p: string | undefined): string | undefined => (p === undefined ? undefined : path.resolve(cwd, p));
  return {
    goldPath: resolve(values.gold) ?? DEFAULT_GOLD,
    goldExplicit: values.gold !== undefined,
    predictionsPath: resolve(values.predictions),
    savePath: resolve(values['save-predictions']),
    limit,
    json: values.json,
  };
}

/** Runs the extractor on the gold documents (titles and abstracts only) and returns its stdout. */
async function runExtractor(docs: readonly GoldDoc[]): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-keyphrases-'));
  try {
    const input = path.join(dir, 'input.jsonl');
    // The gold keyphrases are left out so the extractor cannot see them.
    fs.writeFileSync(input, docs.map((d) => JSON.stringify({ id: d.id, title: d.title, abstract: d.abstract })).join('\n') + '\n');
    const localTsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    const [cmd, pre]: [string, string[]] = fs.existsSync(localTsx) ? [localTsx, []] : ['npx', ['tsx']];
    const args = [...pre, path.relative(repoRoot, EXTRACTOR), '--input', input, '--top', String(TOP)];
    return await new Promise<string>((resolve, reject) => {
      const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
        else reject(new Error(`extractor failed (${signal ?? `exit code ${code}`}): ${cmd} ${args.join(' ')}`));
      });
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);

function report(result: BenchResult, goldPath: string, source: string, timing: string): string {
  const lines: string[] = [];
  lines.push(`Keyphrase benchmark: ${path.relative(process.cwd(), goldPath) || goldPath}`);
  lines.push(`predictions: ${source}`);
  lines.push(`documents: ${result.docs}   missing from predictions: ${result.missing.length}` +
    (result.extra.length > 0 ? `   ids not in gold (ignored): ${result.extra.length}` : ''));
  if (result.missing.length > 0) {
    lines.push(`  missing: ${result.missing.slice(0, 10).join(', ')}${result.missing.length > 10 ? ', …' : ''}`);
  }
  lines.push('protocol: lowercase, hyphens as spaces, Porter stems, exact match against all gold phrases');
  lines.push('');
  const header = KS.flatMap((k) => [`P@${k}`, `R@${k}`, `F1@${k}`]).map((h) => h.padStart(6)).join(' ');
  lines.push(`${''.padEnd(8)}${header}`);
  for (const avg of ['macro', 'micro'] as const) {
    const cells = result.scores.flatMap((s) => [s[avg].precision, s[avg].recall, s[avg].f1]).map(pct).join(' ');
    lines.push(`${avg.padEnd(8)}${cells}`);
  }
  lines.push('');
  lines.push(`time: ${timing}`);
  lines.push('');
  lines.push('Published F1 on Inspec (micro-averaged, as their evaluation code computes):');
  lines.push(`${''.padEnd(18)}${'F1@5'.padStart(6)} ${'F1@10'.padStart(6)}`);
  for (const p of PUBLISHED) {
    lines.push(`  ${p.method.padEnd(16)}${p.f1At5.toFixed(1).padStart(6)} ${(p.f1At10?.toFixed(1) ?? '-').padStart(6)}`);
  }
  const micro = (k: number): number => result.scores.find((s) => s.k === k)?.micro.f1 ?? 0;
  lines.push(`  ${'this extractor'.padEnd(16)}${pct(micro(5))} ${pct(micro(10))}`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  let options: Options | 'help';
  try {
    options = readOptions(process.argv.slice(2));
  } catch (err) {
    console.error(`bench:keyphrases: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }

  if (!fs.existsSync(options.goldPath)) {
    if (options.goldExplicit) {
      console.error(`bench:keyphrases: gold file not found: ${options.goldPath}`);
      return 1;
    }
    const message = `bench:keyphrases: Inspec corpus not found at ${options.goldPath}; skipping the keyphrase benchmark.`;
    console.log(options.json ? JSON.stringify({ skipped: true, reason: message, gold: options.goldPath }) : message);
    return 0;
  }

  const allGold = parseGoldJsonl(fs.readFileSync(options.goldPath, 'utf8'), options.goldPath);
  const gold = options.limit === undefined ? allGold : allGold.slice(0, options.limit);
  const leftOut = new Set(allGold.slice(gold.length).map((d) => d.id));

  let output: string;
  let source: string;
  let timing: string;
  const started = performance.now();
  if (options.predictionsPath !== undefined) {
    output = fs.readFileSync(options.predictionsPath, 'utf8');
    source = options.predictionsPath;
    timing = '';
  } else {
    if (!fs.existsSync(EXTRACTOR)) {
      console.error(`bench:keyphrases: extractor not found at ${EXTRACTOR}; pass --predictions FILE to score saved output.`);
      return 1;
    }
    console.error(`bench:keyphrases: running the extractor on ${gold.length} documents…`);
    output = await runExtractor(gold);
    const seconds = (performance.now() - started) / 1000;
    source = `scripts/concepts.ts --top ${TOP}`;
    timing = `extractor ${seconds.toFixed(1)} s (${((1000 * seconds) / Math.max(gold.length, 1)).toFixed(1)} ms/doc), `;
    if (options.savePath !== undefined) fs.writeFileSync(options.savePath, output);
  }

  const scoringStarted = performance.now();
  const { predictions, duplicates } = parsePredictionsJsonl(output, source);
  if (duplicates.length > 0) {
    console.error(`bench:keyphrases: ${duplicates.length} duplicate ids in predictions (first record kept): ${duplicates.slice(0, 5).join(', ')}`);
  }
  for (const id of leftOut) predictions.delete(id); // --limit: predictions for skipped documents are not "extra"
  const result = evaluate(gold, predictions, KS);
  timing += `scoring ${((performance.now() - scoringStarted) / 1000).toFixed(2)} s`;

  if (options.json) {
    console.log(JSON.stringify({ gold: options.goldPath, predictions: source, timing, ...result }));
  } else {
    console.log(report(result, options.goldPath, source, timing));
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`bench:keyphrases: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
