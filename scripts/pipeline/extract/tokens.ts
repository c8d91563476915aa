// Tokenizes and part-of-speech tags text with wink-nlp, then repairs its known quirks for technical prose:
// hyphenated words are joined again ("state-of-the-art", "low-rank", "4-bit"), offsets are kept for highlighting.
import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

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
}

const nlp = winkNLP(model);
const its = nlp.its;

/** Texts longer than this are analysed in slices so one huge abstract can neither hang nor exhaust memory. */
const SLICE = 20_000;
/** A "word" longer than this is not a term (base64, a URL, a garbled scrape). */
const MAX_TOKEN = 64;

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

function tagSlice(text: string, offset: number, sentenceBase: number, out: Token[]): number {
  const doc = nlp.readDoc(text);
  let cursor = 0;
  let sentences = 0;
  doc.sentences().each((sentence: ItemSentence) => {
    const index = sentenceBase + sentences++;
    const values = sentence.tokens().out(its.value) as string[];
    const tags = sentence.tokens().out(its.pos) as string[];
    for (let i = 0; i < values.length; i++) {
      const value = values[i] ?? '';
      const at = text.indexOf(value, cursor);
      if (at < 0) continue; // wink normalised something (rare): skip the token rather than misplace it
      cursor = at + value.length;
      out.push({ text: value, start: offset + at, end: offset + cursor, pos: mapPos(tags[i] ?? ''), sentence: index });
    }
  });
  return sentences;
}

/** Joins "low" "-" "rank" into "low-rank" when nothing separates them; the compound keeps the last part's tag. */
function joinHyphens(tokens: Token[], source: string): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const prev = out[out.length - 1];
    const beforePrev = out[out.length - 2];
    if (prev && beforePrev && prev.text === '-' && beforePrev.end === prev.start && prev.end === token.start && token.pos !== 'PUNCT' && beforePrev.pos !== 'PUNCT') {
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

function compoundPos(first: Token, last: Token): Pos {
  // "4-bit", "GPT-4", "low-rank", "pre-training": a compound of a number and a word behaves like a noun modifier.
  if (last.pos === 'NUM') return first.pos === 'NUM' ? 'NUM' : 'PROPN';
  if (last.pos === 'VERB') return /ing$/i.test(last.text) ? 'NOUN' : 'ADJ';
  if (last.pos === 'OTHER') return 'ADJ';
  return last.pos;
}

/** Tokenizes and tags `text`; offsets refer to `text`. Never throws on odd input. */
export function tokenize(text: string): Token[] {
  const raw: Token[] = [];
  let sentenceBase = 0;
  for (let offset = 0; offset < text.length; ) {
    let end = Math.min(text.length, offset + SLICE);
    if (end < text.length) {
      const cut = text.lastIndexOf('. ', end);
      if (cut > offset + SLICE / 2) end = cut + 1;
    }
    sentenceBase += tagSlice(text.slice(offset, end), offset, sentenceBase, raw);
    offset = end;
  }
  return joinHyphens(raw, text).map((t) => (t.text.length > MAX_TOKEN ? { ...t, pos: 'PUNCT' } : t));
}
