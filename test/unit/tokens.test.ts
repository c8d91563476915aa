// Tokens know wink's number for their word, and the word facts found through that number are the facts of their text.
import { describe, expect, it } from 'vitest';
import { wordFacts } from '../../scripts/pipeline/extract/terms.ts';
import { factsOf, tokenize, type Token } from '../../scripts/pipeline/extract/tokens.ts';

const TEXT = 'We quantize LLMs to 4-bit with a 130B model, a low-rank adapter and CNN-based detectors; Erdős graphs (Dvořák).';

describe('factsOf', () => {
  it('gives every token the facts of its own text', () => {
    const tokens = tokenize(TEXT);
    for (const t of tokens) expect(factsOf(t), t.text).toEqual(wordFacts(t.text));
    // Joined and re-spelt tokens are among them, and plain words carry wink's number.
    expect(tokens.map((t) => t.text)).toEqual(expect.arrayContaining(['4-bit', '130B', 'low-rank', 'Erdős', 'Dvořák']));
    expect(tokens.find((t) => t.text === 'quantize')?.lexeme).toBeTypeOf('number');
    expect(tokens.find((t) => t.text === 'low-rank')?.lexeme).toBeUndefined();
    expect(tokens.find((t) => t.text === 'Erdős')?.lexeme).toBeUndefined();
  });

  it('gives one word the same facts in every text', () => {
    const first = tokenize('Transformers beat LSTMs.').find((t) => t.text === 'LSTMs')!;
    const again = tokenize('LSTMs are old.').find((t) => t.text === 'LSTMs')!;
    expect(again.lexeme).toBe(first.lexeme);
    expect(factsOf(again)).toBe(factsOf(first));
  });

  it('never takes the facts of the word a number was first seen with', () => {
    const word = tokenize('A GPU.').find((t) => t.text === 'GPU')!;
    expect(factsOf(word).acronym).toBe(true);
    // A token whose text no longer is its wink word (as after a repair) gets the facts of its text.
    const changed: Token = { ...word, facts: undefined, text: 'gpus' };
    expect(factsOf(changed)).toEqual(wordFacts('gpus'));
    expect(factsOf(changed).acronym).toBe(false);
  });
});
