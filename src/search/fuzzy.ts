// Typo tolerance for search: bounded edit distance with transpositions, and how close one query word is to one word.

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), or `max + 1` as soon as it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] ?? max + 1;
}

/** Typos allowed in a query word: none below 4 letters (acronyms, "kv") or with a digit (INT4 is not INT8), one up to 7, two from 8. */
export function allowedTypos(word: string): number {
  if (word.length < 4 || /\d/.test(word)) return 0;
  return word.length < 8 ? 1 : 2;
}

/**
 * How well query word `q` matches word `w`: 1 exact, 0.9 prefix, 0.7 within the allowed typos, 0.6 a typo in the
 * start of a longer word when `typing` (the last query word: "quantizt" → "quantization"), else 0.
 */
export function wordMatch(q: string, w: string, typing: boolean): number {
  if (q === w) return 1;
  if (w.startsWith(q)) return 0.9;
  const typos = allowedTypos(q);
  if (typos === 0) return 0;
  if (editDistance(q, w, typos) <= typos) return 0.7;
  if (typing && w.length > q.length + typos && editDistance(q, w.slice(0, q.length), typos) <= typos) return 0.6;
  return 0;
}
