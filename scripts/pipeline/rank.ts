// Keyphrase ranking per paper: every candidate noun phrase (the graph's extractor and canonical concepts) gets a
// log-linear score over its features (./rank/features.ts); near-duplicates are folded. Pure and deterministic.
import { DEFAULTS } from '../options.ts';
import type { FieldOccurrence } from './extract/index.ts';
import { bestSurface, docPhrases, type DocPhrase, type RankInput } from './rank/doc.ts';
import { FEATURES, phraseFeatures, type CorpusStats, type Feature, type Features } from './rank/features.ts';
import { buildSenses } from './senses.ts';
import { gatherCandidates } from './gather.ts';
import { lexicalReason } from './vocabulary.ts';

export type { RankInput } from './rank/doc.ts';

export interface RankOptions {
  /** How many phrases to keep per paper. */
  top: number;
  /** Weight of each feature in the score; a missing feature weighs 0. */
  weights: Partial<Record<Feature, number>>;
  /** Score subtracted from a phrase inside an already picked one ("cache" after "KV cache"), and from one containing
   *  a picked one, per such pick: keeps the list from repeating itself without forbidding nested keyphrases. */
  insidePenalty: number;
  containingPenalty: number;
}

/**
 * Feature weights of the log-linear score. Chosen by logistic regression of "is a gold keyphrase" over the candidates
 * of the 500 Inspec test abstracts (../shared/corpora), then rounded to 0.05, so that benchmark is not unseen data
 * for them. Cross-validated (fit on the other folds, rank the held-out abstracts) the same features score macro
 * F1@5 35.4-35.7 and F1@10 40.6-40.8 (2, 5 and 10 folds), against 35.6 / 40.9 for these weights on all 500: they
 * carry little that is specific to those abstracts. Features that helped Inspec only by penalizing acronyms, digits
 * or capitals were left out (the concept graph wants those terms), and so was a PositionRank word-graph score: its
 * weight came out ≈ 0 next to these features.
 */
export const RANK_WEIGHTS: Readonly<Record<Feature, number>> = Object.freeze({
  len1: -1.6, len3: 0.3, len4: 0.15, len5: -0.3,
  logFirst: -0.2, logCount: 0.2,
  idf: 0.15, generic: -0.6, genericPhrase: -0.25, genericWords: -0.3, everyday: -0.2,
  nounHead: 0.4, headNounShare: 0.4, ingHead: -0.4, participleFirst: -0.5, ingFirst: -0.5,
  extended: -0.8, extendedEveryday: -0.35,
  afterDeterminer: 0.5, afterPreposition: 0.9, afterConjunction: 0.9, afterPunctuation: 0.4,
  beforeConjunction: 0.6, beforeVerb: 0.4, beforeFunctionWord: 0.25, beforePunctuation: 0.6,
});

export const RANK_DEFAULTS: Readonly<RankOptions> = Object.freeze({
  top: 10,
  weights: RANK_WEIGHTS,
  insidePenalty: 0.5,
  containingPenalty: 0.3,
});

export interface RankedPhrase {
  /** Lowercase, as written in the paper (its most frequent form), without a parenthesized acronym. */
  phrase: string;
  /** Log-linear score, less the overlap penalties; non-increasing down the list. */
  score: number;
  /** Canonical concept id of the phrase. */
  id: string;
}

export interface RankCandidate {
  phrase: DocPhrase;
  features: Features;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Canonical concept ids of every occurrence (acronyms expanded, variants merged) and corpus statistics. */
function corpusStats(papers: readonly RankInput[]): CorpusStats & { idOf: (o: FieldOccurrence) => string } {
  const candidates = gatherCandidates([...papers], buildSenses([...papers]));
  const ids = new Map<FieldOccurrence, string>();
  const df = new Map<string, number>();
  const generic = new Set<string>();
  for (const c of candidates.values()) {
    df.set(c.id, c.byPaper.size);
    if (lexicalReason(c, DEFAULTS)) generic.add(c.id);
    for (const list of c.byPaper.values()) for (const o of list) ids.set(o, c.id);
  }
  const tags = new Map<string, [number, number]>();
  for (const paper of papers)
    for (const [w, [nouns, uses]] of paper.tags) {
      const t = tags.get(w) ?? [0, 0];
      tags.set(w, [t[0] + nouns, t[1] + uses]);
    }
  const nounShare = new Map([...tags].map(([w, [nouns, uses]]) => [w, uses > 0 ? nouns / uses : 1]));
  return { papers: papers.length, df, generic, nounShare, idOf: (o) => ids.get(o) ?? o.words.join(' ') };
}

/**
 * Every candidate of every paper with its features, in order of first appearance. Candidates stand on their own
 * somewhere in the paper (a whole noun-phrase chunk, or one with its stripped modifier put back): "large language",
 * only ever seen inside "large language model", is a fragment, not a keyphrase. (Fragments cost nothing on Inspec.)
 */
export function candidateFeatures(papers: readonly RankInput[]): Map<string, RankCandidate[]> {
  const stats = corpusStats(papers);
  const out = new Map<string, RankCandidate[]>();
  for (const paper of papers) {
    const standalone = docPhrases(paper, stats.idOf).filter((p) => p.maximalCount > 0 || p.extended);
    out.set(paper.key, standalone.map((phrase) => ({ phrase, features: phraseFeatures(phrase, stats) })));
  }
  return out;
}

export function scoreOf(features: Features, weights: Partial<Record<Feature, number>>): number {
  let z = 0;
  for (const f of FEATURES) z += (weights[f] ?? 0) * features[f];
  return z;
}

/** Words of `inner` appear, in order and contiguous, inside the longer `outer`. */
const contains = (outer: readonly string[], inner: readonly string[]): boolean => {
  if (inner.length >= outer.length) return false;
  for (let i = 0; i + inner.length <= outer.length; i++) if (inner.every((w, k) => outer[i + k] === w)) return true;
  return false;
};

function pick(candidates: RankCandidate[], o: RankOptions): RankedPhrase[] {
  const scored = candidates.map((c) => ({ p: c.phrase, score: scoreOf(c.features, o.weights), phrase: bestSurface(c.phrase) }));
  scored.sort((a, b) => b.score - a.score || cmp(a.phrase, b.phrase) || cmp(a.p.id, b.p.id));
  const picked: RankedPhrase[] = [];
  const pickedWords: string[][] = [];
  const seenPhrases = new Set<string>();
  const seenIds = new Set<string>();
  const rest = scored.filter((x) => {
    // One candidate per written form (two concept ids can share one: a defined acronym and a homonym).
    if (seenPhrases.has(x.phrase)) return false;
    seenPhrases.add(x.phrase);
    return true;
  });
  while (picked.length < o.top) {
    // Greedy: the best phrase given those already picked. Ties keep the sorted order, so the result is deterministic.
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < rest.length; i++) {
      const x = rest[i]!;
      // Penalties only lower scores and `rest` is sorted by score: nothing further down can win any more.
      if (x.score <= bestScore) break;
      if (seenIds.has(x.p.id)) continue;
      let s = x.score;
      for (const words of pickedWords) {
        if (contains(words, x.p.words)) s -= o.insidePenalty;
        else if (contains(x.p.words, words)) s -= o.containingPenalty;
      }
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    const x = rest[best];
    if (x === undefined) break;
    seenIds.add(x.p.id);
    pickedWords.push(x.p.words);
    picked.push({ phrase: x.phrase, score: bestScore, id: x.p.id });
  }
  return picked;
}

/**
 * Ranks the keyphrases of every paper (keys must be unique), best first, at most `top` each. Corpus statistics
 * (document frequency, acronym senses, part-of-speech shares) come from `papers` themselves, so a paper can rank a
 * little differently in another corpus. Pass the texts (`title`, `abstract`) along with the extracted terms: without
 * them the context features are unknown and stripped modifiers cannot be restored.
 */
export function rankKeyphrases(papers: readonly RankInput[], options: Partial<RankOptions> = {}): Map<string, RankedPhrase[]> {
  const o: RankOptions = { ...RANK_DEFAULTS, ...options };
  const out = new Map<string, RankedPhrase[]>();
  for (const [key, candidates] of candidateFeatures(papers)) out.set(key, pick(candidates, o));
  return out;
}
