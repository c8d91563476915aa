// Text folding shared by extraction (scripts/) and search (src/): one notion of "the same words".

const DASHES = /[\u2010-\u2015\u2212_-]+/g;
const MARKS = /\p{M}+/gu;
const SPACES = /\s+/g;

/** Lowercase, strip accents, hyphens and dashes as spaces, collapse whitespace. "Low-Rank  Adaptation" → "low rank adaptation". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(DASHES, ' ').replace(SPACES, ' ').trim();
}

/** Like fold() but keeps letter case (for acronyms: "KV-cache" → "KV cache"). */
export function foldKeepCase(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').replace(DASHES, ' ').replace(SPACES, ' ').trim();
}
