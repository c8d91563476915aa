// The concept panel's line about an acronym's other form (src/data/definition.ts).
import { describe, expect, it } from 'vitest';
import { definitionLine } from '../../src/data/definition.ts';

describe('the other form of an acronym concept', () => {
  it('gives the long form under an acronym label', () => {
    expect(definitionLine({ label: 'SAM', definition: 'sharpness-aware minimization', aliases: ['sharpness-aware minimization'] })).toEqual([
      'Stands for ',
      'sharpness-aware minimization',
    ]);
  });

  it('gives the acronym, not the label again, under a long-form label', () => {
    const concept = { label: 'long short-term memory', definition: 'long short-term memory', aliases: ['LSTM', 'LSTMs', 'Long Short Term Memory'] };
    expect(definitionLine(concept)).toEqual(['Abbreviated ', 'LSTM']);
  });

  it('says nothing when there is no definition, or no acronym among the aliases', () => {
    expect(definitionLine({ label: 'quantization', aliases: [] })).toBeNull();
    expect(definitionLine({ label: 'neural network', definition: 'Neural Network', aliases: ['neural networks'] })).toBeNull();
  });
});
