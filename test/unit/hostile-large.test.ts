// Hostile sizes: a 5 MB abstract and 100,000-character "words", generated here (nothing big is committed).
// The default run checks the reader and the tokenizer (the stages that used to be quadratic) on them; the whole
// build on a 5 MB abstract takes tens of seconds, so it runs only with ATLAS_SLOW_TESTS=1:
//   ATLAS_SLOW_TESTS=1 npx vitest run test/unit/hostile-large.test.ts
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../scripts/cli/args.ts';
import { runGraphBuild } from '../../scripts/cli/graph.ts';
import { buildAtlas } from '../../scripts/pipeline/build.ts';
import { tokenize } from '../../scripts/pipeline/extract/tokens.ts';
import { decodeCorpus, readCorpus } from '../../scripts/pipeline/read.ts';
import { DEFAULTS } from '../../scripts/options.ts';
import { validateGraph } from '../../src/contract/validate.ts';

const SENTENCES = [
  'We study sparse attention for long documents',
  'Graph neural networks filter heterophilous graphs with spectral filters',
  'Quantizing the key-value cache reduces the memory of long contexts',
  'Knowledge distillation transfers a large teacher into a small student',
  'Diffusion models generate images from text prompts in few steps',
  'Large language models answer questions about tables and charts',
];

/** About `size` characters of prose; every `definitionEvery`-th sentence defines an acronym in parentheses. */
function prose(size: number, definitionEvery = 0): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const s = `${SENTENCES[i % SENTENCES.length]}${definitionEvery && i % definitionEvery === 0 ? ' with large language models (LLMs)' : ''}. `;
    parts.push(s);
    length += s.length;
  }
  return parts.join('');
}

const time = <T>(fn: () => T): [T, number] => {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
};

describe('runs without spaces are tokenized in linear time', () => {
  // wink-nlp alone takes ~1.4 s for 16,000 characters of "Ab1Ab1…" and grows with the square of the length.
  it.each([
    ['a 100,000-letter word', 'a'.repeat(100_000)],
    ['100,000 characters of mixed case and digits', 'Ab1'.repeat(33_334)],
    ['120,000 characters of "ab." (words and dots, no space)', 'ab.'.repeat(40_000)],
    ['100,000 underscores and letters', '__proto__'.repeat(11_112)],
    ['a base letter with 100,000 combining marks', `e${'\u0301'.repeat(100_000)}`],
  ])('%s', (_, run) => {
    const [tokens, ms] = time(() => tokenize(`We study ${run} in large language models.`));
    expect(ms).toBeLessThan(3_000);
    expect(tokens.map((t) => t.text)).toEqual(expect.arrayContaining(['We', 'study', 'large', 'language', 'models']));
    // No token of the run can become a term: long ones are punctuation, short ones are pieces of it.
    const long = tokens.filter((t) => t.text.length > 64);
    expect(long.every((t) => t.pos === 'PUNCT')).toBe(true);
  });

  it('keeps a URL and a CJK run with English words inside whole enough to tag', () => {
    const url = 'https://example.org/papers/sparse-attention-for-long-documents?version=2&format=pdf#section-4';
    const cjk = '我们提出一种基于Transformer的新方法，'.repeat(20);
    const tokens = tokenize(`See ${url} and ${cjk} for large language models.`);
    expect(tokens.filter((t) => t.text === 'Transformer')).toHaveLength(20);
    expect(tokens.map((t) => t.text)).toEqual(expect.arrayContaining(['See', 'large', 'language', 'models']));
  });
});

describe('a 5 MB abstract', () => {
  const abstract = prose(5_000_000);

  it('reads in well under 5 s as JSONL, JSON and trending text', () => {
    expect(abstract.length).toBeGreaterThan(5_000_000);
    const record = { title: 'A Very Long Abstract on Sparse Attention', abstract };
    const inputs = [
      JSON.stringify(record),
      JSON.stringify([record, { title: 'Short', abstract: 'Sparse attention.' }]),
      `${record.title}\n\n${abstract}\n\nSecond Title\n\n${prose(300)}\n`,
    ];
    const [counts, ms] = time(() => inputs.map((text) => readCorpus(decodeCorpus(new TextEncoder().encode(text), 'big'), 'big').papers.length));
    expect(counts).toEqual([1, 2, 2]);
    expect(ms).toBeLessThan(5_000);
  });

  it('and a 100,000-character word build a graph with every paper, quickly when small', () => {
    const word = 'x'.repeat(100_000);
    const papers = readCorpus(
      [
        { title: `Sparse attention ${word}`, abstract: `We study sparse attention. ${word} ${prose(2_000)}` },
        { title: 'Sparse Attention for Long Documents', abstract: prose(1_000) },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
      'word.jsonl',
    ).papers;
    const [result, ms] = time(() => buildAtlas({ papers, input: 'word.jsonl', format: 'jsonl', skipped: 0, options: { ...DEFAULTS } }));
    expect(result.atlas.nodes.filter((n) => n.attributes.kind === 'paper')).toHaveLength(2);
    expect(ms).toBeLessThan(10_000);
  });
});

const SLOW = process.env.ATLAS_SLOW_TESTS === '1';

describe.runIf(SLOW)('the whole CLI build on a 5 MB abstract (ATLAS_SLOW_TESTS=1)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-hostile-large-'));

  function buildTimed(name: string, abstract: string): { ms: number; lines: string[] } {
    const input = join(tmp, `${name}.jsonl`);
    const word = 'y'.repeat(100_000);
    writeFileSync(
      input,
      [
        { title: 'A Very Long Abstract on Sparse Attention', abstract },
        { title: `Sparse Attention with a ${word} Word`, abstract: `Sparse attention for long documents with ${word} inside.` },
        { title: 'Sparse Attention for Long Documents', abstract: prose(1_500, 3) },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const lines: string[] = [];
    const out = join(tmp, `${name}.json`);
    const [, ms] = time(() => runGraphBuild(parseArgs(['--input', input, '--out', out]), { info: (l) => lines.push(l), error: (l) => lines.push(l) }));
    const result = validateGraph(JSON.parse(readFileSync(out, 'utf8')));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.graph.nodes.filter((n) => n.attributes.kind === 'paper')).toHaveLength(3);
    console.log(`${name}: ${Math.round(ms)} ms\n${lines.filter((l) => /^(read|extract|normalize|link|cluster|layout|emit|done)\b/.test(l)).join('\n')}`);
    return { ms, lines };
  }

  it('of plain prose, with a 100,000-character word beside it, finishes within 60 s', () => {
    expect(buildTimed('prose', prose(5_000_000)).ms).toBeLessThan(60_000);
  }, 180_000);

  it('that defines an acronym in every fifth sentence finishes within 60 s', () => {
    expect(buildTimed('acronyms', prose(5_000_000, 5)).ms).toBeLessThan(60_000);
  }, 600_000);
});
