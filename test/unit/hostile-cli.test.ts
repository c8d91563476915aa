// Hostile input through the real CLI (`tsx scripts/build-graph.ts`): exit code, the lines printed, and the graph
// written. The processes start together in beforeAll, so the file costs about one CLI start-up. The other ways to
// stop (header only, JSON not an array, no valid record) throw the same CorpusError in hostile-pipeline.test.ts.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateGraph } from '../../src/contract/validate.ts';

const TSX = join('node_modules', '.bin', 'tsx');
const DIR = 'test/fixtures/hostile';
const tmp = mkdtempSync(join(tmpdir(), 'atlas-hostile-cli-'));

interface Run {
  status: number | null;
  stderr: string;
  out: string;
  ms: number;
}

function runCli(input: string, name: string): Promise<Run> {
  const out = join(tmp, `${name}.json`);
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(TSX, ['scripts/build-graph.ts', '--input', input, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stderr, out, ms: performance.now() - started }));
  });
}

/** Papers in the written graph file, after checking it against the contract. */
function paperCount(file: string): number {
  const result = validateGraph(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.ok) throw new Error(`invalid graph: ${result.errors.join('; ')}`);
  return result.graph.nodes.filter((n) => n.attributes.kind === 'paper').length;
}

/** "N papers from FILE (format), M skipped" → [N, M]. */
function printedCounts(stderr: string): [number, number] {
  const m = /(\d+) papers from .* \((?:json|jsonl|trending-text)\), (\d+) skipped/.exec(stderr);
  if (!m) throw new Error(`no read summary in:\n${stderr}`);
  return [Number(m[1]), Number(m[2])];
}

const NO_STACK = /^\s+at .*[(:]\d+/m;
const BIG_WORD = join(tmp, 'big-word.jsonl');
const runs = new Map<string, Run>();

beforeAll(async () => {
  const word = 'a'.repeat(100_000);
  writeFileSync(
    BIG_WORD,
    [
      { title: `A ${word} Title on Sparse Attention`, abstract: `We study sparse attention with the ${word} word. Sparse attention reads long documents.` },
      { title: 'Sparse Attention for Long Documents', abstract: 'Sparse attention lets transformers read long documents.' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const jobs: Array<[string, string]> = [
    ['empty', `${DIR}/empty.txt`],
    ['invalid-utf8', `${DIR}/invalid-utf8.txt`],
    ['broken-line', `${DIR}/broken-line.jsonl`],
    ['big-word', BIG_WORD],
  ];
  const done = await Promise.all(jobs.map(([name, input]) => runCli(input, name)));
  jobs.forEach(([name], i) => runs.set(name, done[i]!));
}, 120_000);

const run = (name: string): Run => runs.get(name)!;

describe('the CLI stops with exit 1 and one clear line naming the file', () => {
  it('on an empty file', () => {
    const r = run('empty');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/0 papers from test\/fixtures\/hostile\/empty\.txt \(trending-text\), 0 skipped/);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(
      'error: test/fixtures/hostile/empty.txt:1: no papers found (need records with a title and an abstract)',
    );
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('on invalid UTF-8, at the line of the bad byte', () => {
    const r = run('invalid-utf8');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('error: test/fixtures/hostile/invalid-utf8.txt:5: invalid UTF-8: byte 0xe9 at byte offset 274');
  });
});

describe('the CLI builds what it can read and lists what it skipped', () => {
  it('JSONL with a broken line: the line is reported, the other papers are in a valid graph', () => {
    const r = run('broken-line');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('skipped test/fixtures/hostile/broken-line.jsonl:3: invalid JSON: unterminated string (column 47)');
    const [papers, skipped] = printedCounts(r.stderr);
    expect([papers, skipped]).toEqual([3, 1]);
    expect(papers + skipped).toBe(4); // the four lines of the file
    expect(r.stderr).toMatch(/done in \d+ ms: 3 papers \(1 skipped\)/);
    expect(paperCount(r.out)).toBe(3);
  });

  it('a 100,000-character word in a title and an abstract: a valid graph, well within 60 s', () => {
    const r = run('big-word');
    expect(r.status, r.stderr).toBe(0);
    expect(printedCounts(r.stderr)).toEqual([2, 0]);
    expect(paperCount(r.out)).toBe(2);
    expect(r.ms).toBeLessThan(60_000);
    const graph = JSON.parse(readFileSync(r.out, 'utf8')) as { nodes: { key: string; attributes: { label: string } }[] };
    // The huge word is no concept, and the map label stays short.
    expect(graph.nodes.every((n) => n.key.length < 200 && n.attributes.label.length <= 60)).toBe(true);
  });
});
