// Display names of concepts: the most useful written form as the label, every other surface form as an alias.
import type { ConceptType } from '../../src/contract/types.ts';
import type { Candidate } from './vocabulary.ts';
import { baseOrBasis, generalPerMillion, singular } from './extract/lexicon.ts';
import { acronymSingular, isAcronymLike } from './extract/terms.ts';

export interface ConceptNaming {
  label: string;
  aliases: string[];
  type: ConceptType;
  definition?: string;
}

/**
 * "Large Language Models" → "large language model": singular head, sentence/title case undone (unless `keepCase`),
 * acronyms kept.
 */
export function displayForm(surface: string, keepCase = false): string {
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
      return keepCase || isAcronymLike(w) ? w : /^\p{Lu}\p{Ll}+(-\p{Lu}?\p{Ll}+)*$/u.test(w) ? w.toLowerCase() : w;
    })
    .join(' ');
}

/**
 * A concept's uses counted by their surface as written: a weight where title uses count half (Title Case says little
 * of spelling), the uses in abstracts, and those of them that are a whole noun phrase (not a piece of a longer one,
 * which may be capitalised for the longer one's sake: "Thresholding" of "Iterative Hard Thresholding").
 */
export type SurfaceCounts = Map<string, [weight: number, inAbstract: number, wholeInAbstract: number]>;

export function countSurface(counts: SurfaceCounts, o: { surface: string; field: 'title' | 'abstract'; maximal: boolean }): void {
  const title = o.field === 'title';
  let entry = counts.get(o.surface);
  if (!entry) counts.set(o.surface, (entry = [0, 0, 0]));
  entry[0] += title ? 0.5 : 1;
  if (!title) (entry[1] += 1), (entry[2] += o.maximal ? 1 : 0);
}

/** The surface counts of a candidate's uses (not its derived ones), with runs of white space as one space. */
function tally(c: Candidate, counted?: SurfaceCounts): SurfaceCounts {
  // Counted by the surface as written first: a concept has millions of occurrences on a big corpus, and few spellings.
  let raw = counted;
  if (!raw) {
    raw = new Map();
    for (const list of c.byPaper.values()) for (const o of list) countSurface(raw, o);
  }
  const counts: SurfaceCounts = new Map();
  for (const [surface, [weight, inAbstract, whole]] of raw) {
    const s = surface.replace(/\s+/g, ' ');
    const entry = counts.get(s);
    if (entry) (entry[0] += weight), (entry[1] += inAbstract), (entry[2] += whole);
    else counts.set(s, [weight, inAbstract, whole]);
  }
  return counts;
}

/** Share of a label's uses that must agree on one capitalised form for the label to take it. */
const NAME_CASE_SHARE = 0.8;

/** A capitalised word that is no common English word, as names are: "Gaussian", "Swin", "Lipschitz", "Treebank". */
const nameLike = (word: string): boolean => /^\p{Lu}/u.test(word) && !isAcronymLike(word) && generalPerMillion(word.toLowerCase()) < 1;

/**
 * The label as its authors write it when they agree on capitals: "Dirichlet process", "Swin Transformer", "Gaussian",
 * "Penn Treebank" — at least NAME_CASE_SHARE of the (three or more) uses written as the label in any case, whole noun
 * phrases in abstracts, have that one form, and it capitalises a word that is no common English word. A name of
 * several words, all capitalised and none common, may count its uses inside longer phrases too ("Monte Carlo" of
 * "Markov chain Monte Carlo"). Else the label as displayForm gives it: "maximum inner product search", not the
 * "Maximum Inner Product Search" of its definition.
 */
function writtenCase(label: string, counts: SurfaceCounts): string {
  const key = label.toLowerCase();
  const agreed = (column: 1 | 2, accept: (form: string) => boolean): string | undefined => {
    const forms = new Map<string, number>();
    let uses = 0;
    for (const [surface, entry] of counts) {
      if (entry[column] === 0) continue;
      const form = displayForm(surface, true);
      if (form.toLowerCase() !== key) continue;
      uses += entry[column];
      forms.set(form, (forms.get(form) ?? 0) + entry[column]);
    }
    const [best, n] = [...forms.entries()].sort(byCount)[0] ?? [label, 0];
    return uses >= 3 && n >= NAME_CASE_SHARE * uses && accept(best) ? best : undefined;
  };
  const named = (form: string): boolean => form.split(' ').some(nameLike);
  // "Monte", "Carlo": names are in the word list too (films), but rarely; "Maximum Inner Product Search" is common words.
  const rare = (w: string): boolean => isAcronymLike(w) || generalPerMillion(w.toLowerCase()) < 10;
  const allCapitalised = (form: string): boolean => form.includes(' ') && form.split(' ').every((w) => /^\p{Lu}/u.test(w) && rare(w));
  return agreed(2, named) ?? agreed(1, allCapitalised) ?? label;
}

const byCount = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Names a concept. `ambiguous` is true when its acronym has several senses in the corpus. `counted`: its uses'
 * surfaces already counted (countSurface over c.byPaper), by a caller that walks them anyway.
 */
export function nameConcept(c: Candidate, ambiguous: boolean, counted?: SurfaceCounts): ConceptNaming {
  const counts = tally(c, counted);
  const surfaces = [...counts].map(([s, [weight]]): [string, number] => [s, weight]).sort(byCount);
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
  label = writtenCase(label, counts);
  if (definition !== undefined) definition = writtenCase(definition, counts);
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
