// Kept concepts that differ only in an inner word's number are one concept.
import { describe, expect, it } from 'vitest';
import type { FieldOccurrence } from '../../scripts/pipeline/extract/index.ts';
import { foldInnerPlurals, innerSingular } from '../../scripts/pipeline/inner-plurals.ts';
import type { Candidate, Vocabulary } from '../../scripts/pipeline/vocabulary.ts';

const occurrence = (start: number): FieldOccurrence => ({ start, end: start + 5, field: 'abstract' }) as FieldOccurrence;

function candidate(id: string, papers: string[], sense = false): Candidate {
  const c: Candidate = { id, words: id.split(' ').length, byPaper: new Map(papers.map((p, i) => [p, [occurrence(i)]])), technical: false, nounShare: 1, derived: new Map() };
  if (sense) c.sense = { short: 'x', long: id.split(' '), variants: [] } as unknown as Candidate['sense'];
  return c;
}

describe('inner plurals', () => {
  it('singularizes every word but the last', () => {
    expect(innerSingular('features map')).toBe('feature map');
    expect(innerSingular('principal components analysis')).toBe('principal component analysis');
    expect(innerSingular('feature map')).toBeUndefined();
    expect(innerSingular('k-means clustering')).toBeUndefined();
    expect(innerSingular('loss')).toBeUndefined();
  });

  it('fold a kept plural spelling into its kept singular one, papers and occurrences included, and say so', () => {
    const plural = candidate('features map', ['p:a', 'p:b']);
    const singularOne = candidate('feature map', ['p:b', 'p:c']);
    const lonely = candidate('leverage scores sampling', ['p:d', 'p:e']);
    const defined = candidate('principal components analysis', ['p:f', 'p:g'], true);
    const definedTarget = candidate('principal component analysis', ['p:h', 'p:i']);
    const vocabulary: Vocabulary = { candidates: new Map(), kept: [definedTarget, singularOne, plural, lonely, defined], dropped: [] };
    foldInnerPlurals(vocabulary);
    expect(vocabulary.kept.map((c) => c.id)).toEqual(['principal component analysis', 'feature map', 'leverage scores sampling', 'principal components analysis']);
    expect([...singularOne.byPaper.keys()].sort()).toEqual(['p:a', 'p:b', 'p:c']);
    expect(singularOne.byPaper.get('p:b')).toHaveLength(2);
    expect(vocabulary.dropped).toEqual([{ id: 'features map', papers: 2, reason: 'the plural spelling of "feature map"' }]);
  });
});
