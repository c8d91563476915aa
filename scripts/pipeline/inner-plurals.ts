// One concept however its inner words are numbered: keys singularize a phrase's last word only, so "principal
// components analysis" and "principal component analysis" are two candidates. When the selection keeps both, the
// plural spelling joins the singular one. Only kept concepts are folded: a spelling the rules dropped stays dropped
// (folding every id before the rules let clause fragments such as "methods benefit" through as "method benefit").
import { singular } from './extract/lexicon.ts';
import { mergeInto } from './overrides.ts';
import type { Vocabulary } from './vocabulary.ts';

/** The id with every word but the last singular, or undefined when that changes nothing. */
export function innerSingular(id: string): string | undefined {
  // An inner word ending in "s" is followed by a space: most ids have none.
  if (!id.includes('s ')) return undefined;
  const words = id.split(' ');
  for (let w = 0; w < words.length - 1; w++) words[w] = singular(words[w]!);
  const folded = words.join(' ');
  return folded === id ? undefined : folded;
}

/** Folds each kept concept whose inner plural has a kept singular spelling into that one, in place. */
export function foldInnerPlurals(vocabulary: Vocabulary): void {
  const kept = new Map(vocabulary.kept.map((c) => [c.id, c]));
  const folded = new Set<string>();
  for (const c of vocabulary.kept) {
    const id = innerSingular(c.id);
    const target = id === undefined || c.sense ? undefined : kept.get(id);
    if (!target || target === c) continue;
    vocabulary.dropped.push({ id: c.id, papers: c.byPaper.size, reason: `the plural spelling of "${target.id}"` });
    mergeInto(target, c);
    folded.add(c.id);
  }
  if (folded.size === 0) return;
  vocabulary.kept = vocabulary.kept.filter((c) => !folded.has(c.id));
  vocabulary.dropped.sort((a, b) => b.papers - a.papers || (a.id < b.id ? -1 : 1));
}
