// Link stage: concept records with their papers and mention spans, and each paper's related papers explained by the
// specific concepts they share (weighted by inverse document frequency and term type, compared by cosine).
import { availableParallelism } from 'node:os';
import type { ConceptType, MentionEdgeAttributes, RelatedPaper, Span } from '../../src/contract/types.ts';
import { slugify } from './read.ts';
import { DATASET_HEADS } from './extract/lexicon.ts';
import { countSurface, nameConcept, type SurfaceCounts } from './labels.ts';
import type { SenseTable } from './senses.ts';
import type { Candidate, Vocabulary } from './vocabulary.ts';
import type { FieldOccurrence } from './extract/index.ts';
import { ranks, RelatedLists, relateRange, RelateScratch, type RelateSettings, type SimilarityIndex } from './similarity.ts';
import { relateInParallel, type ParallelTestHooks } from './parallel/relate.ts';
import { MentionLink, SpanPool } from './mention-link.ts';

/** A paper's mentions of a concept: also the attributes of its edge in the graph (one object for both). */
export type PaperLink = MentionEdgeAttributes;

export interface ConceptRecord {
  key: string;
  id: string;
  label: string;
  aliases: string[];
  type: ConceptType;
  definition?: string;
  /** Inverse document frequency times a bonus for specific kinds of term. */
  specificity: number;
  papers: Map<string, PaperLink>;
}

export interface LinkOptions {
  maxRelated: number;
  /** Related papers need a cosine similarity of at least this. */
  minRelatedScore: number;
}

const TYPE_BONUS: Record<ConceptType, number> = { acronym: 1.5, token: 1.3, phrase: 1.2, word: 0.8 };

/** Highlights kept per paper and concept: enough to read, bounded for a pathological 5 MB abstract. */
const MAX_SPANS = 64;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts and merges overlapping spans, in place: the spans are the caller's own. */
function mergeSpans(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push(s);
  }
  return out;
}

const NO_OCCURRENCES: FieldOccurrence[] = [];

const capped = (spans: Span[]): Span[] => (spans.length > MAX_SPANS ? spans.slice(0, MAX_SPANS) : spans);

/** Builds concept records (keys "c:<slug>", unique) from the kept vocabulary. */
export function buildConcepts(
  vocabulary: Vocabulary,
  senses: SenseTable,
  paperCount: number,
  user: { labels: Map<string, string>; aliases: Map<string, string[]> } = { labels: new Map(), aliases: new Map() },
): ConceptRecord[] {
  const used = new Set<string>();
  const pool = new SpanPool();
  return vocabulary.kept.map((c) => {
    // One walk over the concept's occurrences (millions on a big corpus, each a read from far away in memory) gathers
    // the highlights, the surface counts that name it and the uses that call it a dataset.
    const papers = new Map<string, PaperLink>();
    const surfaces: SurfaceCounts = new Map();
    const uses = { all: 0, dataset: 0 };
    const keys = c.derived.size ? [...new Set([...c.byPaper.keys(), ...c.derived.keys()])] : [...c.byPaper.keys()];
    for (const paper of keys.sort(cmp)) {
      const title: Span[] = [];
      const abstract: Span[] = [];
      for (const o of c.byPaper.get(paper) ?? NO_OCCURRENCES) {
        (o.field === 'title' ? title : abstract).push([o.start, o.end]);
        countSurface(surfaces, o);
        countDatasetUse(uses, o);
      }
      for (const o of c.derived.get(paper) ?? NO_OCCURRENCES) (o.field === 'title' ? title : abstract).push([o.start, o.end]);
      papers.set(paper, new MentionLink(abstract.length + 2 * title.length, pool, capped(mergeSpans(title)), capped(mergeSpans(abstract))));
    }
    const ambiguous = c.sense ? (senses.byShort.get(c.sense.short)?.length ?? 0) > 1 : false;
    const naming = withUserNames(nameConcept(c, ambiguous, surfaces), user.labels.get(c.id), user.aliases.get(c.id));
    let key = `c:${slugify(c.id) || 'concept'}`;
    for (let n = 2; used.has(key); n++) key = `c:${slugify(c.id) || 'concept'}-${n}`;
    used.add(key);
    const idf = Math.log((paperCount + 1) / papers.size);
    // A benchmark two papers both use ("MNIST", "CIFAR-10") says less about what they are about than a method or a
    // problem they share: it weighs like a plain word, whatever its kind.
    const bonus = (naming.type === 'acronym' || naming.type === 'token') && namedAsDataset(uses) ? TYPE_BONUS.word : TYPE_BONUS[naming.type];
    return { key, id: c.id, ...naming, specificity: Math.max(0.05, idf * bonus), papers };
  });
}


/**
 * Written before "dataset", "benchmark", "corpus" … in one use in twelve or more ("MNIST dataset", 14% of MNIST's
 * uses in the ML abstracts: lists such as "MNIST, CIFAR-10 and SVHN datasets" name the kind once).
 */
const namedAsDataset = (uses: DatasetUses): boolean => uses.all > 0 && uses.dataset * 12 >= uses.all;

type DatasetUses = { all: number; dataset: number };

function countDatasetUse(uses: DatasetUses, o: { right: string }): void {
  uses.all++;
  if (DATASET_HEADS.has(o.right)) uses.dataset++;
}

function withUserNames(naming: ReturnType<typeof nameConcept>, label: string | undefined, extra: string[] | undefined): ReturnType<typeof nameConcept> {
  if (label === undefined && extra === undefined) return naming;
  const newLabel = label ?? naming.label;
  const all = [naming.label, ...naming.aliases, ...(extra ?? [])].filter((a) => a.toLowerCase() !== newLabel.toLowerCase());
  const aliases = [...new Map(all.map((a) => [a.toLowerCase(), a])).values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { ...naming, label: newLabel, aliases };
}

/** Paper pairs the similarity pass may visit (Σ df² over the concepts it uses): 82 M took 3 s on the 20,000-paper corpus. */
export const PAIR_BUDGET = 200e6;

/**
 * The most papers a concept may have and still count for relatedness. Concepts in more than a tenth of a large corpus
 * weigh almost nothing (low idf) but cost df² pairs: left out. On a very large corpus the limit comes down further,
 * until the pairs fit PAIR_BUDGET — the commonest concepts go first, as they weigh least.
 */
export function hubLimitFor(paperCounts: number[], corpusSize: number): number {
  let limit = Math.max(50, Math.ceil(0.1 * corpusSize));
  const sorted = paperCounts.filter((df) => df <= limit).sort((a, b) => a - b);
  let pairs = 0;
  for (let i = 0; i < sorted.length; i++) {
    pairs += sorted[i]! * sorted[i]!;
    if (pairs > PAIR_BUDGET) return Math.max(2, Math.min(limit, sorted[i]! - 1));
  }
  return limit;
}

/**
 * Papers from which the related-papers pass shares its work with a second thread (see ./parallel/relate.ts): below,
 * the pass is over before a worker has loaded.
 */
export const PARALLEL_RELATE_FROM = 20_000;

/** Threads for the related-papers pass when the caller did not say: two on a multi-core machine for big corpora. */
export const defaultRelateThreads = (papers: number): number => (papers >= PARALLEL_RELATE_FROM ? Math.max(1, Math.min(2, availableParallelism())) : 1);

/** Related papers of every paper: cosine over specificity-weighted concept sets, best first, with shared concepts. */
export function relatePapers(
  paperKeys: string[],
  concepts: ConceptRecord[],
  options: LinkOptions,
  threads = defaultRelateThreads(paperKeys.length),
  test?: ParallelTestHooks,
): Map<string, RelatedPaper[]> {
  const hubLimit = hubLimitFor(concepts.map((c) => c.papers.size), paperKeys.length);
  const used = concepts.filter((c) => c.papers.size <= hubLimit);
  const shared = threads > 1;
  const index = similarityIndex(paperKeys, used, shared);
  const settings = { maxRelated: options.maxRelated, minRelatedScore: options.minRelatedScore };
  const lists = shared ? relateInParallel(index, settings, threads, test) : relateAll(index, settings);
  const related = new Map<string, RelatedPaper[]>();
  let p = 0;
  for (const out of lists) {
    const { ints, scores } = out;
    for (let i = 0, s = 0; i < out.intCount; p++) {
      const list: RelatedPaper[] = new Array<RelatedPaper>(ints[i++]!);
      for (let r = 0; r < list.length; r++) {
        const q = ints[i++]!;
        const keys: string[] = new Array<string>(ints[i++]!);
        for (let k = 0; k < keys.length; k++) keys[k] = used[ints[i++]!]!.key;
        list[r] = { key: paperKeys[q]!, score: scores[s++]!, shared: keys };
      }
      related.set(paperKeys[p]!, list);
    }
  }
  return related;
}

function relateAll(index: SimilarityIndex, settings: RelateSettings): RelatedLists[] {
  const out = new RelatedLists();
  relateRange(index, settings, 0, index.papers, new RelateScratch(index), out);
  return [out];
}

/**
 * The papers of each concept and the concepts of each paper (ascending) as flat arrays — in shared memory when other
 * threads read them too — with the weights and orders the pass needs (see SimilarityIndex).
 */
function similarityIndex(paperKeys: string[], used: ConceptRecord[], shared: boolean): SimilarityIndex {
  const n = paperKeys.length;
  const int32 = (length: number): Int32Array => (shared ? new Int32Array(new SharedArrayBuffer(4 * length)) : new Int32Array(length));
  const float64 = (length: number): Float64Array => (shared ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length));
  const at = new Map(paperKeys.map((k, i) => [k, i]));
  const memberStart = int32(used.length + 1);
  const perPaper = int32(n + 1);
  let links = 0;
  for (const c of used) links += c.papers.size;
  const members = int32(links);
  let m = 0;
  used.forEach((c, ci) => {
    for (const k of c.papers.keys()) {
      const i = at.get(k);
      if (i !== undefined) (members[m++] = i), perPaper[i + 1]!++;
    }
    memberStart[ci + 1] = m;
  });
  const paperStart = perPaper;
  for (let p = 0; p < n; p++) paperStart[p + 1]! += paperStart[p]!;
  const conceptList = int32(m);
  const fill = paperStart.slice(0, n);
  for (let ci = 0; ci < used.length; ci++) for (let j = memberStart[ci]!; j < memberStart[ci + 1]!; j++) conceptList[fill[members[j]!]!++] = ci;
  const w2 = float64(used.length);
  used.forEach((c, ci) => (w2[ci] = c.specificity ** 2));
  const norm = float64(n);
  for (let p = 0; p < n; p++) {
    let sum = 0;
    for (let j = paperStart[p]!; j < paperStart[p + 1]!; j++) sum += w2[conceptList[j]!]!;
    norm[p] = Math.sqrt(sum) || 1;
  }
  const keyRank = int32(n);
  keyRank.set(ranks(n, (a, b) => cmp(paperKeys[a]!, paperKeys[b]!)));
  const conceptRank = int32(used.length);
  conceptRank.set(ranks(used.length, (a, b) => used[b]!.specificity - used[a]!.specificity || cmp(used[a]!.key, used[b]!.key)));
  const single = shared ? new Uint8Array(new SharedArrayBuffer(used.length)) : new Uint8Array(used.length);
  used.forEach((c, ci) => (single[ci] = c.type === 'word' ? 1 : 0));
  return { papers: n, memberStart, members: members.subarray(0, m), paperStart, conceptList, w2, norm, keyRank, conceptRank, single };
}
