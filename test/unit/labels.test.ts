// Concept labels keep the capitals their authors agree on for names ("Dirichlet process", "Swin Transformer") and
// undo Title Case and sentence starts for everything else.
import { describe, expect, it } from 'vitest';
import type { FieldOccurrence } from '../../scripts/pipeline/extract/index.ts';
import { nameConcept } from '../../scripts/pipeline/labels.ts';
import type { Candidate } from '../../scripts/pipeline/vocabulary.ts';

type Use = [surface: string, field?: 'title' | 'abstract', maximal?: boolean];

function candidate(id: string, uses: Use[]): Candidate {
  const byPaper = new Map<string, FieldOccurrence[]>();
  uses.forEach(([surface, field = 'abstract', maximal = true], i) => {
    const o = { surface, field, maximal, right: '' } as unknown as FieldOccurrence;
    byPaper.set(`p${i}`, [o]);
  });
  return { id, words: id.split(' ').length, byPaper, technical: false, nounShare: 1, derived: new Map() };
}

const label = (id: string, uses: Use[]): string => nameConcept(candidate(id, uses), false).label;

describe('concept labels', () => {
  it('keep the capitals of a name when most uses in abstracts write it so', () => {
    expect(label('dirichlet process', [['Dirichlet process'], ['Dirichlet processes'], ['Dirichlet Process'], ['Dirichlet process'], ['Dirichlet process']])).toBe('Dirichlet process');
    expect(label('swin transformer', [['Swin Transformer'], ['Swin Transformers'], ['Swin Transformer']])).toBe('Swin Transformer');
    expect(label('gaussian', [['Gaussian'], ['Gaussian'], ['Gaussian'], ['Gaussian'], ['gaussian']])).toBe('Gaussian');
  });

  it('lowercase common words capitalised by a definition, a title or a sentence start', () => {
    // "Maximum Inner Product Search (MIPS)": every word is a common English word.
    expect(label('maximum inner product search', [['Maximum Inner Product Search'], ['Maximum Inner Product Search'], ['Maximum Inner Product Search']])).toBe('maximum inner product search');
    // Titles are Title Case, and a sentence may start with the term.
    expect(label('quantization', [['Quantization', 'title'], ['Quantization', 'title'], ['Quantization'], ['quantization'], ['quantization']])).toBe('quantization');
  });

  it('count only uses that are a whole phrase, and need three of them', () => {
    // "Thresholding" inside "Iterative Hard Thresholding": a piece of a longer name.
    expect(label('thresholding', [['Thresholding', 'abstract', false], ['Thresholding', 'abstract', false], ['Thresholding', 'abstract', false], ['thresholding']])).toBe('thresholding');
    expect(label('dirichlet process', [['Dirichlet process'], ['Dirichlet processes']])).toBe('dirichlet process');
  });

  it('let a name of several capitalised words count its uses inside longer phrases ("Markov chain Monte Carlo")', () => {
    expect(label('monte carlo', [['Monte Carlo', 'abstract', false], ['Monte Carlo', 'abstract', false], ['Monte Carlo', 'abstract', false], ['Monte Carlo']])).toBe('Monte Carlo');
  });
});
