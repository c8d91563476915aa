// Tests the corpus reader: format detection, the trending-text / JSON / JSONL parsers, skips, keys and robustness.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CorpusError, decodeCorpus, detectFormat, foldTitle, readCorpus, type ReadResult } from '../../scripts/pipeline/read.ts';
import { hasVisibleText } from '../../scripts/pipeline/read-text.ts';
import { cleanText } from '../../scripts/pipeline/clean-text.ts';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/corpora/${name}`, import.meta.url));
const readFixture = (name: string): ReadResult => readCorpus(decodeCorpus(fixture(name), name), name);
/** Runs fn, expecting it to throw a CorpusError, and returns that error. */
const corpusError = (fn: () => unknown): CorpusError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof CorpusError) return err;
    throw err;
  }
  throw new Error('expected a CorpusError');
};
const SPARSE = 'Sparse Attention for Long Documents';
const GRAPHS = 'Filtering Heterophilous Graphs';
const titlesAndLines = (r: ReadResult): [string, number][] => r.papers.map((p) => [p.title, p.line]);
const prose = (n: number): string => 'We study a problem. We propose a method and show that it works well. '.repeat(n).trim();

describe('the seed corpus (data/trending-papers.txt)', () => {
  const seed = readFileSync(new URL('../../data/trending-papers.txt', import.meta.url));
  const result = readCorpus(decodeCorpus(seed, 'trending-papers.txt'), 'trending-papers.txt');

  it('reads 98 papers, skips none and ignores the 5-line page header', () => {
    expect(result.format).toBe('trending-text');
    expect(result.papers).toHaveLength(98);
    expect(result.skipped).toEqual([]);
    expect(result.papers[0]?.title).toBe('An Extendable, Efficient and Effective Transformer-based Object Detector');
    expect(result.papers[0]?.line).toBe(11);
    expect(result.papers[0]?.abstract.startsWith('Transformers have been widely used')).toBe(true);
    expect(result.papers.some((p) => /^(new|Subscribe|Mar 11)$/.test(p.title))).toBe(false);
  });

  it('gives every paper a unique ascii slug key', () => {
    const keys = result.papers.map((p) => p.key);
    expect(new Set(keys).size).toBe(98);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(keys[1]).toBe('cross-entropy-loss-functions-theoretical-analysis');
  });
});

describe('trending-text format', () => {
  it('finds the end of a 3-line header', () => {
    const r = readFixture('text-header-3.txt');
    expect(titlesAndLines(r)).toEqual([[SPARSE, 7], [GRAPHS, 11]]);
    expect(r.skipped).toEqual([]);
  });

  it('reads a file with no header at all', () => {
    const r = readFixture('text-header-0.txt');
    expect(titlesAndLines(r)).toEqual([[SPARSE, 1], [GRAPHS, 5]]);
    expect(r.skipped).toEqual([]);
  });

  it('tolerates missing and repeated blank lines and trims the lines', () => {
    const r = readFixture('text-no-blank-lines.txt');
    expect(titlesAndLines(r)).toEqual([[SPARSE, 5], [GRAPHS, 10]]);
    expect(r.papers[1]?.abstract).toMatch(/^Graph neural networks.*cost\.$/);
  });

  it('skips a title that has no abstract, in the middle and at the end', () => {
    const r = readFixture('text-title-without-abstract.txt');
    expect(titlesAndLines(r)).toEqual([[SPARSE, 3], [GRAPHS, 9]]);
    expect(r.skipped).toEqual([
      { line: 7, reason: 'title without abstract', title: 'A Title Whose Abstract Went Missing' },
      { line: 13, reason: 'title without abstract', title: 'Load more' },
    ]);
  });

  it('skips an abstract that has no title', () => {
    const r = readFixture('text-abstract-without-title.txt');
    expect(titlesAndLines(r)).toEqual([[SPARSE, 3], [GRAPHS, 9]]);
    expect(r.skipped).toEqual([{ line: 7, reason: 'abstract without title' }]);
  });

  it('reports an abstract on the first line as having no title', () => {
    const r = readCorpus(`${prose(4)}\n\nA Title\n\n${prose(4)}\n`, 'x.txt');
    expect(r.skipped).toEqual([{ line: 1, reason: 'abstract without title' }]);
    expect(r.papers.map((p) => p.line)).toEqual([3]);
  });

  it('returns no papers and no skips for a header-only or empty file', () => {
    for (const name of ['text-header-only.txt', 'empty.txt']) {
      expect(readFixture(name)).toEqual({ format: 'trending-text', papers: [], skipped: [], warnings: [] });
    }
    expect(readCorpus('   \n\n  ', 'blank.txt').papers).toEqual([]);
  });

  it('takes a short line with two sentences as a title but a long two-sentence line as an abstract', () => {
    const r = readCorpus('Is It Enough? Yes.\n\nDeep nets fit label noise. Regularization does not prevent it, and we show why it fails.\n', 'x');
    expect(r.papers).toEqual([
      expect.objectContaining({ title: 'Is It Enough? Yes.', abstract: expect.stringMatching(/^Deep nets/), line: 1 }),
    ]);
  });

  it('reads a first title that starts with a bracketed tag as text, not JSON', () => {
    const r = readFixture('text-bracket-title.txt');
    expect(r.format).toBe('trending-text');
    expect(r.papers[0]?.title).toBe('[Re] Reproducing Sparse Attention for Long Documents');
  });
});

describe('decoding bytes', () => {
  it('strips a BOM and reads CRLF and lone CR line ends as LF', () => {
    const text = decodeCorpus(fixture('crlf-bom.txt'), 'crlf-bom.txt');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).not.toContain('\r');
    const r = readCorpus(text, 'crlf-bom.txt');
    expect(titlesAndLines(r)).toEqual([[SPARSE, 3], [GRAPHS, 7]]);
    expect(r.papers[1]?.abstract.startsWith('Graph neural')).toBe(true);
  });

  it('rejects invalid UTF-8 with a CorpusError naming the file and the line of the bad byte', () => {
    const err = corpusError(() => decodeCorpus(fixture('invalid-utf8.txt'), 'corpus/bad.txt'));
    expect(err).toMatchObject({ file: 'corpus/bad.txt', line: 5 });
    expect(err.message).toMatch(/^corpus\/bad\.txt:5: invalid UTF-8: byte 0xff/);
    expect(corpusError(() => decodeCorpus(Uint8Array.from([0x61, 0x0d, 0x62, 0x0d, 0x0a, 0xff]), 'cr')).line).toBe(3);
  });

  it('rejects overlong forms, surrogates and truncated sequences, and keeps valid multi-byte text', () => {
    const lines = [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x0a, 0x0a, 0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80]].map(
      (bad) => corpusError(() => decodeCorpus(Uint8Array.from(bad), 'b')).line,
    );
    expect(lines).toEqual([1, 1, 3, 1]);
    const good = '中文 Ελληνικά 🧪 e\u0301';
    expect(decodeCorpus(new TextEncoder().encode(good), 'g')).toBe(good);
  });
});

describe('detecting the format from the content', () => {
  it('ignores a misleading file extension', () => {
    const read = ['jsonl-content.txt', 'json-content.md', 'text-content.json'].map(readFixture);
    expect(read.map((r) => [r.format, r.papers.length])).toEqual([['jsonl', 2], ['json', 1], ['trending-text', 1]]);
  });

  it('tells JSON, JSONL and text apart', () => {
    expect(detectFormat('  \n [ {"title": "x"} ]')).toBe('json');
    expect(detectFormat('{"a":1}\n{"a":2}\n')).toBe('jsonl');
    expect(detectFormat('{"a":1}\nbroken\n{"a":2}\n')).toBe('jsonl');
    expect(detectFormat('{\n  "title": "x",\n  "abstract": "y"\n}\n')).toBe('json');
    expect(detectFormat('{"papers": []}')).toBe('json');
    expect(detectFormat('{"title": "One paper", "abstract": "x"}')).toBe('jsonl');
    expect(detectFormat('42')).toBe('json');
    expect(detectFormat('new\n\nSubscribe\n')).toBe('trending-text');
    expect(detectFormat('')).toBe('trending-text');
  });

  it('reads titles that open with "[" or "{" as text, and JSONL whose first line is broken as JSONL', () => {
    expect(detectFormat('[Re]: Reproducing X\n\nabstract')).toBe('trending-text');
    expect(detectFormat('{Fun} with graphs\n\nabstract\n\nSecond\n\nabstract')).toBe('trending-text');
    expect(detectFormat('[\n  {"title": "x"}\n]')).toBe('json');
    expect(detectFormat('garbage\n{"title": "a", "abstract": "b"}\n{"title": "c"}\n')).toBe('jsonl');
    expect(detectFormat('"title": "x"}\n{"title": "a", "abstract": "b"}\n')).toBe('jsonl');
    expect(detectFormat('A title\n\n{not json} at all\n')).toBe('trending-text');
  });
});

describe('JSON format', () => {
  it('reads ids, authors, url and date, and keeps other fields in extra', () => {
    const r = readFixture('papers.json');
    expect(r.format).toBe('json');
    expect(r.skipped).toEqual([]);
    const [first, second, third] = r.papers;
    expect(first).toMatchObject({
      key: '1706.03762', id: '1706.03762', title: 'Sparse Attention for Long Documents', line: 2,
      authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'], url: 'https://example.org/sparse', date: '2024-03-11',
    });
    expect({ ...first?.extra }).toEqual({ venue: 'NeurIPS', stars: 42 });
    expect(second).toMatchObject({ key: 'gnn-7', id: 'gnn-7', line: 12, authors: ['Emmy Noether', 'Kurt Gödel'] });
    expect(Object.keys(second ?? {}).sort()).toEqual(['abstract', 'authors', 'id', 'key', 'line', 'title']);
    expect(third).toMatchObject({ key: 'randomized-renderings-for-robot-policies', line: 14 });
    expect(Object.keys(third ?? {}).sort()).toEqual(['abstract', 'key', 'line', 'title']);
  });

  it('skips bad records with their line and a reason', () => {
    const r = readFixture('bad-records.json');
    expect(r.papers.map((p) => p.title)).toEqual(['The Only Good Record']);
    expect(r.skipped).toEqual([
      { line: 2, reason: 'expected a paper object, got a string' },
      { line: 3, reason: 'missing title' },
      { line: 4, reason: 'missing abstract', title: 'A Title With No Abstract' },
      { line: 5, reason: 'abstract is not a string (a number)', title: 'Numeric Abstract' },
      { line: 6, reason: 'title is not a string (a number)' },
      { line: 7, reason: 'missing title (empty)' },
      { line: 8, reason: 'missing abstract', title: 'Null Abstract' },
    ]);
  });

  it('fails on JSON that does not parse, at the line of the error', () => {
    expect(corpusError(() => readFixture('broken.json')).message).toBe(
      "broken.json:5: invalid JSON: expected ',' or '}' after a property value",
    );
    expect(corpusError(() => readCorpus('[\n{"title": "a",\n', 'cut.json')).line).toBe(3);
    expect(corpusError(() => readCorpus('[{"title": "a\nb"}]', 'nl.json')).line).toBe(1);
    expect(corpusError(() => readCorpus('[\n{"title": "a"},\n]', 't.json')).message).toBe("t.json:3: invalid JSON: trailing comma before ']'");
  });

  it('fails on JSON that is not an array', () => {
    const err = corpusError(() => readFixture('not-array.json'));
    expect(err).toMatchObject({ file: 'not-array.json', line: 1 });
    expect(err.message).toBe('not-array.json:1: expected an array of paper objects, got an object');
    expect(corpusError(() => readCorpus('\n\n42\n', 'n.json')).message).toMatch(/^n\.json:3: expected an array/);
  });

  it('treats __proto__, constructor and toString as ordinary ids, titles and fields', () => {
    const r = readFixture('proto.json');
    expect(r.skipped).toEqual([]);
    expect(r.papers.map((p) => [p.key, p.title])).toEqual(
      [['__proto__', '__proto__'], ['constructor', 'constructor'], ['tostring', 'toString'], ['toString', 'valueOf']],
    );
    const [a, b, c] = r.papers;
    expect(Object.hasOwn(a?.extra ?? {}, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(a?.extra)).toBe(null);
    expect(a?.extra?.['__proto__']).toEqual({ polluted: true });
    expect(b?.extra?.['constructor']).toBe('kept');
    expect(b?.extra?.['toString']).toBe('also kept');
    expect(c?.extra?.['hasOwnProperty']).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('HTML character references', () => {
  it('are decoded in titles and abstracts of every format ("Bayes&#39; rule" reads "Bayes\' rule")', () => {
    const jsonl = readCorpus(
      `${JSON.stringify({ title: 'Bayes&#39; Rule &amp; Priors', abstract: `${prose(3)} We apply Bayes&#39; rule to &quot;x &lt; y&quot; and &#x3b1;.` })}\n`,
      'c.jsonl',
    );
    expect(jsonl.papers[0]!.title).toBe("Bayes' Rule & Priors");
    expect(jsonl.papers[0]!.abstract).toMatch(/Bayes' rule to "x < y" and α\.$/);
    const text = readCorpus(`Bayes&#39; Rule for Sparse Models\n${prose(3)} It uses Bayes&#39; rule.\n`, 'c.txt');
    expect(text.papers.map((p) => p.title)).toEqual(["Bayes' Rule for Sparse Models"]);
    expect(text.papers[0]!.abstract).toMatch(/Bayes' rule\.$/);
  });

  it('come with TeX accents and ligatures decoded too ("H\\"older", "Erd\\H{o}s", "ﬁrst"), escaped apostrophes kept', () => {
    expect(cleanText('H\\"older, Erd\\H{o}s and R\\\'{e}nyi: the ﬁrst ﬂow')).toBe('Hölder, Erdős and Rényi: the first flow');
    expect(cleanText("it\\'s, don\\'t")).toBe("it\\'s, don\\'t");
  });

  it('are left as written when unknown or not a character ("&foo;", "&#0;"), and a title of only an invisible one is skipped', () => {
    const r = readCorpus(
      [
        JSON.stringify({ title: 'Tags &foo; and &#0;', abstract: prose(3) }),
        JSON.stringify({ title: '&#8203;', abstract: prose(3) }),
      ].join('\n'),
      'c.jsonl',
    );
    expect(r.papers.map((p) => p.title)).toEqual(['Tags &foo; and &#0;']);
    expect(r.skipped).toEqual([{ line: 2, reason: 'missing title (only invisible characters)' }]);
  });
});

describe('JSONL format', () => {
  it('skips a broken line and a non-object line, reads the rest and ignores blank lines', () => {
    const r = readFixture('broken-line.jsonl');
    expect(r.format).toBe('jsonl');
    expect(r.papers.map((p) => p.line)).toEqual([1, 4, 7]);
    expect(r.skipped).toEqual([
      { line: 3, reason: 'invalid JSON: unexpected end of input (column 57)' },
      { line: 6, reason: 'expected a paper object, got an array' },
    ]);
  });

  it('keeps the first of titles equal after case folding, whitespace collapsing and NFKC', () => {
    const r = readFixture('duplicates.jsonl');
    expect(r.papers.map((p) => p.line)).toEqual([1, 2, 5]);
    expect(r.skipped.map((s) => [s.line, s.reason])).toEqual(
      [[3, 'duplicate of line 1'], [4, 'duplicate of line 1'], [6, 'duplicate of line 2']],
    );
  });

  it('passes other scripts, emoji and combining accents through unchanged', () => {
    const source = readFileSync(new URL('../fixtures/corpora/unicode.jsonl', import.meta.url), 'utf8');
    const expected = source.trim().split('\n').map((l) => JSON.parse(l) as { title: string; abstract: string });
    const r = readFixture('unicode.jsonl');
    expect(r.papers.map((p) => [p.title, p.abstract])).toEqual(expected.map((e) => [e.title, e.abstract]));
    expect(r.papers[2]?.title).toContain('e\u0301');
    const keys = r.papers.map((p) => p.key);
    for (const key of keys.slice(0, 2)) expect(key).toMatch(/^paper-[0-9a-f]{8}$/);
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys.slice(2)).toEqual(['cafe-networks-resume-parsing', 'strasse-uber-aero']);
  });
});

describe('keys', () => {
  it('come from the id when present, else from the title, with -2, -3 … on collisions', () => {
    const r = readFixture('keys.jsonl');
    expect(r.papers.map((p) => p.key)).toEqual(
      ['deep-learning', 'deep-learning-2', 'deep-learning-2-2', '42', '42-2', 'blank-id-falls-back-to-the-title',
        'cross-entropy-loss-functions-theoretical-analysis'],
    );
  });

  it('are the same on every read and do not depend on the file name', () => {
    const text = decodeCorpus(fixture('unicode.jsonl'), 'a');
    expect(readCorpus(text, 'a.jsonl').papers.map((p) => p.key)).toEqual(readCorpus(text, 'b/c.txt').papers.map((p) => p.key));
  });

  it('stay short and ascii for a very long title', () => {
    const r = readCorpus(JSON.stringify({ title: `${'x'.repeat(100_000)} tail`, abstract: 'a' }), 'long.jsonl');
    expect(r.papers[0]?.key).toBe('x'.repeat(50));
    expect(r.papers[0]?.title).toHaveLength(100_005);
  });
});

describe('large inputs', () => {
  it('reads a 5 MB abstract and a 100,000-character word in linear time', () => {
    const huge = prose(75_000);
    expect(huge.length).toBeGreaterThan(5_000_000);
    const word = 'a'.repeat(100_000);
    const started = performance.now();
    const inputs = [
      `Title\n\n${huge}\n\nSecond title\n\n${word}\n\n${huge}\n`,
      `${JSON.stringify({ title: word, abstract: huge })}\n${'-'.repeat(100_000)}\n`,
      JSON.stringify([{ title: '.'.repeat(100_000), abstract: huge }, { title: ' '.repeat(100_000) + 'x', abstract: word }]),
    ];
    const counts = inputs.map((text) => readCorpus(text, 'big').papers.length);
    expect(counts).toEqual([2, 1, 2]); // the trailing orphan abstract of the text input is skipped
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('properties', () => {
  const fields = fc.record({
    title: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
    abstract: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== ''),
    extraKey: fc.constantFrom('__proto__', 'constructor', 'toString', 'venue', 'id', 'authors', 'url'),
    extraValue: fc.jsonValue(),
  });
  const toLine = (r: { title: string; abstract: string; extraKey: string; extraValue: unknown }): string =>
    `{"title":${JSON.stringify(r.title)},"abstract":${JSON.stringify(r.abstract)},${JSON.stringify(r.extraKey)}:${JSON.stringify(r.extraValue ?? null)}}`;

  it('loses no valid JSONL record: each distinct title is read once, in order, with its line', () => {
    fc.assert(
      fc.property(fc.array(fields, { maxLength: 30 }), (records) => {
        const r = readCorpus(records.map(toLine).join('\n'), 'prop.jsonl');
        // Titles are read with character references, TeX accents and ligatures decoded (see clean-text.ts).
        const read = (t: string): string => cleanText(t).trim();
        const simpleFold = (t: string): string => read(t).toLowerCase().split(/\s+/).join(' ');
        const firstIndex = new Map<string, number>();
        records.forEach((rec, i) => firstIndex.has(simpleFold(rec.title)) || firstIndex.set(simpleFold(rec.title), i));
        expect(r.papers.map((p) => [p.title, p.line])).toEqual(
          [...firstIndex.values()].map((i) => [read(records[i]!.title), i + 1]),
        );
        expect(r.skipped.every((s) => s.reason.startsWith('duplicate of line'))).toBe(true);
        expect(new Set(r.papers.map((p) => p.key)).size).toBe(r.papers.length);
      }),
    );
  });

  it('keeps one paper per folded title for any Unicode titles', () => {
    // Text the reader keeps: with a visible character (a Hangul filler "ㅤ" alone is blank, and skipped with a reason).
    const unicodeText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter(hasVisibleText);
    fc.assert(
      fc.property(fc.array(fc.record({ title: unicodeText, abstract: unicodeText }), { maxLength: 20 }), (records) => {
        const r = readCorpus(records.map((x) => JSON.stringify(x)).join('\n'), 'u.jsonl');
        expect(r.papers.length).toBe(new Set(records.map((x) => foldTitle(x.title))).size);
        expect(r.papers.length + r.skipped.length).toBe(records.length);
        for (const p of r.papers) expect(records.some((x) => cleanText(x.title).trim() === p.title)).toBe(true);
      }),
    );
    // The counterexample that once failed here: a blank-looking abstract is skipped, not silently lost.
    const blank = readCorpus(JSON.stringify({ title: '!', abstract: '\u3164' }), 'u.jsonl');
    expect(blank.papers).toHaveLength(0);
    expect(blank.skipped[0]?.reason).toMatch(/invisible/);
  });

  it('either returns or throws a CorpusError for any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc.array(fc.oneof(fc.json(), fc.string(), fc.constantFrom('[', '{', ']', '}', '"', '\\', '\n', '\r\n', prose(3))), { maxLength: 12 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (input) => {
        try {
          const r = readCorpus(input, 'any');
          expect(new Set(r.papers.map((p) => p.key)).size).toBe(r.papers.length);
        } catch (err) {
          expect(err).toBeInstanceOf(CorpusError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('decodes any bytes or throws a CorpusError, agreeing with TextDecoder on valid UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let expected: string | undefined;
        try {
          expected = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/\r\n?/g, '\n');
        } catch {}
        if (bytes.includes(0)) expected = undefined; // NUL bytes: UTF-16 or binary, refused
        if (expected === undefined) corpusError(() => decodeCorpus(bytes, 'b'));
        else expect(decodeCorpus(bytes, 'b')).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
