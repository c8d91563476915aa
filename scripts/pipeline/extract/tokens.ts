// Tokenizes and part-of-speech tags text with wink-nlp, then repairs its known quirks for technical prose:
// hyphenated words are joined again ("state-of-the-art", "low-rank", "4-bit"), offsets are kept for highlighting.
import type { ItemSentence } from 'wink-nlp';
import { COMPOUND_PLURAL_NAMES, generalPerMillion } from './lexicon.ts';
import { forgetNewWords, nlp } from './wink.ts';
import { wordFacts, type WordFacts } from './terms.ts';

export type Pos = 'NOUN' | 'PROPN' | 'ADJ' | 'VERB' | 'NUM' | 'OTHER' | 'PUNCT';

export interface Token {
  /** The token exactly as written. */
  text: string;
  /** [start, end) offsets into the analysed string. */
  start: number;
  end: number;
  pos: Pos;
  /** Index of the sentence the token belongs to. */
  sentence: number;
  /** What the term rules ask of its text, looked up once (see factsOf). */
  facts?: WordFacts;
  /** wink's number for the word (its.uniqueId), when `text` is that word as wink read it. */
  lexeme?: number | undefined;
  /** A verb whatever wink tagged it, never part of a term (a title's opening -ing word: "Learning Gaussian Mixtures"). */
  verb?: boolean;
}

/** The token's WordFacts, looked up on first use and kept on the token. */
export const factsOf = (t: Token): WordFacts => (t.facts ??= t.lexeme === undefined ? wordFacts(t.text) : lexemeFacts(t.lexeme, t.text));

/**
 * WordFacts by wink's number for a word: wink has already found every word of a text in its lexicon, and an array
 * indexed by that number is much cheaper than hashing the word again (~25 million lookups at 100,000 papers). A word
 * keeps its number for the life of the thread (wink's lexicon only grows); the text is compared all the same, so a
 * token whose text was changed after tagging can never take another word's facts.
 */
const byLexeme: Array<WordFacts | undefined> = [];
const lexemeText: Array<string | undefined> = [];

function lexemeFacts(lexeme: number, text: string): WordFacts {
  if (lexemeText[lexeme] === text) return byLexeme[lexeme]!;
  const facts = wordFacts(text);
  // Grown one slot at a time, so the arrays stay dense (an array written far past its end becomes a slow dictionary).
  while (byLexeme.length <= lexeme) byLexeme.push(undefined), lexemeText.push(undefined);
  byLexeme[lexeme] = facts;
  lexemeText[lexeme] = text;
  return facts;
}

const its = nlp.its;

/** Texts longer than this are analysed in slices so one huge abstract can neither hang nor exhaust memory. */
const SLICE = 20_000;
/** A "word" longer than this is not a term (base64, a URL, a garbled scrape). */
const MAX_TOKEN = 64;
/**
 * wink's tokenizer takes time quadratic in the length of a run of non-space characters (a 16,000-character run takes
 * over a second, 100,000 characters a minute), so a run longer than this is handed to it in pieces.
 */
const LONG_RUN = 128;

function mapPos(tag: string): Pos {
  switch (tag) {
    case 'NOUN':
    case 'PROPN':
    case 'ADJ':
    case 'VERB':
    case 'NUM':
    case 'PUNCT':
      return tag;
    default:
      return 'OTHER';
  }
}

/**
 * Adjectives wink tags as adverbs when another modifier follows ("long/ADV short-term memory", "fast/ADV Fourier
 * transform"): before a noun or adjective they are the term's first word.
 */
const ADVERB_ADJECTIVES = new Set(['long', 'short', 'fast', 'slow', 'high', 'low', 'deep', 'wide', 'early', 'late', 'hard', 'soft']);
const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ']);

/** "fully connected layer", "partially observable environment": the adverb is the term's first word. */
const ADVERB_OPENERS = new Map([
  ['fully', new Set(['connected', 'convolutional'])],
  ['partially', new Set(['observable', 'observed'])],
]);

function tagOf(values: string[], tags: string[], i: number): Pos {
  const tag = tags[i] ?? '';
  // "maximum mean discrepancy", "sample mean", "zero mean noise": after a singular noun or adjective "mean" is the noun
  // (wink tags it the verb; "these results mean" has a plural subject).
  if (tag === 'VERB' && values[i]!.toLowerCase() === 'mean' && NOMINAL.has(tags[i - 1] ?? '') && !/[^s]s$/i.test(values[i - 1] ?? '')) return 'NOUN';
  if (tag === 'ADV' && ADVERB_OPENERS.get(values[i]!.toLowerCase())?.has((values[i + 1] ?? '').toLowerCase())) return 'ADJ';
  if (tag === 'ADV' && NOMINAL.has(tags[i + 1] ?? '') && ADVERB_ADJECTIVES.has(values[i]!.toLowerCase())) return 'ADJ';
  return mapPos(tag);
}

/**
 * wink's tokenizer splits words at letters of Latin Extended-A and -B ("Erd|ő|s", "Dvo|ř|ák"): it reads them as their
 * base letter, one character for one so offsets stay; the tokens keep the text as written.
 */
function foldForWink(text: string): string {
  if (!/[\u0100-\u024F]/.test(text)) return text;
  return text.replace(/[\u0100-\u024F]/g, (c) => {
    const base = c === 'Ł' ? 'L' : c === 'ł' ? 'l' : c.normalize('NFD')[0]!;
    return /[A-Za-z]/.test(base) ? base : c;
  });
}

function tagSlice(original: string, offset: number, sentenceBase: number, out: Token[]): number {
  forgetNewWords();
  const text = foldForWink(original);
  const doc = nlp.readDoc(text);
  let cursor = 0;
  let sentences = 0;
  doc.sentences().each((sentence: ItemSentence) => {
    const index = sentenceBase + sentences++;
    const values = sentence.tokens().out(its.value) as string[];
    const tags = sentence.tokens().out(its.pos) as string[];
    const lexemes = sentence.tokens().out(its.uniqueId) as number[];
    for (let i = 0; i < values.length; i++) {
      const value = values[i] ?? '';
      const at = text.indexOf(value, cursor);
      if (at < 0) continue; // wink normalised something (rare): skip the token rather than misplace it
      cursor = at + value.length;
      const written = text === original ? value : original.slice(at, cursor);
      const lexeme = written === value ? lexemes[i] : undefined;
      out.push({ text: written, start: offset + at, end: offset + cursor, pos: tagOf(values, tags, i), sentence: index, lexeme });
    }
  });
  return sentences;
}

/** wink splits "130B" into "130" + "B": a number written together with a size unit is one token again. */
function joinUnits(tokens: Token[], source: string): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const prev = out[out.length - 1];
    if (prev && prev.end === token.start && /^\d+(\.\d+)?$/.test(prev.text) && /^(B|M|K|T|bit|bits)$/.test(token.text)) {
      out[out.length - 1] = { text: source.slice(prev.start, token.end), start: prev.start, end: token.end, pos: 'PROPN', sentence: prev.sentence };
    } else out.push(token);
  }
  return out;
}

/** "CNN-based", "GAN-like", "UCB-style": after a name, these say "of that kind"; the name is what is mentioned. */
const NAME_SUFFIXES = new Set(['based', 'like', 'style']);

/**
 * Joins "low" "-" "rank" into "low-rank" when nothing separates them; the compound keeps the last part's tag. Not an
 * acronym or technical token before "-based", "-like", "-style": "CNN-based" is a mention of CNN, so "CNN" stays a
 * token of its own (a name) and the suffix is no part of a term.
 */
function joinHyphens(tokens: Token[], source: string): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const prev = out[out.length - 1];
    const beforePrev = out[out.length - 2];
    const joined = prev && beforePrev && (prev.text === '-' || prev.text === '\u2010' || prev.text === '\u2013') && beforePrev.end === prev.start && prev.end === token.start;
    if (joined && NAME_SUFFIXES.has(token.text) && factsOf(beforePrev).technical) {
      out[out.length - 2] = { ...beforePrev, pos: 'PROPN' };
      out.push({ ...token, pos: 'OTHER' });
    } else if (joined && token.pos !== 'PUNCT' && beforePrev.pos !== 'PUNCT') {
      out.length -= 2;
      const compound: Token = {
        text: source.slice(beforePrev.start, token.end),
        start: beforePrev.start,
        end: token.end,
        pos: compoundPos(beforePrev, token),
        sentence: beforePrev.sentence,
      };
      out.push(compound);
    } else out.push(token);
  }
  return out;
}

/**
 * A word hyphenated at a line break and pasted with a space ("sec- tion", "maximiza- tion", from a PDF) is one word
 * again when its second half, in lower case, is no English word ("first- and second-order" stays apart). The token
 * spans both halves; its text is the joined word.
 */
function joinLineBreaks(tokens: Token[], source: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [first, hyphen, second] = [tokens[i]!, tokens[i + 1], tokens[i + 2]];
    if (
      hyphen && second && hyphen.text === '-' && first.end === hyphen.start && second.start > hyphen.end &&
      /^\s+$/.test(source.slice(hyphen.end, second.start)) && /^\p{L}+$/u.test(first.text) && /^\p{Ll}+$/u.test(second.text) &&
      generalPerMillion(second.text) === 0
    ) {
      out.push({ text: first.text + second.text, start: first.start, end: second.end, pos: second.pos, sentence: first.sentence });
      i += 2;
    } else out.push(first);
  }
  return out;
}

function compoundPos(first: Token, last: Token): Pos {
  // "4-bit", "GPT-4", "low-rank", "pre-training": a compound of a number and a word behaves like a noun modifier.
  if (last.pos === 'NUM') return first.pos === 'NUM' ? 'NUM' : 'PROPN';
  // "k-means", "k-medoids", "c-means": the algorithm, whatever wink makes of "means".
  if (COMPOUND_PLURAL_NAMES.has(last.text.toLowerCase())) return 'NOUN';
  if (last.pos === 'VERB') return /ing$/i.test(last.text) ? 'NOUN' : 'ADJ';
  if (last.pos === 'OTHER') return 'ADJ';
  return last.pos;
}

/** Tokenizes and tags `text`; offsets refer to `text`. Never throws on odd input; linear in the text's length. */
export function tokenize(text: string): Token[] {
  const raw: Token[] = [];
  let sentences = 0;
  const tag = (from: number, to: number): void => {
    if (to > from) sentences += tagSlice(text.slice(from, to), from, sentences, raw);
  };
  /** Ordinary text (no run longer than LONG_RUN), in slices cut after a sentence end or at a space. */
  const tagProse = (from: number, to: number): void => {
    for (let offset = from; offset < to; ) {
      let end = Math.min(to, offset + SLICE);
      if (end < to) {
        const sentenceEnd = text.lastIndexOf('. ', end);
        end = sentenceEnd > offset + SLICE / 2 ? sentenceEnd + 1 : lastSpaceBefore(text, offset, end);
      }
      tag(offset, end);
      offset = end;
    }
  };
  /** A run with no space: pieces cut after punctuation; a long stretch of ASCII letters and digits is one non-term. */
  const tagRun = (from: number, to: number): void => {
    for (let p = from; p < to; ) {
      if (to - p <= LONG_RUN) return tag(p, to);
      let cut = p + LONG_RUN;
      while (cut > p && !canCutBefore(text, cut)) cut--;
      if (cut > p) {
        tag(p, cut);
        p = cut;
        continue;
      }
      let end = p;
      while (end < to && isAsciiAlnum(text.charCodeAt(end))) end++;
      if (end === p) {
        // Only combining marks or joiners for LONG_RUN characters: tag a piece of them, keeping a surrogate pair whole.
        end = p + LONG_RUN + (isHighSurrogate(text.charCodeAt(p + LONG_RUN - 1)) ? 1 : 0);
        tag(p, end);
      } else raw.push({ text: text.slice(p, end), start: p, end, pos: 'PUNCT', sentence: Math.max(0, sentences - 1) });
      p = end;
    }
  };
  let prose = 0;
  for (let i = 0; i < text.length; ) {
    if (isSpaceAt(text, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && !isSpaceAt(text, j)) j++;
    if (j - i > LONG_RUN) {
      tagProse(prose, i);
      tagRun(i, j);
      prose = j;
    }
    i = j;
  }
  tagProse(prose, text.length);
  return joinLineBreaks(joinHyphens(joinUnits(raw, text), text), text).map((t) => (t.text.length > MAX_TOKEN ? { ...t, pos: 'PUNCT' } : t));
}

const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && /\s/.test(text[i]!);
}

/** End of a slice of text[from, end): just after the last space, or `end` when there is none. */
function lastSpaceBefore(text: string, from: number, end: number): number {
  for (let i = end - 1; i > from; i--) if (isSpaceAt(text, i)) return i + 1;
  return end;
}

/**
 * A run may be cut before `at` when the character before it is not an ASCII letter or digit (words stay whole) and the
 * cut splits no surrogate pair and no character from its combining marks or joiners.
 */
function canCutBefore(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  if (isAsciiAlnum(before) || isHighSurrogate(before)) return false;
  return !/[\p{M}\u200c\u200d]/u.test(text[at] ?? '');
}
