// Property-based hostile input: random unicode-ish titles and abstracts (parentheses, hyphens, digits, acronyms,
// prototype names, other scripts, emoji, combining marks) never make the reader, the extractor or the whole build
// throw anything but a CorpusError, and every valid record becomes exactly one paper node.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../../scripts/pipeline/build.ts';
import { extractPaper } from '../../scripts/pipeline/extract/index.ts';
import { serializeAtlas } from '../../scripts/pipeline/emit.ts';
import { CorpusError, foldTitle, readCorpus, type ReadResult } from '../../scripts/pipeline/read.ts';
import { hasVisibleText } from '../../scripts/pipeline/read-text.ts';
import { DEFAULTS } from '../../scripts/options.ts';
import { validateGraph } from '../../src/contract/validate.ts';

const WORDS = [
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'constructor networks',
  'sparse', 'attention', 'graph', 'neural', 'networks', 'KV', 'cache', 'LLMs', 'INT4', '4-bit', 'GPT-4', 'W4A8KV4',
  'key-value', 'large language models', 'state-of-the-art', 'e.g.', 'i.e.', '(', ')', '(KV)', '(LLMs)', '-', '--', '.',
  ',', ';', ':', '?', '!', '"', "'", '[', ']', '{', '}', '<mark>', '</mark>', '<img src=x onerror=alert(1)>', '&amp;',
  '中文', '图神经网络', 'Ελληνικά', 'δίκτυα', '😀', '👩‍🔬', '🇩🇪', '👍🏽', 'e\u0301', 'cafe\u0301', 'naïve', 'Straße',
  '\u200b', '\u00a0', '\t', '2024', '3.5', '1e-5', '10%', 'x2013', 'a'.repeat(70), 'Ab1'.repeat(50),
];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99_999 }).map(String) },
);
const separator = fc.constantFrom(' ', ' ', ' ', '', '-', ' (', ') ', '. ', ', ');
const text = (maxWords: number) =>
  fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: maxWords }).map((parts) => parts.map(([w, s]) => w + s).join(''));
const paper = fc.record({ title: text(8), abstract: text(40) });
const corpus = fc.array(paper, { minLength: 1, maxLength: 6 });

/** What the reader must keep: records with visible text in both fields, once per folded title. */
function expectedPapers(records: { title: string; abstract: string }[]): number {
  const titles = new Set<string>();
  for (const r of records) if (hasVisibleText(r.title) && hasVisibleText(r.abstract)) titles.add(foldTitle(r.title.trim()));
  return titles.size;
}

/** Runs the reader; a CorpusError is an allowed outcome (returned as undefined), anything else fails the property. */
function readOrCorpusError(input: string): ReadResult | undefined {
  try {
    return readCorpus(input, 'prop');
  } catch (err) {
    expect(err).toBeInstanceOf(CorpusError);
    return undefined;
  }
}

describe('the reader on random records', () => {
  it('JSONL and JSON: every record is a paper or a skip, every valid distinct title is a paper', () => {
    fc.assert(
      fc.property(corpus, fc.boolean(), (records, asArray) => {
        const input = asArray ? JSON.stringify(records, null, 1) : records.map((r) => JSON.stringify(r)).join('\n');
        const r = readCorpus(input, 'prop');
        expect(r.format).toBe(asArray ? 'json' : 'jsonl');
        expect(r.papers.length + r.skipped.length).toBe(records.length);
        expect(r.papers).toHaveLength(expectedPapers(records));
        expect(new Set(r.papers.map((p) => p.key)).size).toBe(r.papers.length);
      }),
      { numRuns: 300 },
    );
  });

  it('trending-page text: each title line and abstract line pair is a paper (or a reported duplicate)', () => {
    const line = (s: string) => s.replace(/[\n\r\u2028\u2029\u0085]/g, ' ');
    const textCorpus = fc.array(
      fc.record({
        // A letter first, so the file never opens like JSON; short, so the title never looks like an abstract.
        title: text(6).map((t) => `T ${line(t)}`.slice(0, 70)),
        abstract: text(40).map((a) => `${line(a)} ${'We study this problem in depth. '.repeat(8)}`),
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(textCorpus, (records) => {
        const r = readOrCorpusError(records.map((p) => `${p.title}\n\n${p.abstract}\n`).join('\n'));
        if (!r) throw new Error('a text corpus must read');
        expect(r.format).toBe('trending-text');
        expect(r.papers.length + r.skipped.length).toBe(records.length);
        expect(r.papers).toHaveLength(expectedPapers(records));
      }),
      { numRuns: 200 },
    );
  });

  it('any mix of JSON fragments, brackets and prose either reads or throws a CorpusError', () => {
    const piece = fc.oneof(word, separator, fc.json(), fc.constantFrom('\n', '\r\n', '{', '[', ']', '}', '"', '\\', '\ufeff'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (input) => {
        const r = readOrCorpusError(input);
        if (r) expect(new Set(r.papers.map((p) => p.key)).size).toBe(r.papers.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the extractor on random text', () => {
  it('never throws, and every occurrence lies inside its field', () => {
    fc.assert(
      fc.property(paper, (p) => {
        const terms = extractPaper({ key: 'p:x', ...p });
        for (const o of terms.occurrences) {
          const length = o.field === 'title' ? p.title.length : p.abstract.length;
          expect(0 <= o.start && o.start < o.end && o.end <= length).toBe(true);
          expect(o.words.length).toBeGreaterThan(0);
        }
        for (const d of terms.definitions) expect(d.long.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the whole build on random corpora of 1–6 papers', () => {
  it('never throws, keeps every paper as a node, writes a graph the app accepts and pollutes no prototype', () => {
    fc.assert(
      fc.property(corpus, (records) => {
        const read = readCorpus(records.map((r) => JSON.stringify(r)).join('\n'), 'prop.jsonl');
        fc.pre(read.papers.length > 0);
        const { atlas } = buildAtlas({ papers: read.papers, input: 'prop.jsonl', format: read.format, skipped: read.skipped.length, options: { ...DEFAULTS } });
        const result = validateGraph(JSON.parse(serializeAtlas(atlas)));
        expect(result.ok ? [] : result.errors).toEqual([]);
        const keys = atlas.nodes.filter((n) => n.attributes.kind === 'paper').map((n) => n.key);
        expect(keys.sort()).toEqual(read.papers.map((p) => `p:${p.key}`).sort());
        expect(atlas.attributes.build.papers).toBe(read.papers.length);
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
