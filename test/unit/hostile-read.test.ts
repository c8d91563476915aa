// Hostile input, reader side: every fixture in test/fixtures/hostile/ either reads with each record accounted for
// (a paper or a skip with its line and reason) or stops with a CorpusError naming the file and line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorpusError, decodeCorpus, readCorpus, type ReadResult } from '../../scripts/pipeline/read.ts';

const bytesOf = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url));
const read = (name: string): ReadResult => readCorpus(decodeCorpus(bytesOf(name), name), name);
const corpusError = (fn: () => unknown): CorpusError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof CorpusError) return err;
    throw err;
  }
  throw new Error('expected a CorpusError');
};
/** Records in a JSONL fixture: its non-blank lines. */
const jsonlRecords = (name: string): number => new TextDecoder().decode(bytesOf(name)).split('\n').filter((l) => l.trim() !== '').length;
const lines = (r: ReadResult): number[] => r.papers.map((p) => p.line);
const skips = (r: ReadResult): Array<[number, string]> => r.skipped.map((s) => [s.line, s.reason]);

describe('files with no papers', () => {
  it('an empty file reads as no papers and no skips (the CLI then stops, see hostile-cli)', () => {
    expect(read('empty.txt')).toEqual({ format: 'trending-text', papers: [], skipped: [], warnings: [] });
  });

  it('a trending page with only its header reads as no papers and no skips', () => {
    expect(read('header-only.txt')).toEqual({ format: 'trending-text', papers: [], skipped: [], warnings: [] });
  });

  it('JSON that is an object, not an array, is a CorpusError at line 1', () => {
    const err = corpusError(() => read('object-not-array.json'));
    expect(err.message).toBe('object-not-array.json:1: expected an array of paper objects, got an object');
  });

  it('a JSON array of scalars and arrays skips each element with its line and kind', () => {
    const r = read('array-of-scalars.json');
    expect(r.papers).toEqual([]);
    expect(skips(r)).toEqual([
      [2, 'expected a paper object, got a number'],
      [3, 'expected a paper object, got a string'],
      [4, 'expected a paper object, got null'],
      [5, 'expected a paper object, got a boolean'],
      [6, 'expected a paper object, got an array'],
    ]);
  });
});

describe('records with a part missing (trending-page text)', () => {
  it('a title with no abstract is skipped with its line, the papers around it are read', () => {
    const r = read('title-without-abstract.txt');
    expect(r.papers.map((p) => [p.title, p.line])).toEqual([
      ['Sparse Attention for Long Documents', 11],
      ['Filtering Heterophilous Graphs', 17],
    ]);
    expect(r.skipped).toEqual([{ line: 15, reason: 'title without abstract', title: 'A Title Whose Abstract Went Missing' }]);
  });

  it('an abstract with no title is skipped with its line, and never glued to a neighbour', () => {
    const r = read('abstract-without-title.txt');
    expect(lines(r)).toEqual([11, 17]);
    expect(r.papers[0]?.abstract).toMatch(/^We study sparse attention.*dense attention at a fraction of its memory\.$/);
    expect(r.skipped).toEqual([{ line: 15, reason: 'abstract without title' }]);
  });

  it('titles opening with "[" or "{" are text, not a JSON error', () => {
    const r = read('bracket-titles.txt');
    expect(r.format).toBe('trending-text');
    expect(r.papers.map((p) => p.title)).toEqual(['[Re]: Reproducing Sparse Attention for Long Documents', '{Fun} with Heterophilous Graphs']);
  });
});

describe('duplicates', () => {
  it('keeps the first of titles equal up to case, spacing and full-width letters, and reports each other one', () => {
    const r = read('duplicates.jsonl');
    expect(lines(r)).toEqual([1, 2, 7]);
    expect(skips(r)).toEqual([
      [3, 'duplicate of line 1'],
      [4, 'duplicate of line 1'],
      [5, 'duplicate of line 1'],
      [6, 'duplicate of line 2'],
    ]);
    expect(r.papers.length + r.skipped.length).toBe(jsonlRecords('duplicates.jsonl'));
  });

  it('reads two papers with the same id under distinct keys, with a warning naming both lines', () => {
    const text = ['{"id": "x", "title": "A", "abstract": "a"}', '{"id": "x", "title": "B", "abstract": "b"}'].join('\n');
    const r = readCorpus(text, 'ids.jsonl');
    expect(r.papers.map((p) => p.key)).toEqual(['x', 'x-2']);
    expect(r.warnings).toEqual([{ line: 2, reason: 'id "x" is also used on line 1: key "x-2"', title: 'B' }]);
  });
});

describe('encodings and line ends', () => {
  it('invalid UTF-8 (a Latin-1 "é") is a CorpusError at the line of the byte', () => {
    const err = corpusError(() => decodeCorpus(bytesOf('invalid-utf8.txt'), 'hostile/invalid-utf8.txt'));
    expect(err).toMatchObject({ file: 'hostile/invalid-utf8.txt', line: 5 });
    expect(err.message).toBe('hostile/invalid-utf8.txt:5: invalid UTF-8: byte 0xe9 at byte offset 274');
  });

  it('UTF-16 without a byte-order mark (valid UTF-8 full of NUL bytes) is refused with a hint', () => {
    const err = corpusError(() => decodeCorpus(bytesOf('utf16-no-bom.txt'), 'u16.txt'));
    expect(err.message).toBe('u16.txt:1: NUL byte at byte offset 1 (the file looks like UTF-16; save it as UTF-8)');
    expect(corpusError(() => decodeCorpus(Uint8Array.from([0x61, 0x0a, 0x62, 0x00, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68]), 'bin')).message).toBe(
      'bin:2: NUL byte at byte offset 3 (a binary file?)',
    );
  });

  it('a UTF-8 BOM is stripped: it is not part of the first title or key', () => {
    const r = read('bom.jsonl');
    expect(r.format).toBe('jsonl');
    expect(r.papers.map((p) => [p.key, p.title])).toEqual([
      ['sparse-attention-for-long-documents', 'Sparse Attention for Long Documents'],
      ['filtering-heterophilous-graphs', 'Filtering Heterophilous Graphs'],
    ]);
  });

  it('CRLF line ends read exactly like LF: same papers, same lines, no "\\r" anywhere', () => {
    const crlf = read('crlf.txt');
    const lf = readCorpus(new TextDecoder().decode(bytesOf('crlf.txt')).replace(/^\ufeff/, '').replace(/\r\n/g, '\n'), 'crlf.txt');
    expect(crlf).toEqual(lf);
    expect(lines(crlf)).toEqual([11, 15, 19]);
    expect(JSON.stringify(crlf)).not.toContain('\\r');
  });
});

describe('broken JSON and JSONL records', () => {
  it('JSONL with one cut-off line: that line is reported, the rest read', () => {
    const r = read('broken-line.jsonl');
    expect(lines(r)).toEqual([1, 2, 4]);
    expect(skips(r)).toEqual([[3, 'invalid JSON: unterminated string (column 47)']]);
    expect(r.papers.length + r.skipped.length).toBe(jsonlRecords('broken-line.jsonl'));
  });

  it('JSONL whose first line is broken (and not even "{") is still read as JSONL', () => {
    const r = read('broken-first-line.jsonl');
    expect(r.format).toBe('jsonl');
    expect(lines(r)).toEqual([2, 3, 4]);
    expect(skips(r)).toEqual([[1, 'invalid JSON: unexpected character "t" (column 1)']]);
  });

  it('fields of the wrong type: a bad title or abstract skips the record, a bad optional field is dropped with a warning', () => {
    const r = read('wrong-types.json');
    expect(skips(r)).toEqual([
      [2, 'title is not a string (a number)'],
      [3, 'abstract is not a string (an array)'],
      [4, 'title is not a string (an array)'],
      [5, 'title is not a string (an object)'],
      [6, 'abstract is not a string (a boolean)'],
      [9, 'missing title (only invisible characters)'],
      [10, 'missing abstract (empty)'],
    ]);
    const [first, second] = r.papers;
    expect(Object.keys(first ?? {}).sort()).toEqual(['abstract', 'key', 'line', 'title']);
    expect(first).toMatchObject({ key: 'sparse-attention-for-long-documents', line: 7 });
    expect(second).toMatchObject({ key: '2401.00002', id: '2401.00002', date: '20240311', line: 8 });
    expect(second?.url).toBeUndefined();
    expect(second?.authors).toBeUndefined();
    expect(r.warnings.map((w) => [w.line, w.reason])).toEqual([
      [7, 'id ignored: an object, not a string or a finite number (the key comes from the title)'],
      [7, 'url ignored: a number, not a string'],
      [7, 'authors ignored: an array holding a number, not only strings'],
      [7, 'date ignored: a boolean, not a string or a finite number'],
      [8, 'url ignored: an array, not a string'],
      [8, 'authors ignored: an object, not a string or an array of strings'],
    ]);
    expect(r.papers.length + r.skipped.length).toBe(9);
  });

  it('minified JSON names the array element of each skipped record, since they share line 1', () => {
    const r = readCorpus('[{"title": "A", "abstract": "a"}, {"title": "B"}, 7, {"title": "C", "abstract": "c", "url": 1}]', 'min.json');
    expect(skips(r)).toEqual([
      [1, 'missing abstract (array element 2)'],
      [1, 'expected a paper object, got a number (array element 3)'],
    ]);
    expect(r.warnings.map((w) => w.reason)).toEqual(['url ignored: a number, not a string (array element 4)']);
  });
});

describe('prototype keys and other scripts', () => {
  it('__proto__, constructor, toString as ids, titles and fields are plain data and pollute nothing', () => {
    const r = read('proto.jsonl');
    expect(r.skipped).toEqual([]);
    expect(r.papers.map((p) => p.key)).toEqual(['__proto__', 'constructor', 'toString', 'constructor-networks-for-proto-learning', 'hasOwnProperty', 'valueof']);
    expect(r.papers[0]?.extra?.['__proto__']).toEqual({ polluted: true });
    expect(Object.getPrototypeOf(r.papers[0]?.extra)).toBe(null);
    expect(r.papers[5]?.extra?.['constructor']).toEqual({ prototype: { polluted: true } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('Chinese, Greek, emoji, flags and combining accents pass through unchanged, with ascii or hashed keys', () => {
    const r = read('scripts.jsonl');
    const source = new TextDecoder().decode(bytesOf('scripts.jsonl')).trim().split('\n').map((l) => JSON.parse(l) as { title: string; abstract: string });
    expect(r.papers.map((p) => [p.title, p.abstract])).toEqual(source.map((s) => [s.title, s.abstract]));
    expect(r.papers.map((p) => p.key)).toEqual([
      expect.stringMatching(/^paper-[0-9a-f]{8}$/),
      expect.stringMatching(/^paper-[0-9a-f]{8}$/),
      'cafe-networks-resume-parsing-with-graph-neural',
      'strasse-uber-aero-knowledge-distillation',
      'emoji-only',
    ]);
    expect(r.papers[2]?.abstract).toContain('re\u0301sume\u0301');
  });

  it('a title of only zero-width characters is no title', () => {
    const r = readCorpus('{"title": "\\u200b\\u2060\\ufe0f", "abstract": "x"}\n{"title": "\\u3164", "abstract": "y"}\n', 'zw.jsonl');
    expect(skips(r)).toEqual([
      [1, 'missing title (only invisible characters)'],
      [2, 'missing title (only invisible characters)'],
    ]);
    const text = readCorpus(`Real Title\n\n${'We study things. '.repeat(15)}\n\n\u200b\u200b\n\nSecond Title\n\n${'We study more things. '.repeat(12)}\n`, 'zw.txt');
    expect(text.papers.map((p) => p.title)).toEqual(['Real Title', 'Second Title']);
    expect(text.skipped).toEqual([]);
  });
});
