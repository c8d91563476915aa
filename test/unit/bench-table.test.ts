// The bench's pure parts: sizes, the synthetic corpus recipe, medians, the table and the README section.
import { describe, expect, it } from 'vitest';
import type { ChildResult } from '../../scripts/bench/child.ts';
import { parseSizes, sentencesOf, synthesize } from '../../scripts/bench/corpora.ts';
import { fmtBytes, fmtMs, markdownTable, median, README_END, README_START, replaceSection, type Row } from '../../scripts/bench/table.ts';

describe('bench sizes and corpora', () => {
  it('knows the real corpora and reads any synthetic size', () => {
    expect(parseSizes('seed,500,4820,20k,100k').map((s) => s.papers)).toEqual([98, 500, 4820, 20_000, 100_000]);
    expect(parseSizes('50000, 1.5k').map((s) => s.papers)).toEqual([50_000, 1500]);
    expect(() => parseSizes('lots')).toThrow(/--sizes/);
  });

  it('splits abstracts into sentences', () => {
    expect(sentencesOf('We propose A. It works! Does it? 3 runs show it.')).toEqual(['We propose A.', 'It works!', 'Does it?', '3 runs show it.']);
    expect(sentencesOf('e.g. the i.i.d. case')).toEqual(['e.g. the i.i.d. case']);
  });

  it('makes a synthetic corpus of the asked size: real papers first, then distinct, deterministic variants', () => {
    const ml = Array.from({ length: 6 }, (_, i) => ({ id: `m${i}`, title: `ML paper ${i}`, abstract: `First ${i}. Second ${i}. Third ${i}. Fourth ${i}.` }));
    const other = [{ id: 'o0', title: 'Other', abstract: 'Alpha. Beta. Gamma.' }];
    const out = synthesize([ml, other], 20);
    expect(out).toHaveLength(20);
    expect(out.slice(0, 7)).toEqual([...ml, ...other]);
    expect(new Set(out.map((r) => r.id)).size).toBe(20);
    expect(new Set(out.map((r) => r.title)).size).toBe(20);
    expect(out[7]!.title).toBe('ML paper 0 (2)');
    for (const r of out.slice(7)) {
      const [first, ...rest] = sentencesOf(r.abstract);
      const origin = [...ml, ...other].find((o) => r.id.startsWith(`${o.id}~`))!;
      expect(first).toBe(sentencesOf(origin.abstract)[0]);
      // Other sentences come from the same corpus only.
      const pool = new Set((origin.id.startsWith('m') ? ml : other).flatMap((o) => sentencesOf(o.abstract)));
      for (const s of rest) expect(pool.has(s)).toBe(true);
    }
    expect(synthesize([ml, other], 20)).toEqual(out);
  });
});

const build = (totalMs: number, extra: Partial<ChildResult> = {}): ChildResult => ({
  papers: 100,
  concepts: 50,
  edges: 300,
  clusters: 4,
  threads: 1,
  layoutQuality: 0.5,
  timings: [
    ['read', 10],
    ['extract', totalMs / 2],
    ['layout', totalMs / 2 - 10],
  ],
  totalMs,
  bytes: 2_500_000,
  maxRss: 300e6,
  cpuMs: totalMs,
  ...extra,
});

describe('bench table', () => {
  it('takes medians and formats times and sizes', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
    expect([fmtMs(12.4), fmtMs(1234), fmtMs(123_456), fmtMs(NaN)]).toEqual(['12 ms', '1.2 s', '123 s', '–']);
    expect([fmtBytes(2_500), fmtBytes(2_500_000), fmtBytes(250_000_000), fmtBytes(2.5e9)]).toEqual(['3 KB', '2.5 MB', '250 MB', '2.50 GB']);
  });

  it('prints one row per corpus with medians, and says why a row is empty', () => {
    const rows: Row[] = [
      { size: 'seed', source: '', builds: [build(1000), build(3000), build(2000)], wallMs: [1, 2, 3], gzipBytes: 500_000, pages: [{ firstRenderMs: 700, readyMs: 650, hoverFrameMs: 20 }] },
      { size: '4820', source: '', builds: [], wallMs: [], pages: [], skipped: 'skipped: ../shared/corpora/ml-abstracts.jsonl is absent' },
      { size: '100k', source: '', builds: [build(90_000)], wallMs: [1], pages: [{ error: 'not ready after 600 s' }] },
    ];
    const table = markdownTable(rows).split('\n');
    expect(table[0]).toMatch(/^\| corpus \| papers \| concepts \| edges \| read \| extract \| normalize \| link \| cluster \| layout \| emit \| write \| total \|/);
    const cells = (line: string): string[] => line.split('|').slice(1, -1).map((c) => c.trim());
    const seed = cells(table[2]!);
    expect(cells(table[1]!)).toHaveLength(cells(table[0]!).length);
    expect(seed).toHaveLength(cells(table[0]!).length);
    expect(seed[0]).toBe('seed (×3)');
    expect(seed[12]).toBe('**2.0 s**');
    expect(seed).toContain('700 ms');
    expect(seed).toContain('500 KB');
    expect(table[3]).toContain('ml-abstracts.jsonl is absent');
    expect(cells(table[3]!)).toHaveLength(cells(table[0]!).length);
    expect(table[4]).toContain('fails: not ready after 600 s');
  });

  it('replaces the README section between the markers, and only there', () => {
    const readme = `# Title\n\n${README_START}\nold table\n${README_END}\n\nrest\n`;
    expect(replaceSection(readme, 'new table\n')).toBe(`# Title\n\n${README_START}\nnew table\n${README_END}\n\nrest\n`);
    expect(replaceSection('# no markers\n', 'x')).toBeUndefined();
  });
});
