// Small text helpers shared by the map, the panel and the search: truncation and search normalization.
import { fold } from '../shared/fold.ts';

/** Cuts text to at most `max` characters at a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Lower-cased, accent-free, punctuation-free words joined by single spaces ("KV-Cache!" → "kv cache"). */
export function normalize(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "1 paper", "4,820 papers": the count with thousands separators, and the noun agreeing with it. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/**
 * Of a list of names, those not written inside another one: "4-bit KV cache" stands for "KV cache", "4-bit" and
 * "cache" (whole words, case and punctuation aside). Order is kept.
 */
export function outermost<T>(items: readonly T[], name: (item: T) => string): T[] {
  const words = items.map((item) => ` ${normalize(name(item))} `);
  return items.filter((_, i) => !words.some((other, j) => j !== i && other.length > words[i]!.length && other.includes(words[i]!)));
}
