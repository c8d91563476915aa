// Abbreviation definitions ("Implicit Neural Representations (INRs)") found in plain text.
//
// Implements the algorithm of:
//   Ariel S. Schwartz and Marti A. Hearst. 2003. "A simple algorithm for identifying abbreviation
//   definitions in biomedical text." Pacific Symposium on Biocomputing 8:451-462.
//   https://psb.stanford.edu/psb-online/proceedings/psb03/schwartz.pdf
//
// Candidates are "long form (short form)" and, when the parenthesis holds more than two words,
// "short form (long form)". The short form's letters and digits are matched right to left against
// the long-form window of min(|A| + 5, |A| * 2) words (|A| = characters of the short form); its
// first character must start a word (a hyphen also starts one), and the long form then starts at
// the whitespace-separated word where the match ended.
//
// Additions to the paper, all to cut false positives in ML abstracts:
// - a plural 's' is stripped from mixed-case short forms ("INRs" -> "INR"); the match is retried
//   with the 's' when the stripped form fails;
// - the long-form window never crosses a sentence end, ':' ';' or another parenthesis;
// - a two-word parenthesis that gives no "long form (SF)" is tried as "SF (long form)" ("NViT (Novel ViT)");
// - in "SF (long form)", the short form's last character must be matched in the long form's last word;
// - a '2' or '4' may match the word "to"/"two" or "for"/"four" ("Sequence-to-Sequence (Seq2Seq)");
// - an initial 'X' may match the 'x' of a word starting "ex" ("eXtreme Multi-label Classification");
// - a short form with no capital letter (e.g. "w.r.t.") must be a strict initialism;
// - citations, cross-references, numbers and "e.g."/"i.e." asides are rejected up front;
// - the short form may be up to 12 characters (the paper says 10) for names like "OSTQuant";
// - a "rm"/"textbf"-style LaTeX remnant before the short form is skipped ("(rm StatsQ)").
// Every step is bounded, so the whole pass is linear in the text length.

export interface AbbreviationDefinition {
  /** The acronym as written, without a plural 's': "INR" for "INRs". */
  short: string;
  /** The long form as written in the text, e.g. "Implicit Neural Representations". */
  long: string;
  /** The short form was written plural ("INRs"). */
  plural: boolean;
  /** [start, end) of the short form in the input, including the plural 's'. */
  shortStart: number;
  shortEnd: number;
  /** [start, end) of the long form in the input. */
  longStart: number;
  longEnd: number;
}

const MIN_SHORT = 2;
const MAX_SHORT = 12;
/** Longest parenthesis content (characters) looked at; longer ones are not definitions. */
const MAX_PAREN = 300;
/** Longest long-form window (characters) scanned back from a parenthesis. */
const MAX_WINDOW_CHARS = 400;

const ALNUM = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const SPACE = /\s/;

const isAlnum = (ch: string | undefined): boolean => ch !== undefined && ALNUM.test(ch);
const isSpace = (ch: string | undefined): boolean => ch !== undefined && SPACE.test(ch);

/** Sentence or clause end that a long form never crosses. */
function isStop(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined) return true;
  if ('()[]{};:!?'.includes(ch)) return true;
  return ch === '.' && (i + 1 >= text.length || isSpace(text[i + 1]));
}

/** A blank line (paragraph break) ends at the '\n' at i. */
function isParagraphBreak(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0 && j > i - 20; j--) {
    const ch = text[j];
    if (ch === '\n') return true;
    if (ch !== ' ' && ch !== '\t' && ch !== '\r') return false;
  }
  return false;
}

const REFERENCE =
  /^(?:cf\.|viz\.|etc\.|resp\.|(?:e\.\s?g|i\.\s?e)(?:\.|\b)|(?:tab|table|tables|fig|figs|figure|figures|eq|eqs|eqn|equation|sec|sect|section|sections|app|appendix|alg|algorithm|thm|theorem|lemma|prop|proposition|def|definition|cor|corollary|ch|chap|chapter|step|line|lines|ref|refs|no|vol|pp?)(?:\.\s*|\s+)(?:\d|[ivx]+\b|[a-z]\b)|(?:table|figure|fig|section|appendix|equation|eqn?|algorithm)\d)/i;
const SEE = /^(?:[Ss]ee|[Cc]f)(?:\s|\.|$)/;
const CITATION = /\bet\s*al\b|(?:^|[^\p{L}\p{N}])(?:1[89]|20)\d\d[a-z]?(?:$|[^\p{L}\p{N}])/u;
const NUMBER_FIRST = /^[+\-±~≈<>]?\d+(?:[.,]\d+)*(?:\s|-|%|$)|^[+\-±~≈<>]?\d+[.,]\d/;
const ROMAN = /^[ivxl]+$/;
const LATEX_PREFIX = /^\\?(?:rm|mathrm|textrm|bf|textbf|mathbf|it|textit|mathit|sc|textsc|sf|textsf|mathsf|tt|texttt)\s+/;

/** Parenthesis contents that are asides, citations or numbers, never a definition. */
function isAside(s: string): boolean {
  return SEE.test(s) || REFERENCE.test(s) || CITATION.test(s) || NUMBER_FIRST.test(s) || ROMAN.test(s);
}

function countWords(s: string): number {
  return s.split(/\s+/).filter((w) => w.length > 0).length;
}

function isValidShortForm(s: string): boolean {
  if (s.length < MIN_SHORT || s.length > MAX_SHORT + 1) return false;
  if (!isAlnum(s[0]) || !LETTER.test(s) || countWords(s) > 2) return false;
  return !isAside(s);
}

/** "INRs" -> "INR"; "SMS" and "Bus" stay as they are. */
function stripPlural(s: string): string | null {
  if (!s.endsWith('s')) return null;
  const rest = s.slice(0, -1);
  return rest.length >= MIN_SHORT && UPPER.test(rest) && isAlnum(rest[rest.length - 1]) ? rest : null;
}

/**
 * Start of the window of at most maxWords whitespace-separated words ending at end (exclusive),
 * stopping at sentence/clause ends, parentheses and blank lines; -1 when empty.
 */
function windowStart(text: string, end: number, maxWords: number): number {
  const limit = Math.max(0, end - MAX_WINDOW_CHARS);
  let i = end - 1;
  let start = -1;
  let words = 0;
  while (words < maxWords) {
    while (i >= limit && isSpace(text[i])) {
      if (text[i] === '\n' && isParagraphBreak(text, i)) return start;
      i--;
    }
    if (i < limit || isStop(text, i)) break;
    let j = i;
    while (j >= limit && !isSpace(text[j]) && !isStop(text, j)) j--;
    if (j < limit && limit > 0) break; // a word cut by the character cap: leave it out
    start = j + 1;
    words++;
    if (j >= limit && isStop(text, j)) break;
    i = j;
  }
  return start;
}

/** text[l] begins a word of text[from..]; an 'x' also counts after a word-initial 'e' ("eXtreme"). */
function startsWord(text: string, l: number, from: number, c: string): boolean {
  if (l <= from || !isAlnum(text[l - 1])) return true;
  return c === 'x' && text[l - 1]?.toLowerCase() === 'e' && (l - 1 <= from || !isAlnum(text[l - 2]));
}

const DIGIT_WORDS: Record<string, string[] | undefined> = { '2': ['to', 'two'], '4': ['for', 'four'] };

/** A '2' or '4' of the short form may stand for the word "to"/"for" at text[l] ("Peer-to-Peer (P2P)"). */
function spellsDigit(text: string, l: number, from: number, c: string): boolean {
  for (const word of DIGIT_WORDS[c] ?? []) {
    const end = l + word.length;
    if (text.slice(l, end).toLowerCase() === word && startsWord(text, l, from, c) && !isAlnum(text[end])) return true;
  }
  return false;
}

interface Match {
  /** Index where the first short-form character matched. */
  first: number;
  /** Index where the last short-form character matched. */
  last: number;
}

/**
 * Schwartz & Hearst's findBestLongForm: match the short form's letters and digits right to left
 * in text[from, to). The first character must begin a word; with initialsOnly every one must.
 */
function matchShortForm(short: string, text: string, from: number, to: number, initialsOnly: boolean): Match | null {
  let firstAlnum = 0;
  while (firstAlnum < short.length && !isAlnum(short[firstAlnum])) firstAlnum++;
  let l = to - 1;
  let first = -1;
  let last = -1;
  for (let s = short.length - 1; s >= firstAlnum; s--) {
    const sc = short[s] ?? '';
    if (!isAlnum(sc)) continue;
    const c = sc.toLowerCase();
    const mustStartWord = initialsOnly || s === firstAlnum;
    while (l >= from && !((text[l] ?? '').toLowerCase() === c ? !mustStartWord || startsWord(text, l, from, c) : spellsDigit(text, l, from, c))) l--;
    if (l < from) return null;
    if (last < 0) last = l;
    first = l;
    l--;
  }
  return first < 0 ? null : { first, last };
}

const LEADING_JUNK = /^[\s"'“”‘’`«»]+/;
const TRAILING_JUNK = /[\s"'“”‘’`«»,]+$/;

/** The long form text[from, to) after trimming quotes and commas, checked against the short form. */
function acceptLongForm(
  text: string,
  short: string,
  from: number,
  to: number,
  m: Match,
  reversed: boolean,
): { long: string; longStart: number; longEnd: number } | null {
  const raw = text.slice(from, to);
  const lead = LEADING_JUNK.exec(raw)?.[0].length ?? 0;
  const trail = TRAILING_JUNK.exec(raw)?.[0].length ?? 0;
  const longStart = from + lead;
  const longEnd = Math.max(longStart, to - trail);
  const long = text.slice(longStart, longEnd);
  if (long.length <= short.length || !LETTER.test(long)) return null;
  // "SF (long form)": the last short-form character is matched in the long form's last word.
  const lastSpace = long.search(/\s\S*$/);
  if (reversed && lastSpace >= 0 && m.last < longStart + lastSpace) return null;
  if (containsWord(long.toLowerCase(), short.toLowerCase())) return null;
  return { long, longStart, longEnd };
}

function containsWord(hay: string, needle: string): boolean {
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    let end = i + needle.length;
    if (hay[end] === 's') end++;
    if (!isAlnum(hay[i - 1]) && !isAlnum(hay[end])) return true;
  }
  return false;
}

const maxLongWords = (shortLength: number): number => Math.min(shortLength + 5, shortLength * 2);

/** Long form in text[from, to) for the short form, per the algorithm, or null. */
function findLongForm(text: string, short: string, from: number, to: number, reversed: boolean) {
  const initialsOnly = !UPPER.test(short);
  const m = matchShortForm(short, text, from, to, initialsOnly);
  if (!m) return null;
  let start = m.first;
  while (start > from && !isSpace(text[start - 1])) start--;
  if (countWords(text.slice(start, to)) > maxLongWords(short.length)) return null;
  return acceptLongForm(text, short, start, to, m, reversed);
}

/** "long form (SF)": the short form sits in text[s, e), the parenthesis opens at open. */
function forward(text: string, open: number, s: number, e: number): AbbreviationDefinition | null {
  const written = text.slice(s, e);
  if (!isValidShortForm(written)) return null;
  let end = open;
  while (end > 0 && isSpace(text[end - 1])) end--;
  const stripped = stripPlural(written);
  const tries: Array<[string, boolean]> = stripped ? [[stripped, true], [written, false]] : [[written, false]];
  for (const [short, plural] of tries) {
    if (short.length > MAX_SHORT) continue;
    const from = windowStart(text, end, maxLongWords(short.length));
    if (from < 0) return null;
    const lf = findLongForm(text, short, from, end, false);
    if (lf) return { short, plural, shortStart: s, shortEnd: e, ...lf };
  }
  return null;
}

/** "SF (long form)": the long form sits in text[s, e), the parenthesis opens at open. */
function reverse(text: string, open: number, s: number, e: number): AbbreviationDefinition | null {
  let end = open;
  while (end > 0 && end > open - 10 && isSpace(text[end - 1])) end--;
  let start = end;
  while (start > 0 && start > end - 40 && !isSpace(text[start - 1])) start--;
  if (start > 0 && !isSpace(text[start - 1])) return null; // a longer token than any short form
  while (start < end && !isAlnum(text[start])) start++;
  const written = text.slice(start, end);
  if (!isValidShortForm(written) || !UPPER.test(written) || !isAlnum(written[written.length - 1])) return null;
  const stripped = stripPlural(written);
  const tries: Array<[string, boolean]> = stripped ? [[stripped, true], [written, false]] : [[written, false]];
  for (const [short, plural] of tries) {
    if (short.length > MAX_SHORT) continue;
    const lf = findLongForm(text, short, s, e, true);
    if (lf) return { short, plural, shortStart: start, shortEnd: end, ...lf };
  }
  return null;
}

/** Index pairs [open, close] of balanced parentheses, in order of the opening one. */
function parenPairs(text: string): Array<[number, number]> {
  const stack: number[] = [];
  const pairs: Array<[number, number]> = [];
  for (let i = text.indexOf('('); i >= 0 && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 40) stack.push(i);
    else if (ch === 41) {
      const open = stack.pop();
      if (open !== undefined) pairs.push([open, i]);
    }
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

/** Every abbreviation definition in text, in order of the parenthesis. Never throws. */
export function findAbbreviations(text: string): AbbreviationDefinition[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const found: AbbreviationDefinition[] = [];
  for (const [open, close] of parenPairs(text)) {
    if (open === 0 || !isSpace(text[open - 1])) continue;
    // The candidate is the content up to the first ',', ';' or nested '(' (as the reference code).
    let cut = open + 1;
    const scanEnd = Math.min(close, open + 1 + MAX_PAREN);
    while (cut < scanEnd && text[cut] !== ',' && text[cut] !== ';' && text[cut] !== '(') cut++;
    if (cut === scanEnd && scanEnd < close) continue; // too long to be a definition
    let s = open + 1;
    let e = cut;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    const latex = LATEX_PREFIX.exec(text.slice(s, e));
    if (latex && latex[0].length < e - s) s += latex[0].length;
    const candidate = text.slice(s, e);
    if (candidate.length === 0 || isAside(candidate)) continue;
    const words = countWords(candidate);
    let def: AbbreviationDefinition | null = null;
    if (words <= 2) def = forward(text, open, s, e);
    if (!def && words >= 2) def = reverse(text, open, s, e);
    if (def) found.push(def);
  }
  return found;
}

/** Offsets of every use of a known short form in text (word-boundary match, plural 's' allowed): [start,end) pairs. */
export function findShortFormUses(text: string, short: string): Array<[number, number]> {
  const uses: Array<[number, number]> = [];
  if (typeof text !== 'string' || typeof short !== 'string' || short.length === 0) return uses;
  for (let i = text.indexOf(short); i >= 0; i = text.indexOf(short, i + 1)) {
    if (isAlnum(text[i - 1])) continue;
    let end = i + short.length;
    if (text[end] === 's' && !isAlnum(text[end + 1])) end++;
    if (isAlnum(text[end])) continue;
    uses.push([i, end]);
    i = end - 1;
  }
  return uses;
}
