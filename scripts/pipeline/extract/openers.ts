// What may open a term: the -ing words that name things or open established terms, and the modifiers stripped from a
// phrase's front (generic research-speak, a level of a quantity, "real" data). Used by ./candidates.ts.
import { GENERIC_MODIFIERS, singular, TERMS_WITH_GENERIC_OPENER } from './lexicon.ts';
import type { Token } from './tokens.ts';

/** A token's text in lower case. */
export const lower = (t: Token): string => t.text.toLowerCase();

/** -ing nouns that wink tags as verbs: "contrastive learning", "KV caching", "pruning". */
export const isIngNoun = (t: Token): boolean => t.pos === 'VERB' && /\p{L}{3,}ing$/u.test(t.text);

/** -ing words that name things ("learning rate", "sampling strategy"); any other -ing word opening a chunk is a verb. */
export const ING_NOUNS = new Set(
  `learning training sampling scaling pruning caching encoding decoding coding computing processing clustering modeling
  modelling reasoning understanding finetuning fine-tuning pretraining pre-training tuning denoising inpainting rendering
  matching tracking routing hashing pooling padding embedding mapping planning forecasting captioning grounding
  prompting unlearning streaming splatting filtering smoothing batching scheduling labeling labelling annotating
  masking editing painting retraining post-training morphing warping thresholding binning hashing meshing coupling
  partitioning imaging ranking weighting clipping pricing rounding scattering confounding ising`.split(/\s+/),
);

/** -ing words that open established terms: "reproducing kernel", "vanishing gradient", "sliding window", "missing data". */
export const ING_MODIFIERS = new Set(
  'reproducing alternating vanishing exploding spiking missing floating running sliding spanning moving'.split(' '),
);

/** An -ing word that, before an adjective at a chunk's start, is the verb ("learning deep networks"). */
export const verbBeforeAdjective = (t: Token): boolean => {
  const word = lower(t);
  return (isIngNoun(t) || ING_NOUNS.has(word)) && !ING_MODIFIERS.has(word);
};

/**
 * Adjectives that need a word before them ("quantization aware", "transformer based", "high dimensional"): never a
 * term's first word.
 */
export const NEEDS_COMPLEMENT = new Set(
  'aware based free driven guided agnostic specific dependent oriented friendly intensive preserving related centric wise level invariant efficient dimensional'.split(' '),
);

/**
 * Verbs wink tags as nouns before a noun phrase ("methods lack statistical guarantees"): never a term's first word,
 * while the phrase after them still is one ("categories that lack bounding box annotations").
 */
export const VERBS_READ_AS_NOUNS = new Set(['lack', 'lacks']);

/**
 * "high accuracy", "low error", "high variance": a level of some quantity, not a term — unless the noun after it makes
 * an established one ("high dimensional", "low rank", "high resolution", "low precision", "low-pass").
 */
const LEVELS = new Set(['high', 'low']);
const LEVEL_TERMS = new Set(
  'dimension dimensions dimensional dimensionality rank resolution frequency frequencies order level precision fidelity pass discrepancy light resource resourced bit shot'.split(' '),
);

/** Written as one word they name a kind: "low-shot learning", "high-density region", "high-probability bound". */
const LEVEL_COMPOUNDS = new Set(['shot', 'density', 'power', 'probability', 'performance', 'speed', 'throughput']);

const REAL_TERMS = new Set(['time', 'number', 'numbers', 'line', 'analysis', 'space']);

/** A modifier stripped from a phrase's front: generic research-speak, or a level of a quantity. */
export function isGenericModifier(tokens: Token[], k: number): boolean {
  const word = lower(tokens[k]!);
  const next = tokens[k + 1];
  if (GENERIC_MODIFIERS.has(word)) return !(next && TERMS_WITH_GENERIC_OPENER.has(`${word} ${singular(lower(next))}`));
  // "real data", "real images", "real world data" (as against synthetic ones), but "real time", "real numbers".
  if (word === 'real') return next !== undefined && !REAL_TERMS.has(lower(next));
  if (word === 'world') return k > 0 && lower(tokens[k - 1]!) === 'real';
  if (!word.startsWith('high') && !word.startsWith('low')) return false;
  const level = /^(high|low)-(\p{L}+)$/u.exec(word); // "high-variance" as one token
  if (level) return !LEVEL_TERMS.has(level[2]!) && !LEVEL_COMPOUNDS.has(level[2]!);
  return LEVELS.has(word) && next !== undefined && !LEVEL_TERMS.has(lower(next));
}
