// Pure corpus reader: decodes bytes, detects the format and turns a corpus text into keyed, de-duplicated raw papers.
import { parseTrendingText } from './read-text.ts';
import { parseJson, parseJsonLines } from './read-json.ts';

export type CorpusFormat = 'trending-text' | 'json' | 'jsonl';

export interface RawPaper {
  /** Stable, unique key: the trimmed `id` when present, else a slug of the title (or "paper-<hash>"). */
  key: string;
  /** As in the input, trimmed and with HTML character references decoded ("Bayes&#39; rule" → "Bayes' rule"). */
  title: string;
  abstract: string;
  /** 1-based line of the record (title line for text, the object's first line for JSON). */
  line: number;
  id?: string;
  url?: string;
  authors?: string[];
  date?: string;
  /** Other fields of a JSON record, in a null-prototype object. */
  extra?: Record<string, unknown>;
}

export interface SkippedRecord {
  line: number;
  reason: string;
  title?: string;
}

export interface ReadResult {
  format: CorpusFormat;
  papers: RawPaper[];
  skipped: SkippedRecord[];
  /** Papers that were read but with something left out or changed (a field of the wrong type, a repeated id). */
  warnings: SkippedRecord[];
}

/** A record that parsed; still to be de-duplicated and keyed. */
export type Candidate = Omit<RawPaper, 'key'>;

/** What a format parser hands back: records, skipped records, or a fatal problem. */
export interface ParseOutcome {
  records: Candidate[];
  skipped: SkippedRecord[];
  warnings?: SkippedRecord[];
  fatal?: { line: number; what: string };
}

export class CorpusError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, what: string) {
    super(`${file}:${line}: ${what}`);
    this.name = 'CorpusError';
    this.file = file;
    this.line = line;
  }
}

/** Decodes UTF-8 (fatal on malformed bytes and on NUL bytes), strips a BOM and normalizes CRLF / CR to LF. */
export function decodeCorpus(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // Valid UTF-8, but no text corpus has NUL bytes: UTF-16 without a BOM (every other byte 0) or a binary file.
    const head = bytes.subarray(0, 256);
    const utf16 = head.filter((b) => b === 0).length * 4 >= head.length;
    const hint = utf16 ? ' (the file looks like UTF-16; save it as UTF-8)' : ' (a binary file?)';
    throw new CorpusError(file, lineOfByte(bytes, nul), `NUL byte at byte offset ${nul}${hint}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const offset = at < 0 ? 0 : at;
    const byte = bytes[offset] ?? 0;
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const hint = utf16 ? ' (the file looks like UTF-16; save it as UTF-8)' : '';
    const what = `invalid UTF-8: byte 0x${byte.toString(16).padStart(2, '0')} at byte offset ${offset}${hint}`;
    throw new CorpusError(file, lineOfByte(bytes, offset), what);
  }
  return normalizeText(text);
}

function normalizeText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}

/** Offset of the first byte that starts a malformed UTF-8 sequence, or -1 (WHATWG / Unicode table 3-7 rules). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return i;
    if (c === 0xe0) lo = 0xa0; // no overlong 3-byte forms
    if (c === 0xed) hi = 0x9f; // no surrogates
    if (c === 0xf0) lo = 0x90; // no overlong 4-byte forms
    if (c === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 1-based line of a byte offset, counting LF, CRLF and lone CR as line breaks (like the decoded text). */
function lineOfByte(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < b.length; i++) {
    if (b[i] === 0x0a) line++;
    else if (b[i] === 0x0d && b[i + 1] !== 0x0a) line++;
  }
  return line;
}

/**
 * Format from the content, never the file name: '[' opening a JSON value → json; '{' starting at least
 * half of the first five non-empty lines → jsonl (tolerates a broken line, also a broken first line, as
 * long as another of those lines is a JSON object). A lone JSON object that is not a paper, a
 * pretty-printed object or a bare JSON scalar → json (which then reports "expected an array").
 * Everything else → trending-text, including titles such as "[Re]: …" or "{Fun} with …".
 */
export function detectFormat(text: string): CorpusFormat {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start < 0) return 'trending-text';
  const first = body[start] ?? '';
  if (first === '[') return looksLikeBracketTag(body, start) || !opensJsonValue(body, start + 1) ? 'trending-text' : 'json';
  const lines: string[] = [];
  for (let pos = start; lines.length < 5 && pos < body.length; ) {
    let end = body.indexOf('\n', pos);
    if (end < 0) end = body.length;
    const line = body.slice(pos, end).trim();
    if (line !== '') lines.push(line);
    pos = end + 1;
  }
  const braces = lines.filter((l) => l.startsWith('{')).length;
  if (first === '{') {
    // A pretty-printed object opens with "{" then a quoted name or a line break, never "{Fun} with graphs".
    if (braces * 2 < lines.length) return /^\{[^\s"}]/.test(lines[0] ?? '') ? 'trending-text' : 'json';
    return lines.length === 1 && parsesAsJson(body, (v) => !isPaperLike(v)) ? 'json' : 'jsonl';
  }
  if (braces * 2 >= lines.length && lines.some((l) => l.startsWith('{') && parsesAsJson(l, isObject))) return 'jsonl';
  return '"-0123456789tfn'.includes(first) && parsesAsJson(body) ? 'json' : 'trending-text';
}

/** The first non-space character from `at` can start a JSON value or close an array ("[Re]: …" cannot). */
function opensJsonValue(text: string, at: number): boolean {
  const next = /\S/g;
  next.lastIndex = at;
  const found = next.exec(text);
  return found === null || '[{"]-0123456789tfn'.includes(found[0]);
}

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

function parsesAsJson(text: string, accept: (value: unknown) => boolean = () => true): boolean {
  try {
    return accept(JSON.parse(text));
  } catch {
    return false;
  }
}

function isPaperLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (Object.hasOwn(value, 'title') || Object.hasOwn(value, 'abstract'));
}

/** A title like "[Re] Reproducing …" starts with a bracketed tag followed by words, which no JSON array does. */
function looksLikeBracketTag(text: string, start: number): boolean {
  const close = text.indexOf(']', start);
  if (close < 0 || close - start > 20) return false;
  const inner = text.slice(start + 1, close);
  return /^[\p{L}\p{N} ._-]+$/u.test(inner) && /^ +\p{L}/u.test(text.slice(close + 1, close + 40));
}

/** Reads a decoded corpus text. Throws CorpusError only for a JSON file that cannot be read at all. */
export function readCorpus(text: string, file: string): ReadResult {
  const body = normalizeText(text);
  const format = detectFormat(body);
  const outcome =
    format === 'json' ? parseJson(body) : format === 'jsonl' ? parseJsonLines(body) : parseTrendingText(body);
  if (outcome.fatal) throw new CorpusError(file, outcome.fatal.line, outcome.fatal.what);

  const skipped = [...outcome.skipped];
  const warnings = [...(outcome.warnings ?? [])];
  const papers: RawPaper[] = [];
  const firstLineOfTitle = new Map<string, number>();
  const firstLineOfId = new Map<string, number>();
  const keys = new KeyAllocator();
  for (const record of outcome.records) {
    const folded = foldTitle(record.title);
    const earlier = firstLineOfTitle.get(folded);
    if (earlier !== undefined) {
      skipped.push({ line: record.line, reason: `duplicate of line ${earlier}`, title: record.title });
      continue;
    }
    firstLineOfTitle.set(folded, record.line);
    const base = record.id !== undefined ? record.id : slugify(record.title) || `paper-${fnv1a(folded)}`;
    const key = keys.take(base);
    if (record.id !== undefined) {
      const idLine = firstLineOfId.get(record.id);
      if (idLine !== undefined) warnings.push({ line: record.line, reason: `id "${record.id}" is also used on line ${idLine}: key "${key}"`, title: record.title });
      else firstLineOfId.set(record.id, record.line);
    }
    papers.push({ key, ...record });
  }
  skipped.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  return { format, papers, skipped, warnings };
}

/** Title identity for duplicate detection: NFKC, case-folded, whitespace collapsed. */
export function foldTitle(title: string): string {
  const folded = title.normalize('NFKC').toUpperCase().toLowerCase();
  return folded.split(/\s+/).filter((w) => w !== '').join(' ');
}

const SLUG_MAX = 50;
const TRAILING_STOPWORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'via', 'vs', 'with']);
const LATIN_EXTRAS = new Map([['ß', 'ss'], ['æ', 'ae'], ['œ', 'oe'], ['ø', 'o'], ['ł', 'l'], ['đ', 'd'], ['ð', 'd'], ['þ', 'th'], ['ı', 'i']]);

/** ASCII slug of a title, cut at a word boundary to at most 50 characters; '' when no latin letters or digits. */
export function slugify(title: string): string {
  const lower = title.normalize('NFKD').toLowerCase().replace(/[ßæœøłđðþı]/g, (c) => LATIN_EXTRAS.get(c) ?? '');
  const words = lower.replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter((w) => w !== '');
  const full = words.join('-');
  if (full.length <= SLUG_MAX) return full;
  const kept: string[] = [];
  let length = -1;
  for (const word of words) {
    if (length + 1 + word.length > SLUG_MAX) break;
    kept.push(word);
    length += 1 + word.length;
  }
  if (kept.length === 0) return full.slice(0, SLUG_MAX);
  while (kept.length > 1 && TRAILING_STOPWORDS.has(kept[kept.length - 1]!)) kept.pop();
  return kept.join('-');
}

/** 32-bit FNV-1a of the UTF-16 code units, as 8 hex digits. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Hands out unique keys: a taken key gets "-2", "-3", … in the order asked. */
class KeyAllocator {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();
  take(base: string): string {
    let key = base;
    let n = this.next.get(base) ?? 2;
    while (this.used.has(key)) key = `${base}-${n++}`;
    this.next.set(base, n);
    this.used.add(key);
    return key;
  }
}
