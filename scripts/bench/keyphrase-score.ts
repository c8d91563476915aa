// Pure scoring for the keyphrase benchmark: P/R/F1@k of ranked predicted phrases against gold keyphrases.
//
// Protocol (../shared/corpora/README.md, the usual Inspec protocol): lowercase, hyphens as spaces, Porter-stem
// every word (Porter 1980, ./porter.ts), then exact match of whole phrases; the top-k predictions are matched
// against ALL gold phrases, including those that never occur in the text.
//
// The normalization is deliberately separate from src/shared/fold.ts: the yardstick must not move when the
// extractor's own text folding changes.
//
// Formula choices:
// - Predicted phrases are normalized and deduplicated (first occurrence wins) BEFORE taking the top k, so a
//   ranking that repeats "neural network"/"neural networks" is not rewarded twice and does not lose a slot to
//   a variant. Gold phrases are deduplicated the same way, so |gold| counts distinct stemmed phrases.
// - Per document: correct = |top-k ∩ gold|, P = correct / |top-k| (the number of phrases actually returned,
//   at most k), R = correct / |gold|, F1 = 2PR / (P + R), and 0 when nothing matches. A document with no
//   predictions (missing from the output, or an empty list) scores 0 on all three.
// - "macro" averages P, R and F1 over documents: the README's protocol.
// - "micro" pools the counts over the corpus — P = Σcorrect / Σ|top-k|, R = Σcorrect / Σ|gold| — which is what
//   the evaluation code behind the published Inspec numbers computes (SIFRank's eval/sifrank_eval.py, reused by
//   PromptRank): compare the published numbers with the micro row. (That code also keeps duplicate gold phrases
//   and dedupes predictions on the surface form only; the differences are small.)
// Dividing by |top-k| rather than by k follows that code (num_e += len(top_k)); it only differs for documents
// where the extractor returns fewer than k phrases.

import { porterStem } from './porter.ts';

export interface GoldDoc {
  id: string;
  title: string;
  abstract: string;
  keyphrases: string[];
}

export interface PrfScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface DocScore extends PrfScore {
  /** Distinct predicted phrases among the top k that are gold phrases. */
  correct: number;
  /** Size of the deduplicated top-k list (≤ k). */
  predicted: number;
  /** Number of distinct gold phrases. */
  gold: number;
}

export interface ScoreAtK {
  k: number;
  macro: PrfScore;
  micro: PrfScore;
}

export interface BenchResult {
  /** Number of gold documents scored. */
  docs: number;
  /** Gold ids with no prediction record (each scored 0). */
  missing: string[];
  /** Prediction ids that are not in the gold set (ignored). */
  extra: string[];
  scores: ScoreAtK[];
}

const HYPHENS = /[\u002D\u2010\u2011\u2012\u2013\u2212]/g;

/** Lowercases, turns hyphens into spaces, collapses whitespace and Porter-stems every word. */
export function normalizePhrase(phrase: string, stem: (word: string) => string = porterStem): string {
  return phrase
    .normalize('NFKC')
    .toLowerCase()
    .replace(HYPHENS, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .map(stem)
    .join(' ');
}

/** Normalizes each phrase and keeps the first of each normalized form, in order; empty phrases are dropped. */
export function dedupeNormalized(phrases: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of phrases) {
    const n = normalizePhrase(p);
    if (n !== '' && !seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  }
  return out;
}

function prf(correct: number, predicted: number, gold: number): PrfScore {
  const precision = predicted > 0 ? correct / predicted : 0;
  const recall = gold > 0 ? correct / gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Scores one document's ranked predictions (undefined = missing) at cut-off k. */
export function scoreDoc(predicted: readonly string[] | undefined, gold: readonly string[], k: number): DocScore {
  const goldSet = new Set(dedupeNormalized(gold));
  const topK = dedupeNormalized(predicted ?? []).slice(0, k);
  const correct = topK.filter((p) => goldSet.has(p)).length;
  return { correct, predicted: topK.length, gold: goldSet.size, ...prf(correct, topK.length, goldSet.size) };
}

/** Scores every gold document at each k; predictions are keyed by document id. */
export function evaluate(
  gold: readonly GoldDoc[],
  predictions: ReadonlyMap<string, readonly string[]>,
  ks: readonly number[] = [5, 10],
): BenchResult {
  const goldIds = new Set(gold.map((d) => d.id));
  const missing = gold.filter((d) => !predictions.has(d.id)).map((d) => d.id);
  const extra = [...predictions.keys()].filter((id) => !goldIds.has(id));
  const scores = ks.map((k): ScoreAtK => {
    const sum = { precision: 0, recall: 0, f1: 0, correct: 0, predicted: 0, gold: 0 };
    for (const doc of gold) {
      const s = scoreDoc(predictions.get(doc.id), doc.keyphrases, k);
      sum.precision += s.precision;
      sum.recall += s.recall;
      sum.f1 += s.f1;
      sum.correct += s.correct;
      sum.predicted += s.predicted;
      sum.gold += s.gold;
    }
    const n = gold.length;
    const macro = n > 0
      ? { precision: sum.precision / n, recall: sum.recall / n, f1: sum.f1 / n }
      : { precision: 0, recall: 0, f1: 0 };
    return { k, macro, micro: prf(sum.correct, sum.predicted, sum.gold) };
  });
  return { docs: gold.length, missing, extra, scores };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function parseLines(text: string, source: string, each: (value: Record<string, unknown>, where: string) => void): void {
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${source} line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${where} is not JSON: ${line.slice(0, 80)}`);
    }
    if (!isRecord(value)) throw new Error(`${where} is not a JSON object`);
    each(value, where);
  });
}

function idOf(value: Record<string, unknown>, where: string): string {
  const id = value['id'];
  if (typeof id === 'string') return id;
  if (typeof id === 'number') return String(id);
  throw new Error(`${where} has no string "id"`);
}

/** Parses the gold corpus: JSONL records `{id, title, abstract, keyphrases[]}`. Throws on the first bad line. */
export function parseGoldJsonl(text: string, source = 'gold'): GoldDoc[] {
  const docs: GoldDoc[] = [];
  parseLines(text, source, (v, where) => {
    const keyphrases = v['keyphrases'];
    if (!isStringArray(keyphrases)) throw new Error(`${where} has no "keyphrases" array of strings`);
    const title = typeof v['title'] === 'string' ? v['title'] : '';
    const abstract = typeof v['abstract'] === 'string' ? v['abstract'] : '';
    docs.push({ id: idOf(v, where), title, abstract, keyphrases });
  });
  return docs;
}

export interface ParsedPredictions {
  predictions: Map<string, string[]>;
  /** Ids that appeared more than once; the first record was kept. */
  duplicates: string[];
}

/** Parses extractor output: one `{"id", "keyphrases": [...]}` per line, ranked best first. Throws on bad lines. */
export function parsePredictionsJsonl(text: string, source = 'predictions'): ParsedPredictions {
  const predictions = new Map<string, string[]>();
  const duplicates: string[] = [];
  parseLines(text, source, (v, where) => {
    const id = idOf(v, where);
    const keyphrases = v['keyphrases'];
    if (!isStringArray(keyphrases)) throw new Error(`${where} has no "keyphrases" array of strings`);
    if (predictions.has(id)) duplicates.push(id);
    else predictions.set(id, keyphrases);
  });
  return { predictions, duplicates };
}
