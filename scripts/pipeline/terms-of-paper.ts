// A paper's own specific terms — candidates no other paper shares — kept for its panel, not as graph nodes.
import type { BuildOptions } from '../options.ts';
import { lexicalReason, type Candidate, type Vocabulary } from './vocabulary.ts';

export function paperTerms(vocabulary: Vocabulary, options: BuildOptions): Map<string, string[]> {
  const scored = new Map<string, Array<{ label: string; score: number }>>();
  for (const c of vocabulary.candidates.values()) {
    if (c.byPaper.size >= options.minPapers || (c.words < 2 && !c.technical && !c.sense)) continue;
    if (lexicalReason(c, options)) continue;
    for (const [paper, list] of c.byPaper) {
      if (!list.some((o) => o.maximal)) continue; // fragments of a longer phrase say nothing new
      const score = list.length + 2 * list.filter((o) => o.field === 'title').length + 0.1 * c.words;
      const entries = scored.get(paper) ?? [];
      entries.push({ label: surfaceOf(c, paper), score });
      scored.set(paper, entries);
    }
  }
  const out = new Map<string, string[]>();
  for (const [paper, entries] of scored) {
    entries.sort((a, b) => b.score - a.score || (a.label < b.label ? -1 : 1));
    const seen = new Set<string>();
    const picked: string[] = [];
    for (const e of entries) {
      const k = e.label.toLowerCase();
      if (seen.has(k) || picked.some((p) => p.toLowerCase().includes(k))) continue;
      seen.add(k);
      picked.push(e.label);
      if (picked.length >= options.maxTerms) break;
    }
    out.set(paper, picked);
  }
  return out;
}

function surfaceOf(c: Candidate, paper: string): string {
  const list = c.byPaper.get(paper) ?? [];
  const abstract = list.find((o) => o.field === 'abstract') ?? list[0];
  return abstract?.surface.replace(/\s+/g, ' ') ?? c.id;
}
