// Parses JSON (an array of paper objects) and JSONL corpora into checked records, with line numbers.
import type { Candidate, ParseOutcome, SkippedRecord } from './read.ts';
import { cleanText } from './clean-text.ts';
import { hasVisibleText } from './read-text.ts';

const KNOWN_FIELDS = new Set(['title', 'abstract', 'id', 'url', 'authors', 'date']);

/** A JSON array of paper objects. Unparseable JSON or a non-array is fatal; a bad element is skipped. */
export function parseJson(text: string): ParseOutcome {
  const records: Candidate[] = [];
  const skipped: SkippedRecord[] = [];
  const lines = new LineIndex(text);
  const scan = scanJson(text);
  if (!scan.ok) return { records, skipped, fatal: { line: lines.lineOf(scan.offset), what: `invalid JSON: ${scan.what}` } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { records, skipped, fatal: { line: 1, what: `invalid JSON: ${shorten(String(err))}` } };
  }
  if (!Array.isArray(value)) {
    const what = `expected an array of paper objects, got ${kindOf(value)}`;
    return { records, skipped, fatal: { line: lines.lineOf(Math.max(0, text.search(/\S/))), what } };
  }
  const lineOf = value.map((_, i) => lines.lineOf(scan.elementStarts[i] ?? 0));
  const perLine = new Map<number, number>();
  for (const line of lineOf) perLine.set(line, (perLine.get(line) ?? 0) + 1);
  const warnings: SkippedRecord[] = [];
  value.forEach((element: unknown, i) => {
    const line = lineOf[i]!;
    // Minified JSON has many elements on one line: name the element too.
    const where = (perLine.get(line) ?? 0) > 1 ? ` (array element ${i + 1})` : '';
    const found: SkippedRecord[] = [];
    const checked = toCandidate(element, line, found);
    for (const w of found) warnings.push({ ...w, reason: w.reason + where });
    if ('reason' in checked) skipped.push({ ...checked, reason: checked.reason + where });
    else records.push(checked);
  });
  return { records, skipped, warnings };
}

/** One JSON object per line; a broken line is skipped and reported, blank lines are ignored. Never fatal. */
export function parseJsonLines(text: string): ParseOutcome {
  const records: Candidate[] = [];
  const skipped: SkippedRecord[] = [];
  const warnings: SkippedRecord[] = [];
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const source = text.slice(start, end);
    start = end + 1;
    if (source.trim() === '') continue;
    const scan = scanJson(source);
    if (!scan.ok) {
      skipped.push({ line, reason: `invalid JSON: ${scan.what} (column ${scan.offset + 1})` });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (err) {
      skipped.push({ line, reason: `invalid JSON: ${shorten(String(err))}` });
      continue;
    }
    const checked = toCandidate(value, line, warnings);
    if ('reason' in checked) skipped.push(checked);
    else records.push(checked);
  }
  return { records, skipped, warnings };
}

/**
 * Checks one parsed record: title and abstract must be strings with visible text. An optional field of the wrong
 * type is left out and reported in `warnings` (a numeric id or date is kept as text).
 */
export function toCandidate(value: unknown, line: number, warnings: SkippedRecord[] = []): Candidate | SkippedRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, reason: `expected a paper object, got ${kindOf(value)}` };
  }
  const field = (name: string): unknown => (Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined);
  // Title and abstract are read with their HTML character references decoded ("Bayes&#39; rule").
  const decoded = (name: string): unknown => {
    const raw = field(name);
    return typeof raw === 'string' ? cleanText(raw) : raw;
  };
  const rawTitle = decoded('title');
  const rawAbstract = decoded('abstract');
  const title = typeof rawTitle === 'string' ? rawTitle.trim() : '';
  const named = hasVisibleText(title) ? { title } : {};
  const problem = requiredText('title', rawTitle) ?? requiredText('abstract', rawAbstract);
  if (problem) return { line, reason: problem, ...named };

  const record: Candidate = { title, abstract: (rawAbstract as string).trim(), line };
  const ignored = (name: string, raw: unknown, what: string): void => {
    warnings.push({ line, reason: `${name} ignored: ${kindOf(raw)}, not ${what}`, title });
  };
  const rawId = field('id');
  const id = typeof rawId === 'string' ? rawId.trim() : isFiniteNumber(rawId) ? String(rawId) : '';
  if (id !== '') record.id = id;
  else if (isWrongType(rawId)) ignored('id', rawId, 'a string or a finite number (the key comes from the title)');
  const url = optionalText(field('url'));
  if (url !== undefined) record.url = url;
  else if (isWrongType(field('url'))) ignored('url', field('url'), 'a string');
  const rawAuthors = field('authors');
  const authors = toAuthors(rawAuthors);
  if (authors !== undefined) record.authors = authors;
  else if (Array.isArray(rawAuthors)) {
    const odd = rawAuthors.find((a) => typeof a !== 'string');
    if (odd !== undefined) warnings.push({ line, reason: `authors ignored: an array holding ${kindOf(odd)}, not only strings`, title });
  } else if (isWrongType(rawAuthors)) ignored('authors', rawAuthors, 'a string or an array of strings');
  const rawDate = field('date');
  const date = isFiniteNumber(rawDate) ? String(rawDate) : optionalText(rawDate);
  if (date !== undefined) record.date = date;
  else if (isWrongType(rawDate)) ignored('date', rawDate, 'a string or a finite number');

  const extra: Record<string, unknown> = Object.create(null);
  let extras = 0;
  for (const name of Object.keys(value)) {
    if (KNOWN_FIELDS.has(name)) continue;
    Object.defineProperty(extra, name, { value: field(name), enumerable: true, writable: true, configurable: true });
    extras++;
  }
  if (extras > 0) record.extra = extra;
  return record;
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** Present, not null, and not a string: a field of the wrong type (an empty string is just absent). */
const isWrongType = (v: unknown): boolean => v !== undefined && v !== null && typeof v !== 'string';

function requiredText(name: string, raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return `missing ${name}`;
  if (typeof raw !== 'string') return `${name} is not a string (${kindOf(raw)})`;
  if (raw.trim() === '') return `missing ${name} (empty)`;
  if (!hasVisibleText(raw)) return `missing ${name} (only invisible characters)`;
  return undefined;
}

function optionalText(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  return text === '' ? undefined : text;
}

/** An array of strings, or one string "A, B and C" / "A; B & C" split into names. Anything else is dropped. */
function toAuthors(raw: unknown): string[] | undefined {
  if (Array.isArray(raw)) {
    if (!raw.every((a): a is string => typeof a === 'string')) return undefined;
    const names = raw.map((a) => a.trim()).filter((a) => a !== '');
    return names.length > 0 ? names : undefined;
  }
  if (typeof raw !== 'string') return undefined;
  const names: string[] = [];
  for (const part of raw.split(/[,;]/)) {
    let current: string[] = [];
    for (const word of part.split(/\s+/)) {
      if (word === 'and' || word === '&') {
        if (current.length > 0) names.push(current.join(' '));
        current = [];
      } else if (word !== '') current.push(word);
    }
    if (current.length > 0) names.push(current.join(' '));
  }
  return names.length > 0 ? names : undefined;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function shorten(message: string): string {
  return message.length > 160 ? `${message.slice(0, 157)}...` : message;
}

/** Maps offsets to 1-based line numbers; offsets asked in any order, O(log n) each. */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

type Scan = { ok: true; elementStarts: number[] } | { ok: false; offset: number; what: string };
type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Validates JSON in one linear pass with an explicit stack (no recursion), to give the offset of the
 * first error and the start offsets of the top-level array's elements. Values come from JSON.parse.
 */
function scanJson(text: string): Scan {
  const stack: string[] = [];
  const elementStarts: number[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const fail = (offset: number, what: string): Scan => ({ ok: false, offset, what });
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'commaOrClose');
  const closeContainer = (): Expect => {
    stack.pop();
    return afterValue();
  };
  while (true) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\t' || text[i] === '\r')) i++;
    if (i >= text.length) break;
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (expect === 'end') return fail(i, 'unexpected text after the end of the JSON value');
    if (expect === 'colon') {
      if (c !== ':') return fail(i, "expected ':' after a property name");
      i++;
      expect = 'value';
    } else if (expect === 'commaOrClose') {
      if (c === ',') expect = top === '[' ? 'value' : 'key';
      else if ((c === ']' && top === '[') || (c === '}' && top === '{')) expect = closeContainer();
      else return fail(i, top === '[' ? "expected ',' or ']' after an array element" : "expected ',' or '}' after a property value");
      i++;
    } else if (expect === 'key' || expect === 'keyOrClose') {
      if (c === '}' && expect === 'keyOrClose') {
        expect = closeContainer();
        i++;
      } else if (c === '"') {
        const str = scanString(text, i);
        if (!str.ok) return str;
        i = str.end;
        expect = 'colon';
      } else return fail(i, c === '}' ? "trailing comma before '}'" : 'expected a property name in double quotes');
    } else {
      if (c === ']' && expect === 'valueOrClose') {
        expect = closeContainer();
        i++;
        continue;
      }
      if (c === ']' && top === '[') return fail(i, "trailing comma before ']'");
      if (stack.length === 1 && stack[0] === '[') elementStarts.push(i);
      if (c === '[' || c === '{') {
        stack.push(c);
        expect = c === '[' ? 'valueOrClose' : 'keyOrClose';
        i++;
        continue;
      }
      if (c === '"') {
        const str = scanString(text, i);
        if (!str.ok) return str;
        i = str.end;
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return fail(i, 'malformed number');
        i = NUMBER.lastIndex;
      } else {
        const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
        if (!word) return fail(i, `unexpected character ${JSON.stringify(text.slice(i, i + 1))}`);
        i += word.length;
      }
      expect = afterValue();
    }
  }
  if (expect !== 'end') return fail(text.length, 'unexpected end of input');
  return { ok: true, elementStarts };
}

/** Offset just past the closing quote of the string opening at `start`, or where the string goes wrong. */
function scanString(text: string, start: number): { ok: true; end: number } | { ok: false; offset: number; what: string } {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return { ok: true, end: i + 1 };
    if (code < 0x20) return { ok: false, offset: i, what: 'line break or control character inside a string' };
    if (code === 0x5c) {
      const esc = text[i + 1];
      if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 5;
      else if (esc !== undefined && esc !== 'u' && '"\\/bfnrt'.includes(esc)) i++;
      else return { ok: false, offset: i, what: 'bad escape in a string' };
    }
  }
  return { ok: false, offset: start, what: 'unterminated string' };
}
