// Candidate terms of one text: maximal noun-phrase chunks from part-of-speech patterns, and every nested sub-phrase
// that ends in a noun (so "KV cache quantization" also offers "KV cache" and "quantization" to the corpus statistics).
import { factsOf, type Token } from './tokens.ts';
import { singular } from './lexicon.ts';
import { ING_MODIFIERS, ING_NOUNS, isGenericModifier, isIngNoun, lower, NEEDS_COMPLEMENT, verbBeforeAdjective, VERBS_READ_AS_NOUNS } from './openers.ts';
import { coordinated, nominalized } from './coordination.ts';
import type { WordFacts } from './terms.ts';

export interface Occurrence {
  /** Key words after folding: lowercase, singular head, hyphens split; acronyms not yet expanded. */
  words: string[];
  /** Which of `words` came from acronym-like tokens (candidates for expansion), by word index. */
  acronymAt: number[];
  surface: string;
  start: number;
  end: number;
  /** Chunk this occurrence belongs to and its token range in it; longer occurrences in the same chunk cover it. */
  chunk: number;
  from: number;
  to: number;
  /** Number of tokens in the occurrence. */
  length: number;
  /** The whole chunk, not a part of it. */
  maximal: boolean;
  technical: boolean;
  /** Found through a verb ("we quantize" → quantization): links a paper to a concept but never makes one. */
  derived?: boolean;
  /** Key of the word just before / after the occurrence inside its chunk ("" at the chunk's edge). */
  left: string;
  right: string;
  /** The last token was tagged as a noun (not an adjective or participle used as one). */
  nounHead: boolean;
  /** A single hyphenated word ("multi-class", "zero-shot"): usually a modifier. */
  hyphenated: boolean;
}

const MAX_WORDS = 6;
const MAX_CHUNK = 12;


const isParticiple = (t: Token): boolean => t.pos === 'VERB' && /\p{L}{3,}ed$/u.test(t.text);

function isTermToken(t: Token): boolean {
  const facts = factsOf(t);
  // HTML entities and TeX are markup, not words; an acronym-like token is a term whatever wink tagged it.
  if (t.pos === 'PUNCT' || t.pos === 'OTHER') return !/[&;\\{}^$]/.test(t.text) && facts.acronym && facts.letter;
  // A verb read as one; a word that is never a term (see WordFacts.nonTerm).
  if (t.verb || facts.nonTerm) return false;
  if (t.pos === 'NUM') return facts.technicalToken;
  if (t.pos === 'VERB') return isIngNoun(t) || isParticiple(t) || facts.technical;
  return true;
}

/** Counts written before "shot" ("one shot learning", "zero shot", "few shot"): the term's first word, not a number. */
const SHOT_COUNTS = new Set(['zero', 'one', 'two', 'three', 'four', 'five', 'ten', 'few', 'many', 'low', 'single']);

/** A term token, or a count that opens "one shot …" (a stopword or number anywhere else). */
function isTermAt(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  if (isTermToken(t)) return true;
  const next = tokens[k + 1];
  return next !== undefined && SHOT_COUNTS.has(lower(t)) && /^shots?$/i.test(next.text) && next.sentence === t.sentence;
}

/** Every token of [start, end) (text offsets) can be part of a term: a chunk can hold the whole span. */
export function termSpan(tokens: Token[], start: number, end: number): boolean {
  let any = false;
  for (let k = 0; k < tokens.length && tokens[k]!.start < end; k++) {
    if (tokens[k]!.end <= start) continue;
    if (!isTermAt(tokens, k) || tokens[k]!.start < start) return false;
    any = true;
  }
  return any;
}

function canHead(t: Token, index: number, chunkStart: number): boolean {
  if (factsOf(t).technical) return true;
  if (t.pos === 'NOUN' || t.pos === 'PROPN') return true;
  // "learning", "training" head a phrase only after a modifier: "federated learning", not "learning" alone.
  return isIngNoun(t) && index > chunkStart;
}

/** A plural noun: "tasks", "Results" (wink tags a capitalized first word PROPN); not an acronym ("LLMs"). */
export const isPluralNoun = (t: Token): boolean => (t.pos === 'NOUN' || t.pos === 'PROPN') && /^\p{L}\p{Ll}{2,}s$/u.test(t.text) && singular(t.text.toLowerCase()) !== t.text.toLowerCase();

/**
 * A participle after a noun is the sentence's verb ("LLMs gained prominence"), not a modifier; so is an -ing word
 * after a plural noun ("tasks including", "results showing", "problems arising"): a term's modifier is singular
 * ("model training").
 */
const startsClause = (prev: Token | undefined, t: Token): boolean =>
  prev !== undefined &&
  ((isParticiple(t) && (prev.pos === 'NOUN' || prev.pos === 'PROPN')) || (t.pos === 'VERB' && /\p{L}{3,}ing$/u.test(t.text) && isPluralNoun(prev)));

const AUXILIARIES = new Set(['have', 'has', 'had', 'be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'gets', 'got']);

/** A name as written in a citation: "Ioffe", "Cesa-Bianchi", "Van", "O'Neil" (not "ImageNet", "MNIST", "CIFAR-10"). */
const NAME = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;
const YEAR = /^(?:19|20)\d\d[a-z]?$/;

/**
 * The chunk that ends before token `j` is followed by "et al." (an author's name, whatever it looks like), or is all
 * names followed by a citation's year, after more authors or not: "Ioffe and Szegedy, 2015", "(Martens & Grosse,
 * 2015)", "Audibert and Bubeck (2009)", "[Dasgupta, 2015]". A name cited that way is no concept of the paper.
 */
function citedAuthor(tokens: Token[], start: number, end: number, j: number): boolean {
  if (etAl(tokens, j)) return true;
  for (let k = start; k < end; k++) if (!NAME.test(tokens[k]!.text)) return false;
  let k = j;
  // Co-authors: ", Name", "and Name", "& Name" (up to three more).
  for (let more = 0; more < 3; more++) {
    const joiner = tokens[k]?.text;
    if ((joiner === ',' || joiner === 'and' || joiner === '&') && NAME.test(tokens[k + 1]?.text ?? '')) k += 2;
    else if (joiner === ',' && tokens[k + 1]?.text === 'and' && NAME.test(tokens[k + 2]?.text ?? '')) k += 3;
    else break;
  }
  const opener = tokens[k]?.text;
  return etAl(tokens, k) || ((opener === ',' || opener === '(' || opener === '[') && YEAR.test(tokens[k + 1]?.text ?? ''));
}

const etAl = (tokens: Token[], k: number): boolean => tokens[k]?.text.toLowerCase() === 'et' && /^al\.?$/i.test(tokens[k + 1]?.text ?? '');

/** Maximal runs of term tokens inside one sentence, trimmed so they end in a head and skip generic openers. */
export function chunks(tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isTermAt(tokens, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < tokens.length &&
      j - i < MAX_CHUNK &&
      isTermAt(tokens, j) &&
      tokens[j]!.sentence === tokens[i]!.sentence &&
      !startsClause(tokens[j - 1], tokens[j]!)
    )
      j++;
    let start = i;
    // "have gained prominence": a participle after an auxiliary is the verb of the clause.
    if (isParticiple(tokens[start]!) && AUXILIARIES.has(lower(tokens[start - 1] ?? tokens[start]!))) start++;
    // "learning deep networks", "training sparse models": an -ing word before an adjective is the verb, not a modifier
    // (whatever wink tags it), unless it opens an established term ("spiking neural network").
    if (start < j - 1 && tokens[start + 1]!.pos === 'ADJ' && verbBeforeAdjective(tokens[start]!)) start++;
    while (start < j && isGenericModifier(tokens, start)) start++;
    while (start < j - 1 && isIngNoun(tokens[start]!) && !ING_NOUNS.has(lower(tokens[start]!)) && !ING_MODIFIERS.has(lower(tokens[start]!)))
      start++;
    let end = j;
    while (end > start && !canHead(tokens[end - 1]!, end - 1, start)) end--;
    // "Dahlgaard et al.", "Van Roy et al.", "(Ioffe & Szegedy, 2015)": a citation's author names no concept.
    if (end > start && !citedAuthor(tokens, start, end, j)) out.push([start, end]);
    i = j;
  }
  return out;
}

/** Tokens outside the given ranges, in one pass over both (tokens are in text order). */
function withoutRanges(tokens: Token[], ranges: Transparent[]): Token[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Token[] = [];
  let r = 0;
  for (const t of tokens) {
    while (r < sorted.length && sorted[r]![1] < t.end) r++;
    let inside = false;
    for (let k = r; k < sorted.length && sorted[k]![0] <= t.start; k++) if (t.end <= sorted[k]![1]) inside = true;
    if (!inside) out.push(t);
  }
  return out;
}

/**
 * The text of tokens [from, to), with words mended across a line break ("sec- tion") written whole, and without the
 * acronym in parentheses a chunk may span ("key-value (KV) cache" is written "key-value cache").
 */
function surfaceOf(text: string, tokens: Token[], from: number, to: number): string {
  let out = '';
  let at = tokens[from]!.start;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const gap = k > from && text.charCodeAt(tokens[k - 1]!.end) !== 45 && text.slice(tokens[k - 1]!.end, t.start).includes('(');
    if (!gap && text.slice(t.start, t.end) === t.text) continue;
    out += text.slice(at, gap ? tokens[k - 1]!.end : t.start) + (gap ? ' ' : '') + t.text;
    at = t.end;
  }
  return out + text.slice(at, tokens[to - 1]!.end);
}

/**
 * What the sub-phrases of the chunks ask of each of their tokens, worked out once per token: a chunk of n tokens has
 * up to 6n sub-phrases, and asking per sub-phrase meant over a thousand cache lookups a paper.
 */
class TokenFacts {
  readonly ingNoun: Uint8Array;
  /** Noun, proper noun, acronym or technical token: can end a term wherever it stands. */
  readonly head: Uint8Array;
  readonly facts: WordFacts[];

  constructor(tokens: Token[], found: Array<[number, number]>) {
    const n = tokens.length;
    this.ingNoun = new Uint8Array(n);
    this.head = new Uint8Array(n);
    this.facts = new Array<WordFacts>(n);
    for (const [start, end] of found) {
      for (let k = start; k < end; k++) {
        const t = tokens[k]!;
        const facts = factsOf(t);
        this.facts[k] = facts;
        this.ingNoun[k] = isIngNoun(t) ? 1 : 0;
        this.head[k] = facts.technical || t.pos === 'NOUN' || t.pos === 'PROPN' ? 1 : 0;
      }
    }
  }

  /** `canHead` for a token of one of the chunks, in a phrase starting at `from`. */
  canHead(index: number, from: number): boolean {
    return this.head[index] === 1 || (this.ingNoun[index] === 1 && index > from);
  }
}

/** An acronym's parentheses after its long form: [start, end) of "(KV)" and where the long form starts. */
export type Transparent = [start: number, end: number, longStart: number];

/**
 * For each token right after a transparent range, the index of the long form's first token: a phrase across the
 * parentheses must hold the whole long form ("rectified linear unit (ReLU) activation" has no "unit activation").
 */
function crossings(tokens: Token[], transparent: Transparent[]): Int32Array {
  const out = new Int32Array(tokens.length).fill(-1);
  for (const [, end, longStart] of transparent) {
    const after = tokens.findIndex((t) => t.start >= end);
    if (after >= 0) out[after] = Math.max(0, tokens.findIndex((t) => t.start >= longStart));
  }
  return out;
}

/**
 * Every candidate occurrence in `text` (already tokenized), chunk ids starting at `chunkBase`. Tokens inside
 * `transparent` ranges (an acronym's parentheses after its long form) are skipped, so "key-value (KV) cache" is
 * one chunk "key-value cache".
 */
export function candidates(text: string, allTokens: Token[], chunkBase: number, transparent: Transparent[] = []): Occurrence[] {
  const tokens = transparent.length ? withoutRanges(allTokens, transparent) : allTokens;
  const crossing = transparent.length ? crossings(tokens, transparent) : undefined;
  const out: Occurrence[] = [];
  const found = chunks(tokens);
  const facts = new TokenFacts(tokens, found);
  found.forEach(([start, end], c) => {
    for (let from = start; from < end; from++) {
      const first = tokens[from]!;
      if (from > start && isGenericModifier(tokens, from)) continue;
      const opener = lower(first);
      if (NEEDS_COMPLEMENT.has(opener) || VERBS_READ_AS_NOUNS.has(opener)) continue;
      for (let to = from + 1; to <= Math.min(end, from + MAX_WORDS); to++) {
        const last = tokens[to - 1]!;
        if (crossing && to - 1 > from && crossing[to - 1]! >= 0 && from > crossing[to - 1]!) break;
        if (!facts.canHead(to - 1, from)) continue;
        const words: string[] = [];
        const acronymAt: number[] = [];
        let technical = false;
        for (let k = from; k < to; k++) {
          const f = facts.facts[k]!;
          if (f.acronym) acronymAt.push(words.length);
          if (f.technical) technical = true;
          for (const w of k === to - 1 ? f.wordsLast : f.wordsInner) words.push(w);
        }
        out.push({
          words,
          acronymAt,
          surface: surfaceOf(text, tokens, from, to),
          start: first.start,
          end: last.end,
          chunk: chunkBase + c,
          from,
          to,
          length: to - from,
          maximal: from === start && to === end,
          technical,
          left: from > start ? facts.facts[from - 1]!.keyInner : '',
          right: to < end ? (to === end - 1 ? facts.facts[to]!.keyLast : facts.facts[to]!.keyInner) : '',
          nounHead: last.pos === 'NOUN' || last.pos === 'PROPN' || facts.ingNoun[to - 1] === 1,
          hyphenated: to - from === 1 && /\p{L}-\p{L}/u.test(first.text),
        });
      }
    }
  });
  out.push(...coordinated(text, tokens, found, chunkBase + found.length), ...nominalized(text, tokens, found));
  return out;
}
