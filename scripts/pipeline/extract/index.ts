// Extract stage: one paper in, its candidate term occurrences and acronym definitions out. Pure and per paper, so it
// can run in any order or thread and give the same result.
import { findAbbreviations, type AbbreviationDefinition } from './acronyms.ts';
import { candidates, isPluralNoun, termSpan, type Occurrence, type Transparent } from './candidates.ts';
import { ING_MODIFIERS } from './openers.ts';
import { factsOf, tokenize, type Token } from './tokens.ts';
import { tokenKeyWords } from './terms.ts';

export type Field = 'title' | 'abstract';

export interface FieldOccurrence extends Occurrence {
  field: Field;
}

export interface Definition {
  /** Short form key (lowercase, no hyphens, singular): "sam", "inr", "kv". */
  short: string;
  /** Short form as written, singular: "SAM", "INR". */
  shortSurface: string;
  /** Long form key words: ["sharpness", "aware", "minimization"]. */
  long: string[];
  longSurface: string;
}

export interface PaperTerms {
  key: string;
  occurrences: FieldOccurrence[];
  definitions: Definition[];
  /** For every word: how often it was tagged a noun, out of how many uses (to tell "sparse" from "sparsity"). */
  tags: Map<string, [nouns: number, uses: number]>;
}

export interface ExtractInput {
  key: string;
  title: string;
  abstract: string;
}

function definitionsOf(found: AbbreviationDefinition[]): Definition[] {
  return found.flatMap((d) => {
    const parts = d.long.split(/\s+/).filter(Boolean);
    const long = parts.flatMap((p, i) => tokenKeyWords(p.replace(/^[("'[]+|[)"',.;:\]]+$/g, ''), i === parts.length - 1));
    const short = d.short.toLowerCase().replace(/[-_]/g, '');
    if (long.length < 2 || !short) return [];
    return [{ short, shortSurface: d.short, long, longSurface: d.long }];
  });
}

/** Scraped pages lose the "&#" of "&#x2013;" (an en dash): read "modelsx2013including" as "models – including". */
const cleanScrape = (text: string): string => unshout(withoutMath(text.replace(/(?<=\p{L})x20(?:1[34]|19)(?=\p{L})/gu, '  –  ')));

/**
 * TeX math ("$G_{BA}$", "$x \sim P$") holds symbols, not terms: it is read as blank (same length, so offsets stay) —
 * except a single letter that opens a compound, which stays: "$k$-means", "$k$-shot learning".
 */
const withoutMath = (text: string): string =>
  text.includes('$')
    ? text.replace(/\$([^$\n]{1,300})\$/g, (math: string, inner: string, at: number) =>
        /^[A-Za-z]$/.test(inner.trim()) && text[at + math.length] === '-' ? ' '.repeat(math.length - 1) + inner.trim() : ' '.repeat(math.length),
      )
    : text;

/**
 * A title written in capitals ("CONVOLUTIONAL NEURAL NETWORKS FOR …") would make every word look like an acronym:
 * such text is read in lower case (letter by letter, so offsets stay exact).
 */
function unshout(text: string): string {
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  const caps = words.filter((w) => w === w.toUpperCase()).length;
  if (words.length < 2 || caps / words.length < 0.6) return text;
  return text.replace(/\p{Lu}/gu, (c) => {
    const l = c.toLowerCase();
    return l.length === c.length ? l : c;
  });
}

/**
 * Counts each word's uses and how many were tagged as a noun. A singular "noun" right after a plural noun is counted
 * as a verb: wink tags "exhibit" in "neural networks exhibit" a noun, and a verb agreeing with its plural subject is
 * what that spot mostly holds ("systems biology" is the rare compound).
 */
function countTags(tokens: Token[], tags: PaperTerms['tags']): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos === 'PUNCT') continue;
    const facts = factsOf(t);
    if (!facts.letter) continue;
    let entry = tags.get(facts.keyLast);
    if (!entry) tags.set(facts.keyLast, (entry = [0, 0]));
    if ((t.pos === 'NOUN' || t.pos === 'PROPN') && !(i > 0 && !/s$/i.test(t.text) && isPluralNoun(tokens[i - 1]!))) entry[0]++;
    entry[1]++;
  }
}

/**
 * "Learning Gaussian Mixtures", "Training Deep Networks", "Understanding Deep Learning": an -ing word that opens a
 * title, before another word, is the title's verb (Title Case made wink tag it a proper noun).
 */
function titleVerb(tokens: Token[]): void {
  const [first, next] = tokens;
  if (first && next && /^\p{Lu}\p{Ll}{2,}ing$/u.test(first.text) && !ING_MODIFIERS.has(first.text.toLowerCase()) && /\p{L}/u.test(next.text) && next.pos !== 'PUNCT')
    tokens[0] = { ...first, pos: 'VERB' as const, verb: true };
}

function analyse(text: string, chunkBase: number, tags: PaperTerms['tags'], title = false): { occurrences: Occurrence[]; definitions: Definition[] } {
  const clean = cleanScrape(text);
  const tokens = tokenize(clean);
  if (title) titleVerb(tokens);
  countTags(tokens, tags);
  const found = findAbbreviations(clean);
  // "(KV)" after "key-value" is transparent to chunking; the short form itself is still a use of the acronym. Not after
  // a long form no chunk can hold whole ("method of multipliers (ADMM) algorithm" is no "multipliers algorithm").
  const transparent = found
    .filter((d) => d.longEnd <= d.shortStart && termSpan(tokens, d.longStart, d.longEnd))
    .map((d): Transparent => [d.shortStart - 1, d.shortEnd + 1, d.longStart]);
  const occurrences = candidates(clean, tokens, chunkBase, transparent);
  const chunkEnd = occurrences.reduce((m, o) => Math.max(m, o.chunk + 1), chunkBase + 1_000_000);
  return { occurrences: [...occurrences, ...definitionOccurrences(clean, found, occurrences, chunkEnd)], definitions: definitionsOf(found) };
}

/**
 * Every acronym definition is a mention of its concept, even when its long form does not chunk as a noun phrase
 * ("Segment Anything Model" has a pronoun in it): the long form and the short form each become an occurrence.
 */
function definitionOccurrences(text: string, found: AbbreviationDefinition[], chunked: Occurrence[], chunkBase: number): Occurrence[] {
  const seen = new Set(chunked.map((o) => `${o.start}:${o.end}`));
  const out: Occurrence[] = [];
  for (const at of found) {
    const def = definitionsOf([at])[0];
    if (!def) continue;
    const spans: Array<[number, number, string[], number[]]> = [
      [at.longStart, at.longEnd, def.long, []],
      [at.shortStart, at.shortEnd, [def.short], [0]],
    ];
    for (const [start, end, words, acronymAt] of spans) {
      if (seen.has(`${start}:${end}`)) continue;
      seen.add(`${start}:${end}`);
      out.push({
        words, acronymAt, surface: text.slice(start, end), start, end, chunk: chunkBase + out.length, from: 0, to: words.length,
        length: words.length, maximal: true, technical: acronymAt.length > 0, left: '', right: '', nounHead: true, hyphenated: false,
      });
    }
  }
  return out;
}

const NO_ACRONYMS: number[] = [];

/**
 * An occurrence with its field, written out as one object literal: a corpus holds about 90 occurrences a paper, and
 * V8 stores an object made by spreading ({ ...o, field }) in a form about 500 bytes larger (3 GB at 100,000 papers).
 */
function inField(o: Occurrence, field: Field): FieldOccurrence {
  return {
    words: o.words,
    acronymAt: o.acronymAt.length ? o.acronymAt : NO_ACRONYMS,
    surface: o.surface,
    start: o.start,
    end: o.end,
    chunk: o.chunk,
    from: o.from,
    to: o.to,
    length: o.length,
    maximal: o.maximal,
    technical: o.technical,
    derived: o.derived === true,
    left: o.left,
    right: o.right,
    nounHead: o.nounHead,
    hyphenated: o.hyphenated,
    field,
  };
}

export function extractPaper(paper: ExtractInput): PaperTerms {
  const tags: PaperTerms['tags'] = new Map();
  const title = analyse(paper.title, 0, tags, true);
  const titleOcc = title.occurrences;
  const chunkBase = titleOcc.reduce((m, o) => Math.max(m, o.chunk + 1), 0);
  const abstract = analyse(paper.abstract, chunkBase, tags);
  const abstractOcc = abstract.occurrences;
  const seen = new Set<string>();
  const definitions = [...title.definitions, ...abstract.definitions].filter((d) => {
    const id = `${d.short}\u0000${d.long.join(' ')}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return {
    key: paper.key,
    occurrences: [...titleOcc.map((o) => inField(o, 'title')), ...abstractOcc.map((o) => inField(o, 'abstract'))],
    definitions,
    tags,
  };
}
