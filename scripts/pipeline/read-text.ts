// Parses the scraped "trending papers" text format: a page header, then title / abstract line pairs.
import { cleanText } from './clean-text.ts';
import type { Candidate, ParseOutcome, SkippedRecord } from './read.ts';

/** An abstract is long prose: at least this many characters… */
const ABSTRACT_MIN_CHARS = 200;
/** …or at least two sentence ends in a line of at least this many characters. */
const PROSE_MIN_CHARS = 80;

interface TextLine {
  text: string;
  line: number;
  abstractLike: boolean;
}

/**
 * The header is every non-empty line before the first title line that is followed by an abstract
 * (or before an abstract that opens the file). After it, each title-like line must be followed by an
 * abstract-like line; anything else is reported as skipped. Never throws.
 */
export function parseTrendingText(text: string): ParseOutcome {
  const lines = nonEmptyLines(text);
  const firstAbstract = lines.findIndex((l) => l.abstractLike);
  const records: Candidate[] = [];
  const skipped: SkippedRecord[] = [];
  if (firstAbstract < 0) return { records, skipped }; // only a header (or nothing)

  let pending: TextLine | undefined;
  for (const current of lines.slice(Math.max(0, firstAbstract - 1))) {
    if (current.abstractLike) {
      if (pending) records.push({ title: pending.text, abstract: current.text, line: pending.line });
      else skipped.push({ line: current.line, reason: 'abstract without title' });
      pending = undefined;
    } else {
      if (pending) skipped.push({ line: pending.line, reason: 'title without abstract', title: pending.text });
      pending = current;
    }
  }
  if (pending) skipped.push({ line: pending.line, reason: 'title without abstract', title: pending.text });
  return { records, skipped };
}

function nonEmptyLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const trimmed = cleanText(text.slice(start, end)).trim();
    // A line of only zero-width or other invisible characters is blank.
    if (trimmed !== '' && hasVisibleText(trimmed)) out.push({ text: trimmed, line, abstractLike: isAbstractLike(trimmed) });
    start = end + 1;
    line++;
  }
  return out;
}

/** Anything but white space, control and format characters (zero-width space, BOM), combining marks and fillers. */
const VISIBLE = /[^\s\p{C}\p{M}\p{Z}\u115f\u1160\u3164\uffa0\u2800]/u;

/** The text has a character that shows: a title of only zero-width spaces is no title. */
export const hasVisibleText = (text: string): boolean => VISIBLE.test(text);

/** Long prose: 200+ characters, or 80+ characters with two or more sentence ends. Titles are everything else. */
export function isAbstractLike(line: string): boolean {
  if (line.length >= ABSTRACT_MIN_CHARS) return true;
  return line.length >= PROSE_MIN_CHARS && sentenceEnds(line) >= 2;
}

/** Counts '.', '!' or '?' after a lowercase letter, digit or ')' and before whitespace or the end of the line. */
function sentenceEnds(line: string): number {
  let count = 0;
  for (let i = 1; i < line.length; i++) {
    const c = line[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    const next = line[i + 1];
    if (next !== undefined && next !== ' ' && next !== '\t') continue;
    const prev = line[i - 1] ?? '';
    if (/[\p{Ll}\p{N})]/u.test(prev)) count++;
  }
  return count;
}
