// Best-first selection for the related-papers pass: a binary heap of scored papers (ties broken by key) and a
// quickselect for the k-th best score, so a paper that touches thousands of others ranks only the few it keeps.

/**
 * Scored papers, taken best first (higher score, then smaller key: `keyRank` is each paper's place in key order): a
 * binary heap, so taking the first k of m scored papers costs m + k·log m instead of sorting all m.
 */
export class Ranking {
  readonly paper: Int32Array;
  readonly score: Float64Array;
  private readonly heap: Int32Array;
  private size = 0;
  private count = 0;

  constructor(capacity: number, private readonly keyRank: Int32Array) {
    this.paper = new Int32Array(capacity);
    this.score = new Float64Array(capacity);
    this.heap = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
    this.count = 0;
  }

  add(paper: number, score: number): void {
    const at = this.count++;
    this.paper[at] = paper;
    this.score[at] = score;
    this.heap[this.size++] = at;
    this.up(this.size - 1);
  }

  /** The slot of the best paper left (read `paper` and `score` there), or -1. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0]!;
    this.heap[0] = this.heap[--this.size]!;
    this.down(0);
    return top;
  }

  private before(a: number, b: number): boolean {
    const d = this.score[a]! - this.score[b]!;
    return d > 0 || (d === 0 && this.keyRank[this.paper[a]!]! < this.keyRank[this.paper[b]!]!);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i]!, h[parent]!)) return;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < this.size && this.before(h[l]!, h[top]!)) top = l;
      if (r < this.size && this.before(h[r]!, h[top]!)) top = r;
      if (top === i) return;
      [h[i], h[top]] = [h[top]!, h[i]!];
      i = top;
    }
  }
}

/** The k-th largest of values[0..m) (1-based k ≤ m), by quickselect on a copy in `scratch`. */
export function kthLargest(values: Float64Array, m: number, k: number, scratch: Float64Array): number {
  const a = scratch;
  a.set(values.subarray(0, m));
  let lo = 0;
  let hi = m - 1;
  const want = k - 1; // index in descending order
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else return a[want]!;
  }
  return a[want]!;
}
