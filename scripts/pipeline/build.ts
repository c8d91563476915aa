// The whole build as pure stages: extract → normalize → select → link → cluster → layout → emit. No fs, no process:
// the CLI gives it papers and options and gets back the graph, the dropped-candidate report and stage timings.
import type { ConceptAttributes, PaperAttributes, RelatedPaper, SerializedAtlas } from '../../src/contract/types.ts';
import { SCHEMA_VERSION } from '../../src/contract/types.ts';
import type { BuildOptions } from '../options.ts';
import { clusterOfConcept, clusterPapers, type Clustering } from './cluster.ts';
import { emitAtlas, PairEdge, type EmitEdge } from './emit.ts';
import { extractPacked, type PackedTerms } from './extract/packed.ts';
import { layoutIterations } from './layout-budget.ts';
import { layoutIndexed, layoutQuality, SATELLITE_MAX_PAPERS, SATELLITES_FROM, type IndexedEdges, type Positions } from './layout.ts';
import { buildConcepts, relatePapers, type ConceptRecord } from './link.ts';
import { nameClusters, OTHER_COLOR } from './name-clusters.ts';
import type { RawPaper } from './read.ts';
import { applyOverrides, namedIn, NO_OVERRIDES, type Overrides } from './overrides.ts';
import { buildSenses } from './senses.ts';
import { knownShare, startPositions } from './stability.ts';
import { paperTerms } from './terms-of-paper.ts';
import { gatherCandidates } from './gather.ts';
import { foldInnerPlurals } from './inner-plurals.ts';
import { selectVocabulary, type Dropped, type LeftOut, type RareCandidates } from './vocabulary.ts';

export interface BuildInput {
  papers: RawPaper[];
  input: string;
  format: SerializedAtlas['attributes']['build']['format'];
  skipped: number;
  options: BuildOptions;
  previous?: Map<string, { x: number; y: number }>;
  /**
   * Already-extracted terms (e.g. from worker threads), in the order of `papers`. Consumed: their keys get the paper
   * prefix, and the array is emptied paper by paper as the candidates are gathered, so a big corpus's packed
   * occurrences are not held through the later stages.
   */
  extracted?: PackedTerms[];
  /** The user's concept overrides (data/concepts.json). */
  overrides?: Overrides;
  /**
   * Called where memory matters (e.g. a full garbage collection): after the extraction, where the collector's limits
   * are set anew; once the packed terms are turned into candidates; once the unkept candidates are let go. On a big
   * corpus that garbage would otherwise still be in memory while the next stage allocates, and the peak memory would
   * be the sum of both. (After the later stages a collection freed little: 40–400 MB at 100,000 papers, for 0.4–0.8 s
   * each. Without the one after the extraction the peak went from 2.7 to 3.1 GB.)
   */
  collect?: () => void;
}

export interface BuildResult {
  atlas: SerializedAtlas;
  /** Candidates dropped by the selection, most papers first. */
  dropped: Dropped[];
  /** And the (many) candidates in fewer than minPapers papers, not turned into entries: see rareDropped. */
  rare: RareCandidates;
  timings: Array<[stage: string, ms: number]>;
  /** Overrides entries that matched no concept candidate. */
  unknownOverrides: string[];
}

export type Progress = (stage: string, done: number, total: number) => void;

export const PAPER_PREFIX = 'p:';

/** Least similarity for an edge of the graph Louvain clusters (below the related lists' threshold on purpose). */
const CLUSTER_MIN_SCORE = 0.05;

export function buildAtlas(input: BuildInput, progress: Progress = () => {}): BuildResult {
  const { options } = input;
  const timings: Array<[string, number]> = [];
  let t = performance.now();
  const lap = (stage: string, collect = false): void => {
    if (collect) input.collect?.();
    const now = performance.now();
    timings.push([stage, Math.round(now - t)]);
    t = now;
  };

  const papers = input.papers.map((p) => ({ ...p, key: PAPER_PREFIX + p.key }));
  // Given terms get the prefixed keys in place (no copies: the gathering frees each paper's terms once it has read them).
  const extracted =
    input.extracted?.map((e, i) => ((e.key = papers[i]!.key), e)) ??
    papers.map((p, i) => {
      if (i % 50 === 0) progress('extract', i, papers.length);
      return extractPacked(p);
    });
  lap('extract', true);

  const { concepts, terms, dropped, rare, unknownOverrides } = selectConcepts(input, extracted, papers.length, lap);
  const paperKeys = papers.map((p) => p.key).sort();
  const { related, clustering } = relateAndCluster(paperKeys, concepts, options, lap);
  const clusters = nameClusters(concepts, clustering);
  lap('cluster');

  const conceptCluster = new Map(concepts.map((c) => [c.key, clusterOfConcept(c.papers, clustering)]));
  const degree = new Map<string, number>();
  for (const c of concepts) for (const p of c.papers.keys()) degree.set(p, (degree.get(p) ?? 0) + 1);
  const paperSize = (k: string): number => round2(5 + 1.5 * Math.sqrt(degree.get(k) ?? 0));
  const conceptSize = (n: number): number => round2(2 + 2.2 * Math.sqrt(n));
  const positions = place(input, paperKeys, concepts, related, clustering, conceptCluster, paperSize, conceptSize);
  const quality = layoutQuality(positions, related, options.seed);
  lap('layout');

  const colorOf = (cluster: number): string => clusters[cluster]?.color ?? OTHER_COLOR;
  const byKey = new Map(papers.map((p) => [p.key, p]));
  const paperNodes = paperKeys.map((key) => {
    const p = byKey.get(key)!;
    const cluster = clustering.ofPaper.get(key) ?? 0;
    const pos = positions.get(key) ?? { x: 0, y: 0 };
    const attributes: PaperAttributes = {
      kind: 'paper',
      label: shortLabel(p.title),
      title: p.title,
      abstract: p.abstract,
      ...(p.url !== undefined ? { url: p.url } : {}),
      ...(p.authors !== undefined ? { authors: p.authors } : {}),
      ...(p.date !== undefined ? { date: p.date } : {}),
      x: pos.x,
      y: pos.y,
      size: paperSize(key),
      color: colorOf(cluster),
      cluster,
      related: related.get(key) ?? [],
      terms: terms.get(key) ?? [],
    };
    return { key, attributes };
  });
  const conceptNodes = concepts.map((c) => {
    const cluster = conceptCluster.get(c.key) ?? 0;
    const pos = positions.get(c.key) ?? { x: 0, y: 0 };
    const attributes: ConceptAttributes = {
      kind: 'concept',
      conceptType: c.type,
      label: c.label,
      aliases: c.aliases,
      ...(c.definition !== undefined ? { definition: c.definition } : {}),
      papers: c.papers.size,
      x: pos.x,
      y: pos.y,
      size: conceptSize(c.papers.size),
      color: colorOf(cluster),
      cluster,
    };
    return { key: c.key, attributes };
  });
  const edges = mentionEdges(concepts);

  const atlas = emitAtlas({
    attributes: {
      schemaVersion: SCHEMA_VERSION,
      clusters,
      build: {
        input: input.input,
        format: input.format,
        papers: papers.length,
        skipped: input.skipped,
        concepts: concepts.length,
        edges: edges.length,
        layoutQuality: quality,
        options: { ...options },
      },
    },
    nodes: [...paperNodes, ...conceptNodes],
    edges,
  });
  lap('emit');
  return { atlas, dropped, rare, timings, unknownOverrides };
}

/**
 * Normalize and select: candidates gathered from the packed terms, the user's overrides applied, the vocabulary chosen
 * and turned into concept records, each paper's own terms picked. Only those leave this function, so the candidates
 * and their millions of occurrence objects can be collected before the later stages run.
 */
function selectConcepts(
  input: BuildInput,
  extracted: PackedTerms[],
  paperCount: number,
  lap: (stage: string, collect?: boolean) => void,
): { concepts: ConceptRecord[]; terms: Map<string, string[]>; dropped: Dropped[]; rare: RareCandidates; unknownOverrides: string[] } {
  const { options } = input;
  const senses = buildSenses(extracted);
  const overrides = input.overrides ?? NO_OVERRIDES;
  const leftOut = new Map<string, LeftOut>();
  const rare: RareCandidates = { ids: [], papers: [] };
  const candidates = gatherCandidates(extracted, senses, { select: { options, paperCount, leftOut, rare }, wanted: namedIn(overrides), consume: true });
  // The packed occurrences are not needed any more (what is left of them is in the candidates): let them go, the
  // caller's array included.
  extracted.length = 0;
  if (input.extracted) input.extracted.length = 0;
  const user = applyOverrides(candidates, overrides);
  lap('normalize', true);
  const vocabulary = selectVocabulary(candidates, paperCount, options, user, leftOut);
  foldInnerPlurals(vocabulary);
  const terms = paperTerms(vocabulary, options);
  // From here only the kept candidates are read: the others' occurrences can go before the concept records are made.
  candidates.clear();
  input.collect?.();
  const concepts = buildConcepts(vocabulary, senses, paperCount, user);
  return { concepts, terms, dropped: vocabulary.dropped, rare, unknownOverrides: user.unknown };
}

/**
 * Related papers (the lists a reader sees) and the paper clusters. Communities are found on a denser similarity graph
 * than the related lists: Louvain needs the weak ties too, a reader only the strong ones.
 */
function relateAndCluster(
  paperKeys: string[],
  concepts: ConceptRecord[],
  options: BuildOptions,
  lap: (stage: string) => void,
): { related: Map<string, RelatedPaper[]>; clustering: Clustering } {
  const similar = relatePapers(paperKeys, concepts, { maxRelated: Math.max(10, options.maxRelated), minRelatedScore: CLUSTER_MIN_SCORE });
  const related = new Map([...similar].map(([p, list]) => [p, list.filter((r) => r.score >= options.minRelatedScore).slice(0, options.maxRelated)]));
  lap('link');
  return { related, clustering: clusterPapers(paperKeys, similar, options) };
}

/** Positions of every node; the layout's node and edge lists live only while it runs. */
function place(
  input: BuildInput,
  paperKeys: string[],
  concepts: ConceptRecord[],
  related: Map<string, RelatedPaper[]>,
  clustering: Clustering,
  conceptCluster: Map<string, number>,
  paperSize: (key: string) => number,
  conceptSize: (papers: number) => number,
): Positions {
  const { options } = input;
  // On a big map the concepts only a few papers share are placed between their papers after ForceAtlas2, not by it.
  const satellites = paperKeys.length + concepts.length >= SATELLITES_FROM;
  const layoutNodes = [
    ...paperKeys.map((key) => ({ key, cluster: clustering.ofPaper.get(key) ?? 0, size: paperSize(key) })),
    ...concepts.map((c) => ({ key: c.key, cluster: conceptCluster.get(c.key) ?? 0, size: conceptSize(c.papers.size), satellite: satellites && c.papers.size <= SATELLITE_MAX_PAPERS })),
  ];
  // The edges are made as the layout reads them, not held as an array (a big map has millions), and name their nodes
  // by position in layoutNodes: papers first, then concepts.
  let edgeCount = 0;
  for (const c of concepts) edgeCount += c.papers.size;
  for (const list of related.values()) edgeCount += list.length;
  const paperAt = new Map(paperKeys.map((k, i) => [k, i]));
  const layoutEdges: IndexedEdges = (visit) => {
    // A paper and a concept are tied by one edge; two related papers may list each other.
    concepts.forEach((c, ci) => {
      for (const [p, link] of c.papers) {
        const a = paperAt.get(p);
        if (a !== undefined) visit(a, paperKeys.length + ci, 1 + Math.log1p(link.weight), true);
      }
    });
    for (const [p, list] of related) {
      const a = paperAt.get(p);
      if (a === undefined) continue;
      for (const r of list) {
        const b = paperAt.get(r.key);
        if (b !== undefined) visit(a, b, 20 * r.score, false);
      }
    }
  };
  const keys = layoutNodes.map((n) => n.key);
  const start = input.previous ? startPositions(keys, layoutEdges, input.previous, options.seed) : undefined;
  // A map that is mostly known only settles the newcomers in: a quarter of the usual iterations.
  const settle = start && knownShare(keys, input.previous!) >= 0.5;
  const iterations = options.iterations || (settle ? Math.max(20, Math.round(layoutIterations(keys.length, edgeCount) / 4)) : 0);
  return layoutIndexed(layoutNodes, layoutEdges, clustering.count, { seed: options.seed, iterations, ...(start ? { previous: start } : {}) });
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The paper–concept edges, made in the order emit sorts them (by key "paper|concept": papers as compared with the "|"
 * after them, then a paper's concepts), so that sorting millions of edges finds them already in order.
 */
function mentionEdges(concepts: ConceptRecord[]): EmitEdge[] {
  // Concepts in key order, so each paper's edges are made in the order they are written (no sort per paper).
  const ofPaper = new Map<string, PairEdge[]>();
  for (const c of [...concepts].sort((a, b) => cmp(a.key, b.key)))
    for (const [p, link] of c.papers) {
      const edge = new PairEdge(p, c.key, link);
      const list = ofPaper.get(p);
      if (list) list.push(edge);
      else ofPaper.set(p, [edge]);
    }
  const edges: EmitEdge[] = [];
  for (const prefix of [...ofPaper.keys()].map((p) => `${p}|`).sort(cmp)) for (const edge of ofPaper.get(prefix.slice(0, -1))!) edges.push(edge);
  return edges;
}

/** Map labels stay short; the full title is in the panel. */
export function shortLabel(title: string, max = 48): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const colon = t.indexOf(':');
  if (colon >= 8 && colon <= max) return t.slice(0, colon);
  const cut = t.lastIndexOf(' ', max - 1);
  return `${t.slice(0, cut > max / 2 ? cut : max - 1).replace(/[\s,;:.-]+$/, '')}…`;
}
