// Every build option in one place: defaults, and how the CLI names them.

export interface BuildOptions {
  /** Seed for Louvain and the initial layout. */
  seed: number;
  /** A concept must be shared by at least this many papers to become a node. */
  minPapers: number;
  /** In corpora of 20+ papers, concepts in more than this share of papers are dropped as too general. */
  maxPaperShare: number;
  /** Single words more common than this in everyday English (per million words) are not concepts. */
  maxGeneralPerMillion: number;
  /** Longest related-papers list per paper. */
  maxRelated: number;
  /** Least cosine similarity for two papers to be related. */
  minRelatedScore: number;
  /** Louvain resolution: higher gives more, smaller clusters. */
  resolution: number;
  /** ForceAtlas2 iterations; 0 sizes them to the graph. */
  iterations: number;
  /** How many of a paper's own (unshared) terms its panel lists. */
  maxTerms: number;
}

export const DEFAULTS: Readonly<BuildOptions> = Object.freeze({
  seed: 42,
  minPapers: 2,
  maxPaperShare: 0.5,
  maxGeneralPerMillion: 3,
  maxRelated: 8,
  minRelatedScore: 0.12,
  resolution: 1,
  iterations: 0,
  maxTerms: 8,
});

export const OPTION_HELP: Record<keyof BuildOptions, string> = {
  seed: 'seed for clustering and layout',
  minPapers: 'least number of papers a concept must be shared by',
  maxPaperShare: 'drop concepts found in more than this share of papers (corpora of 20+ papers)',
  maxGeneralPerMillion: 'drop single words more common than this in everyday English (per million words)',
  maxRelated: 'longest list of related papers per paper',
  minRelatedScore: 'least similarity (0–1) for two papers to count as related',
  resolution: 'Louvain resolution (higher: more, smaller clusters)',
  iterations: 'ForceAtlas2 iterations (0: sized to the graph)',
  maxTerms: "how many of a paper's own unshared terms to keep for its panel",
};

/** "--min-papers" ↔ "minPapers". */
export const flagOf = (name: string): string => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
