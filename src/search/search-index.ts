// Search over concept labels, aliases and long forms, paper titles and abstracts: acronym-aware, typo-tolerant, ranked
// label → title → abstract. Built once at load; a query scans the word list once per query word (cached while typing).
import type { Atlas } from '../data/atlas.ts';
import { normalize } from '../data/text.ts';
import { wordMatch } from './fuzzy.ts';

type Tier = 'label' | 'title';

interface Field {
  tier: Tier;
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
  /** Normalized abstract (papers), for phrase matches. */
  abstract: string;
}

export interface SearchIndex {
  entries: SearchEntry[];
  /** Every distinct word of names, titles and abstracts. */
  vocabulary: string[];
  /** Abstract word → indices of the entries whose abstract has it. */
  postings: Map<string, number[]>;
  /** Query word → matching vocabulary words with their quality (the last few queries). */
  cache: Map<string, Map<string, number>>;
  /** Entries (papers) whose abstract is indexed; abstracts arrive after the map (see addAbstracts). */
  withAbstract: Set<number>;
  /** The vocabulary as a set, and the paper entries by key (for adding abstracts). */
  known: Set<string>;
  paperEntry: Map<string, number>;
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
  /** Where it matched: its name (label, alias, title) or only its abstract (with the abstract word that matched). */
  where: 'name' | 'abstract';
  abstractWord: string | null;
}

const RESERVED_PER_KIND = 3;
const CACHE_SIZE = 64;

function field(raw: string, penalty: number, tier: Tier): Field {
  const text = normalize(raw);
  const words = text.split(' ').filter(Boolean);
  return { tier, text, compact: words.join(''), initials: words.map((w) => w[0]).join(''), words, raw, penalty };
}

/** The index over names (titles, labels, aliases, long forms) and the abstracts already loaded. */
export function buildIndex(atlas: Atlas): SearchIndex {
  const entries: SearchEntry[] = [];
  const vocabulary = new Set<string>();
  for (const key of atlas.keys) {
    const a = atlas.node(key);
    if (!a) continue;
    let entry: SearchEntry;
    if (a.kind === 'paper') {
      const fields = [field(a.title || a.label, 0, 'title')];
      if (a.label && normalize(a.label) !== fields[0]?.text) fields.push(field(a.label, 0, 'label'));
      entry = { key, kind: 'paper', name: a.title || a.label, cluster: a.cluster, papers: 1, fields, abstract: '' };
    } else {
      const fields = [field(a.label, 0, 'label'), ...a.aliases.map((alias) => field(alias, 4, 'label'))];
      if (a.definition) fields.push(field(a.definition, 6, 'label'));
      entry = { key, kind: 'concept', name: a.label, cluster: a.cluster, papers: a.papers, fields, abstract: '' };
    }
    for (const f of entry.fields) for (const w of f.words) vocabulary.add(w);
    entries.push(entry);
  }
  const paperEntry = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e.kind === 'paper') paperEntry.set(e.key, i);
  });
  const index: SearchIndex = { entries, vocabulary: [...vocabulary], postings: new Map(), cache: new Map(), withAbstract: new Set(), known: vocabulary, paperEntry };
  addAbstracts(index, atlas);
  return index;
}

/** Indexes the abstracts of `papers` (default: every paper) whose text is in and not yet indexed; returns how many. */
export function addAbstracts(index: SearchIndex, atlas: Atlas, papers: Iterable<string> = atlas.paperKeys): number {
  const known = index.known;
  let added = 0;
  for (const key of papers) {
    const i = index.paperEntry.get(key);
    const entry = i === undefined ? undefined : index.entries[i];
    if (i === undefined || !entry || index.withAbstract.has(i) || !atlas.text.hasText(key)) continue;
    entry.abstract = normalize(atlas.paper(entry.key)?.abstract ?? '');
    index.withAbstract.add(i);
    added += 1;
    for (const word of new Set(entry.abstract.split(' '))) {
      if (!word) continue;
      if (!known.has(word)) {
        known.add(word);
        index.vocabulary.push(word);
      }
      const list = index.postings.get(word);
      if (list) list.push(i);
      else index.postings.set(word, [i]);
    }
  }
  if (added) index.cache.clear();
  return added;
}

/** Vocabulary words that match query word `q`, with their quality (see wordMatch). */
function matchesFor(index: SearchIndex, q: string, typing: boolean): Map<string, number> {
  const cacheKey = `${typing ? '+' : '-'}${q}`;
  const hit = index.cache.get(cacheKey);
  if (hit) return hit;
  const out = new Map<string, number>();
  for (const w of index.vocabulary) {
    const quality = wordMatch(q, w, typing);
    if (quality > 0) out.set(w, quality);
  }
  if (index.cache.size >= CACHE_SIZE) index.cache.delete(index.cache.keys().next().value ?? '');
  index.cache.set(cacheKey, out);
  return out;
}

/** Lowest quality over the query words, each taking its best word in `words` (0 if one has none). */
function wordsQuality(words: readonly string[], perWord: readonly Map<string, number>[]): number {
  let min = 1;
  for (const matches of perWord) {
    let best = 0;
    for (const w of words) best = Math.max(best, matches.get(w) ?? 0);
    if (best === 0) return 0;
    min = Math.min(min, best);
  }
  return min;
}

function scoreField(f: Field, q: string, qWords: string[], qCompact: string, perWord: readonly Map<string, number>[]): number {
  if (!f.text) return 0;
  const label = f.tier === 'label';
  if (f.text === q) return 100;
  if (f.text.startsWith(q)) return label ? 90 : 80;
  const quality = wordsQuality(f.words, perWord);
  if (quality >= 0.9) {
    // Every query word is (the start of) a word of the field; starting at the first word ranks higher.
    const first = f.words.findIndex((fw) => fw.startsWith(qWords[0] ?? ''));
    return (label ? 70 : 62) - Math.min(Math.max(first, 0), 10) * 0.5;
  }
  if (label && qCompact.length >= 2 && f.initials === qCompact && f.words.length >= 2) return 68;
  if (f.text.includes(q)) return label ? 50 : 45;
  if (qCompact.length >= 3 && f.compact.includes(qCompact)) return label ? 40 : 35;
  if (quality > 0) return (label ? 55 : 46) + quality * 5;
  return 0;
}

export function search(index: SearchIndex, query: string, limit = 8): SearchHit[] {
  const q = normalize(query);
  if (!q) return [];
  const qWords = q.split(' ');
  const qCompact = qWords.join('');
  const perWord = qWords.map((w, i) => matchesFor(index, w, i === qWords.length - 1));

  // Abstracts: entries where every query word matches some abstract word, with the quality of the weakest.
  const abstractQuality = new Map<number, number>();
  const abstractWord = new Map<number, string>();
  perWord.forEach((matches, i) => {
    const best = new Map<number, number>();
    for (const [word, quality] of matches) {
      for (const e of index.postings.get(word) ?? []) {
        if ((best.get(e) ?? 0) < quality) {
          best.set(e, quality);
          if (i === 0) abstractWord.set(e, word);
        }
      }
    }
    if (i === 0) for (const [e, quality] of best) abstractQuality.set(e, quality);
    else for (const [e, quality] of abstractQuality) abstractQuality.set(e, Math.min(quality, best.get(e) ?? 0));
  });

  const hits: SearchHit[] = [];
  index.entries.forEach((entry, i) => {
    let best = 0;
    let via: string | null = null;
    for (const f of entry.fields) {
      const raw = scoreField(f, q, qWords, qCompact, perWord);
      const s = raw > 0 ? raw - f.penalty : 0;
      if (s > best) {
        best = s;
        via = f.penalty === 0 ? null : f.raw;
      }
    }
    let where: SearchHit['where'] = 'name';
    const inAbstract = abstractQuality.get(i) ?? 0;
    if (best === 0 && inAbstract > 0) {
      best = 22 + inAbstract * 8 + (qWords.length > 1 && entry.abstract.includes(q) ? 4 : 0);
      where = 'abstract';
    }
    if (best <= 0) return;
    // Among equal matches, well-connected concepts and short names come first.
    const bonus = entry.kind === 'concept' ? Math.min(entry.papers, 25) * 0.2 + 1 : 0;
    const score = best + bonus - Math.min(entry.name.length, 200) * 0.01;
    hits.push({
      key: entry.key,
      kind: entry.kind,
      name: entry.name,
      cluster: entry.cluster,
      papers: entry.papers,
      score,
      via,
      where,
      abstractWord: where === 'abstract' ? (abstractWord.get(i) ?? null) : null,
    });
  });
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

/** The best concept label for a name (filter suggestions: "did you mean …?"), or null. */
export function closestConcept(index: SearchIndex, name: string): string | null {
  const hit = search(index, name, 6).find((h) => h.kind === 'concept' && h.score >= 50);
  return hit ? hit.name : null;
}
