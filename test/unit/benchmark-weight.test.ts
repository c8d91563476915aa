// A named benchmark two papers share weighs less in relatedness than a named method they share.
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../scripts/options.ts';
import { extractPaper } from '../../scripts/pipeline/extract/index.ts';
import { gatherCandidates } from '../../scripts/pipeline/gather.ts';
import { buildConcepts } from '../../scripts/pipeline/link.ts';
import { buildSenses } from '../../scripts/pipeline/senses.ts';
import { selectVocabulary } from '../../scripts/pipeline/vocabulary.ts';

describe('benchmarks in relatedness', () => {
  it('weigh like a plain word when written as a dataset in one use in twelve ("MNIST dataset"), methods keep their bonus', () => {
    const abstracts = [
      'We train LoRA adapters on the MNIST dataset.',
      'LoRA adapters reach high accuracy on MNIST.',
      'We evaluate on MNIST and compare LoRA with full tuning.',
      'A study of pruning on MNIST.',
    ];
    const terms = abstracts.map((abstract, i) => extractPaper({ key: `p${i}`, title: `Paper ${i}`, abstract }));
    const senses = buildSenses(terms);
    const vocabulary = selectVocabulary(gatherCandidates(terms, senses), terms.length, DEFAULTS);
    const concepts = buildConcepts(vocabulary, senses, terms.length);
    const mnist = concepts.find((c) => c.label === 'MNIST');
    const lora = concepts.find((c) => c.label === 'LoRA');
    if (!mnist || !lora) throw new Error(`missing concepts: ${concepts.map((c) => c.label).join(', ')}`);
    // Same kind of token; MNIST is in more papers (lower idf) and, as a benchmark, gets no bonus.
    const idf = (n: number): number => Math.log((terms.length + 1) / n);
    expect(mnist.specificity).toBeCloseTo(idf(mnist.papers.size) * 0.8, 6);
    expect(lora.specificity).toBeGreaterThan(idf(lora.papers.size) * 0.8 + 0.01);
  });
});
