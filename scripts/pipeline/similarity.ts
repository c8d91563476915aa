// The related-papers pass on flat arrays: cosine similarity over specificity-weighted concept sets, paper by paper.
// Nothing here holds a string or an object per paper, so the same index can be read by several threads (its arrays
// may live in shared memory) and each computes the lists of its own papers — the same numbers whichever thread does.
import { kthLargest, Ranking } from './ranking.ts';

/** Papers and concepts as numbers: paper i of the caller's list, used concept ci. */
export interface SimilarityIndex {
  papers: number;
  /** Papers of each concept: members[memberStart[ci] … memberStart[ci + 1]). */
  memberStart: Int32Array;
  members: Int32Array;
  /** Concepts of each paper, ascending: conceptList[paperStart[p] … paperStart[p + 1]). */
  paperStart: Int32Array;
  conceptList: Int32Array;
  /** Squared weight of each concept. */
  w2: Float64Array;
  /** Length of each paper's weight vector (1 for a paper without concepts). */
  norm: Float64Array;
  /** Each paper's place in key order: of two papers with the same score the smaller key comes first. */
  keyRank: Int32Array;
  /** Each concept's place in the order a reason lists them: most specific first, then by key. */
  conceptRank: Int32Array;
  /** 1 for a single word: one shared single word ("loss") can mean different things in two papers, so is no reason. */
  single: Uint8Array;
}

export interface RelateSettings {
  maxRelated: number;
  /** Related papers need a cosine similarity of at least this. */
  minRelatedScore: number;
}

/**
 * Related lists, flat. For each paper in turn: its list's length, then per related paper its number, the count of
 * shared concepts and their numbers (in `ints`); the scores go to `scores`, one per related paper.
 */
export class RelatedLists {
  ints: Int32Array = new Int32Array(1024);
  intCount = 0;
  scores: Float64Array = new Float64Array(256);
  scoreCount = 0;

  int(v: number): void {
    if (this.intCount === this.ints.length) this.ints = grown(this.ints, 2 * this.ints.length);
    this.ints[this.intCount++] = v;
  }

  score(v: number): void {
    if (this.scoreCount === this.scores.length) this.scores = grown(this.scores, 2 * this.scores.length);
    this.scores[this.scoreCount++] = v;
  }
}

function grown<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const out = (a instanceof Int32Array ? new Int32Array(size) : new Float64Array(size)) as T;
  out.set(a);
  return out;
}

/** One thread's working arrays, made once and reused for every paper it relates. */
export class RelateScratch {
  readonly dot: Float64Array;
  readonly mark: Uint8Array;
  readonly touched: Int32Array;
  readonly scoredPaper: Int32Array;
  readonly scored: Float64Array;
  readonly select: Float64Array;
  readonly best: Ranking;
  readonly shared: number[] = [];

  constructor(index: SimilarityIndex) {
    const n = index.papers;
    this.dot = new Float64Array(n);
    this.mark = new Uint8Array(index.w2.length);
    this.touched = new Int32Array(n);
    this.scoredPaper = new Int32Array(n);
    this.scored = new Float64Array(n);
    this.select = new Float64Array(n);
    this.best = new Ranking(n, index.keyRank);
  }
}

/** Appends the related lists of papers from … to - 1 to `out`, best first. */
export function relateRange(index: SimilarityIndex, settings: RelateSettings, from: number, to: number, s: RelateScratch, out: RelatedLists): void {
  const { memberStart, members, paperStart, conceptList, w2, norm, conceptRank, single } = index;
  const { dot, mark, touched, scoredPaper, scored, best, shared } = s;
  const byRank = (a: number, b: number): number => conceptRank[a]! - conceptRank[b]!;
  // A big corpus touches thousands of papers per paper, and only the first few are ever read: the heap gets those
  // scoring at least the shortlist's last score, and the rest only if the list is not full by then.
  const shortlist = 4 * settings.maxRelated;
  for (let p = from; p < to; p++) {
    let t = 0;
    for (let j = paperStart[p]!; j < paperStart[p + 1]!; j++) {
      const ci = conceptList[j]!;
      mark[ci] = 1;
      const w = w2[ci]!;
      for (let k = memberStart[ci]!, end = memberStart[ci + 1]!; k < end; k++) {
        const q = members[k]!;
        if (q === p) continue;
        if (dot[q] === 0) touched[t++] = q;
        dot[q]! += w;
      }
    }
    let m = 0;
    for (let i = 0; i < t; i++) {
      const q = touched[i]!;
      const score = dot[q]! / (norm[p]! * norm[q]!);
      dot[q] = 0;
      if (score >= settings.minRelatedScore) (scoredPaper[m] = q), (scored[m++] = Math.round(score * 1000) / 1000);
    }
    const cutoff = m > shortlist ? kthLargest(scored, m, shortlist, s.select) : -Infinity;
    best.clear();
    for (let i = 0; i < m; i++) if (scored[i]! >= cutoff) best.add(scoredPaper[i]!, scored[i]!);
    let deferred = cutoff > -Infinity;
    const lengthAt = out.intCount;
    out.int(0);
    let length = 0;
    while (length < settings.maxRelated) {
      let at = best.pop();
      if (at < 0 && deferred) {
        deferred = false;
        for (let i = 0; i < m; i++) if (scored[i]! < cutoff) best.add(scoredPaper[i]!, scored[i]!);
        at = best.pop();
      }
      if (at < 0) break;
      const q = best.paper[at]!;
      shared.length = 0;
      for (let j = paperStart[q]!; j < paperStart[q + 1]!; j++) if (mark[conceptList[j]!] === 1) shared.push(conceptList[j]!);
      if (shared.length === 1 && single[shared[0]!] === 1) continue;
      shared.sort(byRank);
      out.int(q);
      out.int(shared.length);
      for (const ci of shared) out.int(ci);
      out.score(best.score[at]!);
      length++;
    }
    out.ints[lengthAt] = length;
    for (let j = paperStart[p]!; j < paperStart[p + 1]!; j++) mark[conceptList[j]!] = 0;
  }
}

/** Each item's place in the order `compare` sorts the items. */
export function ranks(count: number, compare: (a: number, b: number) => number): Int32Array {
  const order = Array.from({ length: count }, (_, i) => i).sort(compare);
  const rank = new Int32Array(count);
  order.forEach((item, place) => (rank[item] = place));
  return rank;
}
