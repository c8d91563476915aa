// Packed terms (columns instead of objects) read back as the very occurrences they were made from, and gathering
// candidates from them — leaving out the rare ones — keeps every candidate that can still matter.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPaper, type FieldOccurrence, type PaperTerms } from '../../scripts/pipeline/extract/index.ts';
import { packTerms, readTerms } from '../../scripts/pipeline/extract/packed.ts';
import { decodeCorpus, readCorpus } from '../../scripts/pipeline/read.ts';
import { buildSenses } from '../../scripts/pipeline/senses.ts';
import { gatherCandidates } from '../../scripts/pipeline/gather.ts';
import { rareDropped, selectVocabulary, type Candidate, type LeftOut, type RareCandidates } from '../../scripts/pipeline/vocabulary.ts';
import { DEFAULTS } from '../../scripts/options.ts';

const SEED = 'data/trending-papers.txt';
const papers = readCorpus(decodeCorpus(readFileSync(SEED), SEED), SEED).papers.slice(0, 40);
const terms = papers.map((p) => extractPaper(p));

/** Every field of an occurrence, read through its getters if it has them, as a plain object. */
const FIELDS = ['words', 'acronymAt', 'surface', 'start', 'end', 'chunk', 'from', 'to', 'length', 'maximal', 'technical', 'derived', 'left', 'right', 'nounHead', 'hyphenated', 'field'] as const;
const plain = (o: FieldOccurrence): Record<string, unknown> => Object.fromEntries(FIELDS.map((k) => [k, o[k]]));
const plainCandidate = (c: Candidate): unknown => {
  const lists = (m: Map<string, FieldOccurrence[]>): Map<string, unknown[]> => new Map([...m].map(([k, list]) => [k, list.map(plain)]));
  return { ...c, byPaper: lists(c.byPaper), derived: lists(c.derived) };
};

describe('packed terms', () => {
  it('read back every occurrence, field and tag count as extracted', () => {
    for (const t of terms) {
      const r = readTerms(packTerms(t));
      expect(r.size).toBe(t.occurrences.length);
      expect(Array.from({ length: r.size }, (_, i) => plain(r.occurrence(i)))).toEqual(t.occurrences.map(plain));
      const tags = new Map<string, [number, number]>();
      r.forEachTag((w, nouns, uses) => tags.set(w, [nouns, uses]));
      expect(tags).toEqual(t.tags);
    }
  });

  it('keep words that a space-joined key could not give back, and acronyms beyond the mask', () => {
    const base = terms[0]!.occurrences[0]!;
    const odd: PaperTerms = {
      key: 'p:odd',
      definitions: [],
      tags: new Map(),
      occurrences: [
        { ...base, words: ['a b', 'c'], acronymAt: [1] },
        { ...base, words: ['', 'x'], acronymAt: [] },
        { ...base, words: Array.from({ length: 30 }, (_, i) => `w${i}`), acronymAt: [0, 27] },
      ],
    };
    const r = readTerms(packTerms(odd));
    expect([0, 1, 2].map((i) => plain(r.occurrence(i)))).toEqual(odd.occurrences.map(plain));
  });

  it('gather the same candidates when they consume the papers, and leave none of them behind', () => {
    const senses = buildSenses(terms);
    const packed = terms.map(packTerms);
    const kept = gatherCandidates(packed, senses);
    const consumed = gatherCandidates(packed, senses, { consume: true });
    expect([...consumed.values()].map(plainCandidate)).toEqual([...kept.values()].map(plainCandidate));
    expect(packed.length).toBe(terms.length);
    expect(packed.every((p) => p === undefined)).toBe(true);
  });

  it('gather the candidates selection could keep, and count the others with the reason selection would give', () => {
    const senses = buildSenses(terms);
    const all = gatherCandidates(terms, senses);
    const leftOut = new Map<string, LeftOut>();
    const rare: RareCandidates = { ids: [], papers: [] };
    const options = { ...DEFAULTS, minPapers: 2 };
    const lean = gatherCandidates(terms.map(packTerms), senses, { select: { options, paperCount: terms.length, leftOut, rare } });
    const rarePapers = new Map(rare.ids.map((id, i) => [id, rare.papers[i]]));
    for (const [id, c] of all) {
      if (lean.has(id)) expect(plainCandidate(lean.get(id)!)).toEqual(plainCandidate(c));
      else expect(leftOut.get(id)?.papers ?? rarePapers.get(id)).toBe(c.byPaper.size);
    }
    expect(lean.size + leftOut.size + rare.ids.length).toBe(all.size);
    expect(rare.ids.length).toBeGreaterThan(lean.size);
    // The same concepts and the same reasons for the rest as selecting from every candidate.
    const full = selectVocabulary(all, terms.length, options);
    const fromLean = selectVocabulary(lean, terms.length, options, undefined, leftOut);
    expect(fromLean.kept.map((c) => c.id)).toEqual(full.kept.map((c) => c.id));
    const byPapers = (a: { papers: number; id: string }, b: { papers: number; id: string }): number => b.papers - a.papers || (a.id < b.id ? -1 : 1);
    expect([...fromLean.dropped, ...rareDropped(rare)].sort(byPapers)).toEqual(full.dropped);
    // Candidates of one paper that may be its own term are still there.
    expect([...lean.values()].some((c) => c.byPaper.size < 2)).toBe(true);
  });

  it('gather a candidate named in the overrides whatever the rules say', () => {
    const senses = buildSenses(terms);
    const select = (): { options: typeof DEFAULTS; paperCount: number; leftOut: Map<string, LeftOut>; rare: RareCandidates } => ({
      options: { ...DEFAULTS, minPapers: 2 },
      paperCount: terms.length,
      leftOut: new Map(),
      rare: { ids: [], papers: [] },
    });
    expect(gatherCandidates(terms, senses, { select: select() }).has('model')).toBe(false);
    expect(gatherCandidates(terms, senses, { select: select(), wanted: (id) => id === 'model' }).has('model')).toBe(true);
  });
});
