// The map's hover card cuts a long title to the room it has, at a word, with an ellipsis.
import { describe, expect, it } from 'vitest';
import { fitText } from '../../src/map/labels.ts';

/** A context whose font is 7 px a character. */
const ctx = { measureText: (s: string) => ({ width: s.length * 7 }) } as unknown as CanvasRenderingContext2D;

describe('fitText', () => {
  it('keeps text that fits', () => {
    expect(fitText(ctx, 'Sharpness-Aware Minimization', 400)).toBe('Sharpness-Aware Minimization');
  });

  it('cuts a long title at a word, with an ellipsis, within the width', () => {
    const title = 'Deep Neural Networks as Gaussian Processes in the Infinite Width Limit of Many Layers';
    const cut = fitText(ctx, title, 210);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length * 7).toBeLessThanOrEqual(210);
    expect(title.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut).toBe('Deep Neural Networks as…');
  });

  it('cuts inside a word only when the first word alone is too long', () => {
    expect(fitText(ctx, 'Supercalifragilisticexpialidocious models', 70)).toBe('Supercali…');
  });
});
