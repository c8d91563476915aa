// The features a keyphrase candidate is scored on: shape, boundaries, generality, position and corpus rarity.
import { GENERIC_HEADS, GENERIC_MODIFIERS, GENERIC_WORDS, generalPerMillion } from '../extract/lexicon.ts';
import { ING_NOUNS } from '../extract/candidates.ts';
import type { DocPhrase } from './doc.ts';

/** What ranking knows about the corpus: concept document frequencies and which concepts are generic. */
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
  // length: two words is the baseline
  'len1', 'len3', 'len4', 'len5',
  // where and how often
  'logFirst', 'logCount',
  // specificity
  'idf', 'generic', 'genericWords', 'everyday',
  // shape
  'nested', 'nounHead', 'headNounShare', 'ingHead', 'participleFirst', 'participleLeft', 'extended', 'extendedEveryday',
  // boundaries: the words around the first occurrence
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
/** How common a word is in everyday English: ln(1 + occurrences per million words). */
const everyday = (w: string): number => Math.log(1 + generalPerMillion(w));
const isParticiple = (w: string): boolean => /\p{L}{3,}ed$/u.test(w);

/** The features of one candidate. */
export function phraseFeatures(p: DocPhrase, stats: CorpusStats): Features {
  const n = p.words.length;
  const nested = p.maximalCount === 0 && !p.extended;
  const head = p.words[n - 1] ?? '';
  const known = p.before !== '';
  return {
    len1: +(n === 1),
    len3: +(n === 3),
    len4: +(n === 4),
    len5: +(n >= 5),
    logFirst: Math.log(1 + p.firstPos),
    logCount: Math.log(p.count),
    idf: Math.log((stats.papers + 1) / (stats.df.get(p.id) ?? 1)),
    generic: +stats.generic.has(p.id),
    genericWords: p.words.filter(isGenericWord).length / n,
    everyday: p.words.reduce((sum, w) => sum + everyday(w), 0) / n,
    nested: +nested,
    nounHead: +p.nounHead,
    headNounShare: stats.nounShare.get(head) ?? 1,
    ingHead: +(n > 1 && /ing$/.test(head) && !ING_NOUNS.has(head)),
    participleFirst: +isParticiple(p.firstWord),
    participleLeft: +(nested && isParticiple(p.left)),
    extended: +p.extended,
    extendedEveryday: p.extended ? everyday(p.words[0] ?? '') : 0,
    afterDeterminer: +DETERMINERS.has(p.before),
    afterPreposition: +PREPOSITIONS.has(p.before),
    afterConjunction: +CONJUNCTIONS.has(p.before),
    afterPunctuation: +(known && isPunctuation(p.before)),
    beforeConjunction: +CONJUNCTIONS.has(p.after),
    beforeVerb: +VERBS_AFTER.has(p.after),
    beforeFunctionWord: +FUNCTION_AFTER.has(p.after),
    beforePunctuation: +(known && isPunctuation(p.after)),
  };
}
