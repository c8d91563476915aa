// What the filters leave of the atlas: hidden nodes, the concept filter's matches, what stays lit. Pure, memoized.
import type { FilterOutcome, FilterResolver } from '../filter/apply.ts';
import type { Filters } from '../state/state.ts';
import type { Atlas } from './atlas.ts';

export interface View {
  readonly filters: Filters;
  /** Nodes not drawn (hidden clusters, the kind toggle, the minimum paper count). */
  readonly hidden: ReadonlySet<string>;
  readonly outcome: FilterOutcome;
  /** Shown papers that match the concept filter, or null when no filter applies. */
  readonly matched: ReadonlySet<string> | null;
  /** Nodes that stay lit under the concept filter (matched papers and the concepts named), or null. */
  readonly lit: ReadonlySet<string> | null;
  readonly shownPapers: readonly string[];
  readonly shownConcepts: readonly string[];
}

export function deriveView(atlas: Atlas, resolver: FilterResolver, filters: Filters): View {
  const hiddenClusters = new Set(filters.hiddenClusters);
  const hidden = new Set<string>();
  const shownPapers: string[] = [];
  const shownConcepts: string[] = [];
  for (const key of atlas.paperKeys) {
    const paper = atlas.paper(key);
    if (!paper || hiddenClusters.has(paper.cluster) || filters.kinds === 'concepts') hidden.add(key);
    else shownPapers.push(key);
  }
  const inShownCluster = (key: string): boolean => {
    const papers = atlas.mentions(key);
    // A concept stays while a paper of a shown cluster uses it.
    if (papers.length === 0) return !hiddenClusters.has(atlas.concept(key)?.cluster ?? -1);
    return papers.some((m) => !hiddenClusters.has(atlas.paper(m.paper)?.cluster ?? -1));
  };
  for (const key of atlas.conceptKeys) {
    const concept = atlas.concept(key);
    const tooRare = filters.minPapers > 1 && (concept?.papers ?? 0) < filters.minPapers;
    if (!concept || filters.kinds === 'papers' || tooRare || (hiddenClusters.size > 0 && !inShownCluster(key))) hidden.add(key);
    else shownConcepts.push(key);
  }
  const outcome = resolver.run(filters.query);
  let matched: Set<string> | null = null;
  let lit: Set<string> | null = null;
  if (outcome.status === 'ok') {
    matched = new Set([...outcome.papers].filter((k) => !hidden.has(k)));
    lit = new Set([...matched, ...outcome.concepts]);
  }
  return { filters, hidden, outcome, matched, lit, shownPapers, shownConcepts };
}

/** `deriveView` that recomputes only when the filters change (the store keeps the same object otherwise). */
export function createViewCache(atlas: Atlas, resolver: FilterResolver): (filters: Filters) => View {
  let last: View | null = null;
  return (filters) => {
    if (!last || last.filters !== filters) last = deriveView(atlas, resolver, filters);
    return last;
  };
}

/** Papers a filter leaves: the matched ones under a concept filter, else every shown paper. */
export function papersInView(view: View): readonly string[] {
  return view.matched ? view.shownPapers.filter((k) => view.matched?.has(k)) : view.shownPapers;
}
