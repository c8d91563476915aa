// The features a keyphrase candidate is scored on: shape, boundaries, generality, position and corpus rarity.
import { GENERIC_HEADS, GENERIC_MODIFIERS, GENERIC_WORDS, generalPerMillion } from '../extract/lexicon.ts';
import { ING_MODIFIERS, ING_NOUNS } from '../extract/openers.ts';
import type { DocPhrase } from './doc.ts';

/** What ranking knows about the corpus. */
export interface CorpusStats {
  papers: number;
  /** Papers per canonical concept id. */
  df: Map<string, number>;
  /** Concept ids the graph pipeline rejects by their words alone (lexicalReason). */
  generic: Set<string>;
  /** Per word key: the share of its uses in the corpus tagged as a noun. */
  nounShare: Map<string, number>;
}

export const FEATURES = [
  // Number of words (indicators; two words is the baseline).
  'len1', 'len3', 'len4', 'len5',
  // ln(1 + token position of the first occurrence), ln(occurrences in the paper).
  'logFirst', 'logCount',
  // Corpus idf of the concept; lexicalReason rejects it; share of generic words; mean everyday-English frequency.
  'idf', 'generic', 'genericPhrase', 'genericWords', 'everyday',
  // Last token tagged a noun; the head word's noun share in the corpus; an -ing head or first word that is not a
  // known -ing noun ("analysis showing", "defining tasks"); a participle first ("analyzed loans").
  'nounHead', 'headNounShare', 'ingHead', 'participleFirst', 'ingFirst',
  // A stripped generic modifier put back ("optimal control problem"), and how everyday that modifier is.
  'extended', 'extendedEveryday',
  // Boundaries, as the share of its occurrences where the phrase comes after a determiner, a preposition, "and"/"or", punctuation or the field's start;
  // it comes before "and"/"or", a verb, a function word, punctuation or the field's end. A phrase that starts or
  // ends right at a function word or punctuation is a whole noun phrase, not a piece of a longer construction.
  'afterDeterminer', 'afterPreposition', 'afterConjunction', 'afterPunctuation',
  'beforeConjunction', 'beforeVerb', 'beforeFunctionWord', 'beforePunctuation',
] as const;

export type Feature = (typeof FEATURES)[number];
export type Features = Record<Feature, number>;

const set = (s: string): Set<string> => new Set(s.split(' '));
const DETERMINERS = set('the a an');
const PREPOSITIONS = set('of in on for with to by from as into via between over under at');
const CONJUNCTIONS = set('and or');
const VERBS_AFTER = set('is are was were has have can will');
/** Function words that may follow a noun phrase; "of" is left out: "set of natural numbers" continues the phrase. */
const FUNCTION_AFTER = set(
  'the a an in on for with to by from as into via between over under at that which who whose where when while than ' +
    'is are was were be been has have had can could will would may might must should do does did not and or but',
);

const isPunctuation = (w: string): boolean => w === '^' || w === '$' || /^[^\p{L}\p{N}]$/u.test(w);
const isGenericWord = (w: string): boolean => GENERIC_MODIFIERS.has(w) || GENERIC_WORDS.has(w) || GENERIC_HEADS.has(w);
const everydayCache = new Map<string, number>();
/** How common a word is in everyday English: ln(1 + occurrences per million words). */
function everyday(w: string): number {
  let v = everydayCache.get(w);
  if (v === undefined) everydayCache.set(w, (v = Math.log(1 + generalPerMillion(w))));
  return v;
}
const isParticiple = (w: string): boolean => /\p{L}{3,}ed$/u.test(w);

/** The features of one candidate. */
export function phraseFeatures(p: DocPhrase, stats: CorpusStats): Features {
  // Shape and generality are judged on the words as written: "KV cache" is two words, not "key value cache".
  const words = p.written;
  const n = words.length;
  const head = words[n - 1] ?? '';
  const share = (words: string[], test: (w: string) => boolean): number =>
    words.length === 0 ? 0 : words.filter(test).length / words.length;
  const before = (test: (w: string) => boolean): number => share(p.before, test);
  const after = (test: (w: string) => boolean): number => share(p.after, test);
  return {
    len1: +(n === 1),
    len3: +(n === 3),
    len4: +(n === 4),
    len5: +(n >= 5),
    logFirst: Math.log(1 + p.firstPos),
    logCount: Math.log(p.count),
    idf: Math.log((stats.papers + 1) / (stats.df.get(p.id) ?? 1)),
    generic: +(stats.generic.has(p.id) && n === 1),
    genericPhrase: +(stats.generic.has(p.id) && n > 1),
    genericWords: words.filter(isGenericWord).length / n,
    everyday: words.reduce((sum, w) => sum + everyday(w), 0) / n,
    nounHead: +p.nounHead,
    headNounShare: stats.nounShare.get(head) ?? 1,
    ingHead: +(n > 1 && /ing$/.test(head) && !ING_NOUNS.has(head)),
    participleFirst: +isParticiple(p.firstWord),
    ingFirst: +(n > 1 && /\p{L}{3,}ing$/u.test(p.firstWord) && !ING_NOUNS.has(p.firstWord) && !ING_MODIFIERS.has(p.firstWord)),
    extended: +p.extended,
    extendedEveryday: p.extended ? everyday(words[0] ?? '') : 0,
    afterDeterminer: before((w) => DETERMINERS.has(w)),
    afterPreposition: before((w) => PREPOSITIONS.has(w)),
    afterConjunction: before((w) => CONJUNCTIONS.has(w)),
    afterPunctuation: before(isPunctuation),
    beforeConjunction: after((w) => CONJUNCTIONS.has(w)),
    beforeVerb: after((w) => VERBS_AFTER.has(w)),
    beforeFunctionWord: after((w) => FUNCTION_AFTER.has(w)),
    beforePunctuation: after(isPunctuation),
  };
}
