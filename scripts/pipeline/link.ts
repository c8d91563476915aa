// Link stage: concept records with their papers and mention spans, and each paper's related papers explained by the
// specific concepts they share (weighted by inverse document frequency and term type, compared by cosine).
import type { ConceptType, RelatedPaper, Span } from '../../src/contract/types.ts';
import { slugify } from './read.ts';
import { nameConcept } from './labels.ts';
import type { SenseTable } from './senses.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface PaperLink {
  weight: number;
  titleSpans: Span[];
  abstractSpans: Span[];
}

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

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/** Builds concept records (keys "c:<slug>", unique) from the kept vocabulary. */
export function buildConcepts(
  vocabulary: Vocabulary,
  senses: SenseTable,
  paperCount: number,
  user: { labels: Map<string, string>; aliases: Map<string, string[]> } = { labels: new Map(), aliases: new Map() },
): ConceptRecord[] {
  const used = new Set<string>();
  return vocabulary.kept.map((c) => {
    const ambiguous = c.sense ? (senses.byShort.get(c.sense.short)?.length ?? 0) > 1 : false;
    const naming = withUserNames(nameConcept(c, ambiguous), user.labels.get(c.id), user.aliases.get(c.id));
    let key = `c:${slugify(c.id) || 'concept'}`;
    for (let n = 2; used.has(key); n++) key = `c:${slugify(c.id) || 'concept'}-${n}`;
    used.add(key);
    const papers = new Map<string, PaperLink>();
    for (const paper of [...new Set([...c.byPaper.keys(), ...c.derived.keys()])].sort(cmp)) {
      const list = [...(c.byPaper.get(paper) ?? []), ...(c.derived.get(paper) ?? [])];
      const title = list.filter((o) => o.field === 'title');
      const abstract = list.filter((o) => o.field === 'abstract');
      papers.set(paper, {
        weight: abstract.length + 2 * title.length,
        titleSpans: mergeSpans(title.map((o) => [o.start, o.end])),
        abstractSpans: mergeSpans(abstract.map((o) => [o.start, o.end])),
      });
    }
    const idf = Math.log((paperCount + 1) / papers.size);
    return { key, id: c.id, ...naming, specificity: Math.max(0.05, idf * TYPE_BONUS[naming.type]), papers };
  });
}

function withUserNames(naming: ReturnType<typeof nameConcept>, label: string | undefined, extra: string[] | undefined): ReturnType<typeof nameConcept> {
  if (label === undefined && extra === undefined) return naming;
  const newLabel = label ?? naming.label;
  const all = [naming.label, ...naming.aliases, ...(extra ?? [])].filter((a) => a.toLowerCase() !== newLabel.toLowerCase());
  const aliases = [...new Map(all.map((a) => [a.toLowerCase(), a])).values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { ...naming, label: newLabel, aliases };
}

/** Related papers of every paper: cosine over specificity-weighted concept sets, best first, with shared concepts. */
export function relatePapers(paperKeys: string[], concepts: ConceptRecord[], options: LinkOptions): Map<string, RelatedPaper[]> {
  const byPaper = new Map<string, ConceptRecord[]>(paperKeys.map((k) => [k, []]));
  for (const c of concepts) for (const p of c.papers.keys()) byPaper.get(p)?.push(c);
  const norm = new Map<string, number>();
  for (const [p, list] of byPaper) norm.set(p, Math.sqrt(list.reduce((s, c) => s + c.specificity ** 2, 0)));

  const related = new Map<string, RelatedPaper[]>();
  for (const p of paperKeys) {
    const shared = new Map<string, ConceptRecord[]>();
    for (const c of byPaper.get(p) ?? [])
      for (const q of c.papers.keys()) {
        if (q === p) continue;
        const list = shared.get(q) ?? [];
        list.push(c);
        shared.set(q, list);
      }
    const scored: RelatedPaper[] = [];
    for (const [q, list] of shared) {
      const dot = list.reduce((s, c) => s + c.specificity ** 2, 0);
      const score = dot / ((norm.get(p) || 1) * (norm.get(q) || 1));
      if (score < options.minRelatedScore) continue;
      // One shared single word ("propagation", "loss") can mean different things in two papers: not a reason.
      if (list.length === 1 && list[0]!.type === 'word') continue;
      list.sort((a, b) => b.specificity - a.specificity || cmp(a.key, b.key));
      scored.push({ key: q, score: Math.round(score * 1000) / 1000, shared: list.map((c) => c.key) });
    }
    scored.sort((a, b) => b.score - a.score || cmp(a.key, b.key));
    related.set(p, scored.slice(0, options.maxRelated));
  }
  return related;
}
