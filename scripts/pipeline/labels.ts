// Display names of concepts: the most useful written form as the label, every other surface form as an alias.
import type { ConceptType } from '../../src/contract/types.ts';
import type { Candidate } from './vocabulary.ts';
import { baseOrBasis, singular } from './extract/lexicon.ts';
import { acronymSingular, isAcronymLike } from './extract/terms.ts';

export interface ConceptNaming {
  label: string;
  aliases: string[];
  type: ConceptType;
  definition?: string;
}

/** "Large Language Models" → "large language model": singular head, sentence/title case undone, acronyms kept. */
export function displayForm(surface: string): string {
  const parts = surface.trim().split(/\s+/);
  return parts
    .map((word, i) => {
      let w = word;
      if (i === parts.length - 1) {
        if (isAcronymLike(w)) w = acronymSingular(w);
        else {
          const lower = w.toLowerCase();
          const sing = baseOrBasis(parts[i - 1], singular(lower));
          if (sing !== lower) w = w === lower ? sing : w === w.toUpperCase() ? sing.toUpperCase() : sing[0]!.toUpperCase() + sing.slice(1);
        }
      }
      // Title-case words ("Language") are lowercased; acronyms and names written mid-sentence keep their case.
      return isAcronymLike(w) ? w : /^\p{Lu}\p{Ll}+(-\p{Lu}?\p{Ll}+)*$/u.test(w) ? w.toLowerCase() : w;
    })
    .join(' ');
}

/** A concept's uses counted by their surface as written; title uses count half (Title Case says little of spelling). */
export type SurfaceCounts = Map<string, number>;

export function countSurface(counts: SurfaceCounts, o: { surface: string; field: 'title' | 'abstract' }): void {
  counts.set(o.surface, (counts.get(o.surface) ?? 0) + (o.field === 'title' ? 0.5 : 1));
}

/** The surface counts of a candidate's uses (not its derived ones), with runs of white space as one space. */
function tally(c: Candidate, counted?: SurfaceCounts): Map<string, number> {
  // Counted by the surface as written first: a concept has millions of occurrences on a big corpus, and few spellings.
  let raw = counted;
  if (!raw) {
    raw = new Map();
    for (const list of c.byPaper.values()) for (const o of list) countSurface(raw, o);
  }
  const counts = new Map<string, number>();
  for (const [surface, n] of raw) {
    const s = surface.replace(/\s+/g, ' ');
    counts.set(s, (counts.get(s) ?? 0) + n);
  }
  return counts;
}

const byCount = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Names a concept. `ambiguous` is true when its acronym has several senses in the corpus. `counted`: its uses'
 * surfaces already counted (countSurface over c.byPaper), by a caller that walks them anyway.
 */
export function nameConcept(c: Candidate, ambiguous: boolean, counted?: SurfaceCounts): ConceptNaming {
  const surfaces = [...tally(c, counted).entries()].sort(byCount);
  const displays = new Map<string, number>();
  for (const [s, n] of surfaces) {
    const d = displayForm(s);
    // Keep the capitalisation of proper names ("Swin Transformer", "Gaussian Splatting") when it is how they are written.
    displays.set(d, (displays.get(d) ?? 0) + n);
  }
  const ranked = [...displays.entries()].sort(byCount);
  // "pre-trained" is how a verb of "pretraining" is written, not the name of the concept: a noun form comes first.
  const participle = (d: string): boolean => /ing$/.test(c.id) && /ed$/i.test(d);
  let label = (ranked.find(([d]) => !participle(d)) ?? ranked[0])?.[0] ?? c.id;
  let definition: string | undefined;
  let type: ConceptType = c.sense ? 'acronym' : c.technical ? 'token' : c.words > 1 ? 'phrase' : 'word';
  if (c.sense) {
    const long = displayForm(c.sense.longSurface);
    const shortCount = displays.get(c.sense.shortSurface) ?? 0;
    const longCount = [...displays.entries()].filter(([d]) => d.toLowerCase() === long.toLowerCase()).reduce((s, [, n]) => s + n, 0);
    definition = long;
    // An acronym with several senses in the corpus is labelled by its long form, so "NN" the neural network and
    // "NN" the nearest neighbour read apart; the acronym stays an alias.
    label = ambiguous ? long : shortCount >= longCount ? c.sense.shortSurface : long;
    type = 'acronym';
  }
  const seen = new Set([label.toLowerCase()]);
  const aliases: string[] = [];
  const add = (s: string): void => {
    const k = s.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      aliases.push(s);
    }
  };
  if (c.sense) {
    add(c.sense.shortSurface);
    add(displayForm(c.sense.longSurface));
  }
  for (const [s] of surfaces) add(s);
  for (const [d] of ranked) add(d);
  aliases.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return definition === undefined ? { label, aliases, type } : { label, aliases, type, definition };
}
