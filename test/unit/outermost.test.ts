// The related-paper list names the shared concepts that are not written inside another shared one.
import { describe, expect, it } from 'vitest';
import { outermost } from '../../src/data/text.ts';

const names = (list: string[]): string[] => outermost(list, (s) => s);

describe('outermost', () => {
  it('drops names written inside another, whole words only, case and hyphens aside', () => {
    expect(names(['4-bit KV cache', '4-bit KV', '4-bit', 'KV cache', 'cache', 'LLM', 'GPU'])).toEqual(['4-bit KV cache', 'LLM', 'GPU']);
    expect(names(['Vision Transformer', 'transformer', 'ViT'])).toEqual(['Vision Transformer', 'ViT']);
  });

  it('keeps a name that is only part of a word of another ("cache" in "caches" stays apart from "caching")', () => {
    expect(names(['KV caching', 'cache'])).toEqual(['KV caching', 'cache']);
    expect(names(['INT4', 'INT4'])).toEqual(['INT4', 'INT4']);
  });
});
