// Acronym senses across the corpus: which long form each acronym stands for, one sense per distinct definition
// ("SAM" = sharpness-aware minimization vs. segment anything model), and the expansion of acronyms inside terms.
import type { Definition } from './extract/index.ts';

export interface Sense {
  short: string;
  shortSurface: string;
  /** Canonical long-form words (the most common spelling among its variants). */
  long: string[];
  longSurface: string;
  /** Papers that define the acronym with this sense, sorted. */
  papers: string[];
  /** Other long-form spellings merged into this sense ("neural implicit representation"). */
  variants: string[][];
}

export interface SenseTable {
  /** Senses of each short form, dominant (most defining papers) first. */
  byShort: Map<string, Sense[]>;
  /** Per paper: the sense it defines for each short form. */
  local: Map<string, Map<string, Sense>>;
}

const bagOf = (words: string[]): string => [...words].sort().join(' ');

export function buildSenses(papers: ReadonlyArray<{ key: string; definitions: Definition[] }>): SenseTable {
  // short → bag of long words → spellings with their papers
  const groups = new Map<string, Map<string, { spellings: Map<string, { words: string[]; surface: string; papers: Set<string> }> }>>();
  for (const paper of papers) {
    for (const d of paper.definitions) {
      let byBag = groups.get(d.short);
      if (!byBag) groups.set(d.short, (byBag = new Map()));
      const bag = bagOf(d.long);
      let group = byBag.get(bag);
      if (!group) byBag.set(bag, (group = { spellings: new Map() }));
      const id = d.long.join(' ');
      let spelling = group.spellings.get(id);
      if (!spelling) group.spellings.set(id, (spelling = { words: d.long, surface: d.longSurface, papers: new Set() }));
      spelling.papers.add(paper.key);
    }
  }

  // short → paper → surfaces written for it, counted once so naming a sense is linear in the corpus.
  const surfaces = new Map<string, Map<string, Map<string, number>>>();
  for (const p of papers)
    for (const d of p.definitions) {
      const byPaper = surfaces.get(d.short) ?? new Map<string, Map<string, number>>();
      const counts = byPaper.get(p.key) ?? new Map<string, number>();
      counts.set(d.shortSurface, (counts.get(d.shortSurface) ?? 0) + 1);
      byPaper.set(p.key, counts);
      surfaces.set(d.short, byPaper);
    }
  const byShort = new Map<string, Sense[]>();
  const local = new Map<string, Map<string, Sense>>();
  for (const short of [...groups.keys()].sort()) {
    const senses: Sense[] = [];
    for (const [, group] of [...groups.get(short)!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const spellings = [...group.spellings.values()].sort(
        (a, b) => b.papers.size - a.papers.size || (a.words.join(' ') < b.words.join(' ') ? -1 : 1),
      );
      const main = spellings[0]!;
      const papersOf = new Set(spellings.flatMap((s) => [...s.papers]));
      const shortSurface = shortSurfaceOf(surfaces.get(short), short, papersOf);
      senses.push({
        short,
        shortSurface,
        long: main.words,
        longSurface: main.surface,
        papers: [...papersOf].sort(),
        variants: spellings.slice(1).map((s) => s.words),
      });
    }
    senses.sort((a, b) => b.papers.length - a.papers.length || (a.long.join(' ') < b.long.join(' ') ? -1 : 1));
    byShort.set(short, senses);
    for (const sense of senses) {
      for (const p of sense.papers) {
        let m = local.get(p);
        if (!m) local.set(p, (m = new Map()));
        if (!m.has(short)) m.set(short, sense);
      }
    }
  }
  return { byShort, local };
}

function shortSurfaceOf(byPaper: Map<string, Map<string, number>> | undefined, short: string, keys: Set<string>): string {
  const counts = new Map<string, number>();
  for (const key of [...keys].sort())
    for (const [surface, n] of byPaper?.get(key) ?? []) counts.set(surface, (counts.get(surface) ?? 0) + n);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? short.toUpperCase();
}

/** The sense an acronym use refers to in a paper: the paper's own definition, else the corpus's dominant sense. */
export function senseFor(table: SenseTable, paper: string, short: string): Sense | undefined {
  return table.local.get(paper)?.get(short) ?? table.byShort.get(short)?.[0];
}

/** Replaces acronym words by their long forms, and long-form spelling variants by the canonical spelling. */
export function expandWords(table: SenseTable, paper: string, words: string[], acronymAt: number[]): string[] {
  if (acronymAt.length === 0 || table.byShort.size === 0) return words;
  const out: string[] = [];
  words.forEach((w, i) => {
    const sense = acronymAt.includes(i) ? senseFor(table, paper, w) : undefined;
    if (sense) out.push(...sense.long);
    else out.push(w);
  });
  return out;
}

/**
 * Map from the word bag of every long form to its sense, so spelling and word-order variants fold onto one concept —
 * across acronyms too: "INR" = implicit neural representation and "NIR" = neural implicit representation are one.
 */
export function variantIndex(table: SenseTable): Map<string, Sense> {
  const all = [...table.byShort.values()].flat();
  all.sort((a, b) => b.papers.length - a.papers.length || (a.short < b.short ? -1 : a.short > b.short ? 1 : 0));
  const index = new Map<string, Sense>();
  for (const sense of all) {
    for (const v of [sense.long, ...sense.variants]) if (!index.has(bagOf(v))) index.set(bagOf(v), sense);
  }
  return index;
}

export const wordBag = bagOf;
