// Name search over paper titles and concept labels, aliases and long forms: case-, punctuation- and acronym-aware.
import type { Atlas } from '../data/atlas.ts';
import { normalize } from '../data/text.ts';

interface Field {
  text: string;
  compact: string;
  initials: string;
  words: string[];
  /** Raw text shown as "matches …" when this is not the display name. */
  raw: string;
  penalty: number;
}

export interface SearchEntry {
  key: string;
  kind: 'paper' | 'concept';
  name: string;
  cluster: number;
  papers: number;
  fields: Field[];
}

export interface SearchHit {
  key: string;
  kind: 'paper' | 'concept';
  name: string;
  cluster: number;
  papers: number;
  score: number;
  /** The alias or long form that matched, when it was not the name. */
  via: string | null;
}

const RESERVED_PER_KIND = 3;

function field(raw: string, penalty: number): Field {
  const text = normalize(raw);
  const words = text.split(' ').filter(Boolean);
  return { text, compact: words.join(''), initials: words.map((w) => w[0]).join(''), words, raw, penalty };
}

export function buildIndex(atlas: Atlas): SearchEntry[] {
  const entries: SearchEntry[] = [];
  atlas.graph.forEachNode((key, a) => {
    if (a.kind === 'paper') {
      entries.push({ key, kind: 'paper', name: a.title, cluster: a.cluster, papers: 1, fields: [field(a.title, 0)] });
    } else {
      const fields = [field(a.label, 0), ...a.aliases.map((alias) => field(alias, 4))];
      if (a.definition) fields.push(field(a.definition, 6));
      entries.push({ key, kind: 'concept', name: a.label, cluster: a.cluster, papers: a.papers, fields });
    }
  });
  return entries;
}

function scoreField(f: Field, q: string, qWords: string[], qCompact: string): number {
  if (!f.text) return 0;
  if (f.text === q) return 100;
  if (f.text.startsWith(q)) return 85;
  if (qWords.every((w) => f.words.some((fw) => fw.startsWith(w)))) {
    // Every query word starts a word of the field; in-order and starting at the first word ranks higher.
    const first = f.words.findIndex((fw) => fw.startsWith(qWords[0] ?? ''));
    return 65 - Math.min(first, 10) * 0.5;
  }
  if (qCompact.length >= 2 && f.initials === qCompact && f.words.length >= 2) return 60;
  if (f.text.includes(q)) return 45;
  if (qCompact.length >= 3 && f.compact.includes(qCompact)) return 35;
  return 0;
}

export function search(index: readonly SearchEntry[], query: string, limit = 8): SearchHit[] {
  const q = normalize(query);
  if (!q) return [];
  const qWords = q.split(' ');
  const qCompact = qWords.join('');
  const hits: SearchHit[] = [];
  for (const entry of index) {
    let best = 0;
    let via: string | null = null;
    for (const f of entry.fields) {
      const raw = scoreField(f, q, qWords, qCompact);
      const s = raw > 0 ? raw - f.penalty : 0;
      if (s > best) {
        best = s;
        via = f.penalty === 0 ? null : f.raw;
      }
    }
    if (best <= 0) continue;
    // Among equal matches, well-connected concepts and short names come first.
    const bonus = entry.kind === 'concept' ? Math.min(entry.papers, 25) * 0.2 + 1 : 0;
    const score = best + bonus - Math.min(entry.name.length, 200) * 0.01;
    hits.push({ key: entry.key, kind: entry.kind, name: entry.name, cluster: entry.cluster, papers: entry.papers, score, via });
  }
  hits.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  // Keep both kinds in view: a few papers are not crowded out by many matching concepts, nor the reverse.
  const papers = hits.filter((h) => h.kind === 'paper');
  const concepts = hits.filter((h) => h.kind === 'concept');
  const reserve = Math.min(RESERVED_PER_KIND, Math.floor(limit / 2));
  let nPapers = Math.min(papers.length, Math.max(reserve, limit - concepts.length));
  const nConcepts = Math.min(concepts.length, limit - nPapers);
  nPapers = Math.min(papers.length, limit - nConcepts);
  return [...concepts.slice(0, nConcepts), ...papers.slice(0, nPapers)].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}
