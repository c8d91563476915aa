// Builds the seed corpus once per test file through the pure pipeline (no CLI), for tests that judge the map.
import { readFileSync } from 'node:fs';
import type { ConceptAttributes, PaperAttributes, SerializedAtlas } from '../../src/contract/types.ts';
import { DEFAULTS, type BuildOptions } from '../../scripts/options.ts';
import { buildAtlas } from '../../scripts/pipeline/build.ts';
import type { Overrides } from '../../scripts/pipeline/overrides.ts';
import { readCorpus } from '../../scripts/pipeline/read.ts';

export const SEED = 'data/trending-papers.txt';

export function buildSeed(options: Partial<BuildOptions> = {}, overrides?: Overrides): SerializedAtlas {
  const read = readCorpus(readFileSync(SEED, 'utf8'), SEED);
  return buildAtlas({
    papers: read.papers,
    input: 'trending-papers.txt',
    format: read.format,
    skipped: read.skipped.length,
    options: { ...DEFAULTS, ...options },
    ...(overrides ? { overrides } : {}),
  }).atlas;
}

export interface SeedView {
  atlas: SerializedAtlas;
  concepts: Map<string, ConceptAttributes>;
  papers: Map<string, PaperAttributes>;
  /** Concept whose label or alias equals `name` (case-insensitive). */
  concept: (name: string) => [string, ConceptAttributes] | undefined;
  /** Paper whose title contains `text`. */
  paper: (text: string) => [string, PaperAttributes];
  conceptsOf: (paperKey: string) => Set<string>;
  papersOf: (conceptKey: string) => Set<string>;
}

export function view(atlas: SerializedAtlas): SeedView {
  const concepts = new Map<string, ConceptAttributes>();
  const papers = new Map<string, PaperAttributes>();
  for (const n of atlas.nodes) {
    if (n.attributes.kind === 'concept') concepts.set(n.key, n.attributes);
    else papers.set(n.key, n.attributes);
  }
  const byPaper = new Map<string, Set<string>>();
  const byConcept = new Map<string, Set<string>>();
  for (const e of atlas.edges) {
    byPaper.set(e.source, (byPaper.get(e.source) ?? new Set()).add(e.target));
    byConcept.set(e.target, (byConcept.get(e.target) ?? new Set()).add(e.source));
  }
  return {
    atlas,
    concepts,
    papers,
    concept: (name) => {
      const n = name.toLowerCase();
      return [...concepts].find(([, a]) => a.label.toLowerCase() === n || a.aliases.some((x) => x.toLowerCase() === n));
    },
    paper: (text) => {
      const found = [...papers].find(([, a]) => a.title.includes(text));
      if (!found) throw new Error(`no seed paper titled like "${text}"`);
      return found;
    },
    conceptsOf: (k) => byPaper.get(k) ?? new Set(),
    papersOf: (k) => byConcept.get(k) ?? new Set(),
  };
}
