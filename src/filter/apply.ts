// Runs a parsed concept filter on the atlas: names resolve to concepts by label, alias or long form (case-insensitive).
import type { Atlas } from '../data/atlas.ts';
import { normalize } from '../data/text.ts';
import { evaluate, parseFilter, positiveTerms, filterTerms, type FilterError, type FilterNode, type TermNode } from './parse.ts';

export interface UnknownName {
  term: TermNode;
  /** The closest concept label, when there is a plausible one. */
  suggestion: string | null;
}

export type FilterOutcome =
  | { status: 'empty' }
  | { status: 'error'; error: FilterError }
  | { status: 'unknown'; unknown: UnknownName[] }
  | {
      status: 'ok';
      ast: FilterNode;
      /** Papers the expression is true for. */
      papers: ReadonlySet<string>;
      /** Concepts named outside a NOT (they stay lit with the papers). */
      concepts: ReadonlySet<string>;
    };

export interface FilterResolver {
  /** Concept keys a typed name stands for (an acronym defined two ways is two concepts). */
  resolve(name: string): readonly string[];
  run(query: string): FilterOutcome;
}

/** Concept keys by normalized label, alias and long form. */
function namesOf(atlas: Atlas): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  const add = (text: string, key: string): void => {
    const n = normalize(text);
    if (!n) return;
    const keys = byName.get(n) ?? [];
    if (!keys.includes(key)) keys.push(key);
    byName.set(n, keys);
  };
  for (const key of atlas.conceptKeys) {
    const a = atlas.concept(key);
    if (!a) continue;
    add(a.label, key);
    for (const alias of a.aliases) add(alias, key);
    if (a.definition) add(a.definition, key);
  }
  return byName;
}

export function createFilterResolver(atlas: Atlas, suggest: (name: string) => string | null = () => null): FilterResolver {
  // Built on first use (a big map has tens of thousands of names, most page loads never filter), again once the
  // aliases are in.
  let byName: Map<string, string[]> | null = null;
  let named = false;
  const names = (): Map<string, string[]> => {
    if (!byName || named !== atlas.text.namesReady) {
      named = atlas.text.namesReady;
      byName = namesOf(atlas);
    }
    return byName;
  };
  const conceptsOf = new Map<string, ReadonlySet<string>>();
  const paperConcepts = (paper: string): ReadonlySet<string> => {
    let set = conceptsOf.get(paper);
    if (!set) conceptsOf.set(paper, (set = new Set(atlas.mentions(paper).map((m) => m.concept))));
    return set;
  };
  const papers = atlas.paperKeys;

  const resolve = (name: string): readonly string[] => names().get(normalize(name)) ?? [];

  return {
    resolve,
    run(query) {
      const parsed = parseFilter(query);
      if (!parsed.ok) return { status: 'error', error: parsed.error };
      if (!parsed.ast) return { status: 'empty' };
      const ast = parsed.ast;
      const keys = new Map<TermNode, readonly string[]>();
      const unknown: UnknownName[] = [];
      for (const term of filterTerms(ast)) {
        const found = resolve(term.name);
        if (found.length) keys.set(term, found);
        else unknown.push({ term, suggestion: suggest(term.name) });
      }
      if (unknown.length) return { status: 'unknown', unknown };
      const matched = new Set<string>();
      for (const paper of papers) {
        const has = paperConcepts(paper);
        if (evaluate(ast, (term) => (keys.get(term) ?? []).some((k) => has.has(k)))) matched.add(paper);
      }
      const concepts = new Set(positiveTerms(ast).flatMap((t) => keys.get(t) ?? []));
      return { status: 'ok', ast, papers: matched, concepts };
    },
  };
}
