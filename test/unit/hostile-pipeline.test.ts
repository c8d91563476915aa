// Hostile input through the whole build, in process (`runGraphBuild` is the CLI minus process start and exit code):
// every record of every fixture is a paper node or a printed skip, the graph passes the contract, prototype-like
// words pollute nothing, unicode spans stay whole, and two builds give the same bytes.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../scripts/cli/args.ts';
import { runGraphBuild } from '../../scripts/cli/graph.ts';
import { CorpusError } from '../../scripts/pipeline/read.ts';
import type { SerializedAtlas } from '../../src/contract/types.ts';
import { validateGraph } from '../../src/contract/validate.ts';

const DIR = 'test/fixtures/hostile';
const tmp = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));

interface Built {
  lines: string[];
  graph: SerializedAtlas;
  bytes: string;
}

function build(name: string, out = join(tmp, `${name}.json`)): Built {
  const lines: string[] = [];
  runGraphBuild(parseArgs(['--input', `${DIR}/${name}`, '--out', out]), { info: (l) => lines.push(l), error: (l) => lines.push(l) });
  const bytes = readFileSync(out, 'utf8');
  const result = validateGraph(JSON.parse(bytes));
  if (!result.ok) throw new Error(`${name}: invalid graph: ${result.errors.join('; ')}`);
  return { lines, graph: result.graph, bytes };
}

const papersOf = (g: SerializedAtlas) => g.nodes.filter((n) => n.attributes.kind === 'paper');
const conceptsOf = (g: SerializedAtlas) => g.nodes.filter((n) => n.attributes.kind === 'concept');

/** The printed "N papers from … (format), M skipped" and the number of "skipped FILE:LINE" lines. */
function printed(lines: string[]): { papers: number; skipped: number; skipLines: number } {
  const m = /(\d+) papers from .* \((?:json|jsonl|trending-text)\), (\d+) skipped$/.exec(lines.find((l) => l.startsWith('read ')) ?? '');
  if (!m) throw new Error(`no read summary in:\n${lines.join('\n')}`);
  return { papers: Number(m[1]), skipped: Number(m[2]), skipLines: lines.filter((l) => /^ {2}skipped \S+:\d+: /.test(l)).length };
}

// Fixture → records in the input (title/abstract pairs and strays for text, elements for JSON, non-blank lines for
// JSONL) and papers expected in the graph.
const READABLE: Array<[name: string, records: number, papers: number]> = [
  ['title-without-abstract.txt', 3, 2],
  ['abstract-without-title.txt', 3, 2],
  ['bracket-titles.txt', 2, 2],
  ['duplicates.jsonl', 7, 3],
  ['bom.jsonl', 2, 2],
  ['crlf.txt', 3, 3],
  ['broken-line.jsonl', 4, 3],
  ['broken-first-line.jsonl', 4, 3],
  ['wrong-types.json', 9, 2],
  ['proto.jsonl', 6, 6],
  ['scripts.jsonl', 5, 5],
  ['disjoint.jsonl', 4, 4],
];

describe('every record is a paper node or a printed skip', () => {
  it.each(READABLE)('%s: %i records → %i papers', (name, records, papers) => {
    const { lines, graph } = build(name);
    const counts = printed(lines);
    expect(counts.papers).toBe(papers);
    expect(counts.papers + counts.skipped).toBe(records);
    expect(counts.skipLines).toBe(counts.skipped);
    expect(papersOf(graph)).toHaveLength(papers);
    expect(graph.attributes.build).toMatchObject({ papers, skipped: records - papers });
    expect(lines.at(-2)).toMatch(new RegExp(`^done in \\d+ ms: ${papers} papers \\(${records - papers} skipped\\)`));
  });

  it.each([
    ['header-only.txt', 'header-only.txt:1: no papers found (need records with a title and an abstract)'],
    ['object-not-array.json', 'object-not-array.json:1: expected an array of paper objects, got an object'],
  ])('%s stops with a CorpusError naming the file and line (the CLI prints it as "error: …" and exits 1)', (name, message) => {
    const run = () => runGraphBuild(parseArgs(['--input', `${DIR}/${name}`, '--out', join(tmp, 'never.json')]), { info: () => {}, error: () => {} });
    expect(run).toThrow(CorpusError);
    expect(run).toThrow(`${DIR}/${message}`);
  });

  it('an array of non-objects reads 0 papers, lists all 5 skips, then stops with a CorpusError naming the file', () => {
    const lines: string[] = [];
    const run = () => runGraphBuild(parseArgs(['--input', `${DIR}/array-of-scalars.json`, '--out', join(tmp, 'never.json')]), { info: (l) => lines.push(l), error: (l) => lines.push(l) });
    expect(run).toThrow(CorpusError);
    expect(run).toThrow(`${DIR}/array-of-scalars.json:1: no papers found (need records with a title and an abstract)`);
    expect(printed(lines.slice(0, 6))).toEqual({ papers: 0, skipped: 5, skipLines: 5 });
  });
});

describe('prototype-like words', () => {
  it('__proto__, constructor and toString as ids, titles, words and concepts build a valid graph and pollute nothing', () => {
    const { graph } = build('proto.jsonl');
    expect(papersOf(graph).map((n) => n.key)).toEqual([
      'p:__proto__', 'p:constructor', 'p:constructor-networks-for-proto-learning', 'p:hasOwnProperty', 'p:toString', 'p:valueof',
    ]);
    const concepts = conceptsOf(graph);
    expect(concepts.map((n) => n.key)).toContain('c:constructor-network');
    expect(concepts.find((n) => n.key === 'c:constructor-network')?.attributes).toMatchObject({ label: 'constructor network', papers: 6 });
    const proto = papersOf(graph).find((n) => n.key === 'p:__proto__');
    expect(proto?.attributes).toMatchObject({ title: '__proto__', label: '__proto__' });
    for (const probe of [{}, [], Object.create(Object.prototype)] as Record<string, unknown>[]) {
      expect(probe['polluted']).toBeUndefined();
      expect(probe['prototype']).toBeUndefined();
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(typeof Object.prototype.toString).toBe('function');
    expect(typeof ({} as { constructor: unknown }).constructor).toBe('function');
  });
});

describe('other scripts', () => {
  it('titles and abstracts come out exactly as read, and every mention span is in bounds and cuts no character', () => {
    const { graph } = build('scripts.jsonl');
    const source = readFileSync(`${DIR}/scripts.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { title: string; abstract: string });
    expect(papersOf(graph).map((n) => (n.attributes.kind === 'paper' ? n.attributes.title : '')).sort()).toEqual(source.map((s) => s.title).sort());
    const byKey = new Map(graph.nodes.map((n) => [n.key, n.attributes]));
    expect(graph.edges.length).toBeGreaterThan(0);
    for (const e of graph.edges) {
      const paper = byKey.get(e.source);
      if (paper?.kind !== 'paper') throw new Error(`edge ${e.key} does not start at a paper`);
      for (const [text, spans] of [[paper.title, e.attributes.titleSpans], [paper.abstract, e.attributes.abstractSpans]] as const) {
        for (const [a, b] of spans) {
          expect(0 <= a && a < b && b <= text.length, `${e.key} [${a}, ${b})`).toBe(true);
          const slice = text.slice(a, b);
          expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(slice), `${e.key} cuts a surrogate pair: ${slice}`).toBe(false);
          expect(/^\p{M}/u.test(slice) || /^\p{M}/u.test(text.slice(b)), `${e.key} cuts off a combining mark: ${slice}`).toBe(false);
        }
      }
    }
  });

  it('two builds of the same unicode corpus are byte-identical', () => {
    const a = build('scripts.jsonl', join(tmp, 'scripts-a.json'));
    const b = build('scripts.jsonl', join(tmp, 'scripts-b.json'));
    expect(b.bytes).toBe(a.bytes);
    expect(a.bytes).toContain('re\u0301sume\u0301');
  });
});

describe('a corpus where no two papers share a concept', () => {
  it('has every paper as a node, no concepts, no edges, and a graph the app accepts', () => {
    const { graph } = build('disjoint.jsonl');
    expect(papersOf(graph)).toHaveLength(4);
    expect(conceptsOf(graph)).toEqual([]);
    expect(graph.edges).toEqual([]);
    expect(graph.attributes.clusters).toHaveLength(1);
    expect(validateGraph(JSON.parse(JSON.stringify(graph))).ok).toBe(true);
    for (const p of papersOf(graph)) expect(p.attributes).toMatchObject({ related: [], cluster: 0 });
  });
});
