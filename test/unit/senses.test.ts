// Acronym senses across a corpus: one node per meaning, labelled apart; a use without a definition goes to the
// corpus's dominant sense; spelling and word-order variants of a long form are one node.
import { describe, expect, it } from 'vitest';
import type { ConceptAttributes, SerializedAtlas } from '../../src/contract/types.ts';
import { DEFAULTS } from '../../scripts/options.ts';
import { buildAtlas } from '../../scripts/pipeline/build.ts';
import type { RawPaper } from '../../scripts/pipeline/read.ts';

const paper = (key: string, title: string, abstract: string): RawPaper => ({ key, line: 1, title, abstract });

const corpus = [
  paper('sam1', 'Flatter minima with SAM', 'Sharpness-Aware Minimization (SAM) seeks flat minima of the loss landscape and improves generalization.'),
  paper('sam2', 'Efficient sharpness-aware training', 'We make SAM (Sharpness-Aware Minimization) cheaper: our SAM variant halves the cost of each step.'),
  paper('sam3', 'SAM for domain generalization', 'Sharpness-aware minimization (SAM) helps domain generalization under distribution shift.'),
  paper('seg1', 'Prompting the Segment Anything Model', 'The Segment Anything Model (SAM) segments any object from a point prompt.'),
  paper('seg2', 'Medical images with the Segment Anything Model', 'We adapt the Segment Anything Model (SAM) to medical image segmentation.'),
  paper('use', 'Why SAM finds flat minima', 'We analyse why SAM reaches flat minima, with a new bound on the loss landscape.'),
  paper('inr1', 'Implicit neural representations for audio', 'Implicit Neural Representations (INRs) encode audio signals as networks.'),
  paper('inr2', 'Neural implicit representations of shapes', 'Neural implicit representations (NIR) encode 3D shapes; an INR per shape is costly.'),
];

const atlas: SerializedAtlas = buildAtlas({ papers: corpus, input: 'x', format: 'json', skipped: 0, options: { ...DEFAULTS } }).atlas;
const concepts = atlas.nodes.filter((n) => n.attributes.kind === 'concept') as Array<{ key: string; attributes: ConceptAttributes }>;
const papersOf = (key: string): string[] => atlas.edges.filter((e) => e.target === key).map((e) => e.source).sort();
const byDefinition = (d: string) => concepts.find((c) => c.attributes.definition?.toLowerCase() === d);

describe('acronym senses', () => {
  it('makes two nodes for SAM, one per meaning, whose labels tell them apart', () => {
    const sharp = byDefinition('sharpness-aware minimization')!;
    const seg = byDefinition('segment anything model')!;
    expect(sharp.key).not.toBe(seg.key);
    expect(sharp.attributes.label).not.toBe(seg.attributes.label);
    expect(sharp.attributes.label.toLowerCase()).toContain('sharpness');
    expect(seg.attributes.label.toLowerCase()).toContain('segment anything');
    expect(seg.attributes.aliases).toContain('SAM');
  });

  it('links each paper to the sense it defines', () => {
    expect(papersOf(byDefinition('sharpness-aware minimization')!.key)).toEqual(expect.arrayContaining(['p:sam1', 'p:sam2', 'p:sam3']));
    expect(papersOf(byDefinition('segment anything model')!.key)).toEqual(['p:seg1', 'p:seg2']);
  });

  it('sends a use without a definition to the dominant sense', () => {
    expect(papersOf(byDefinition('sharpness-aware minimization')!.key)).toContain('p:use');
    expect(papersOf(byDefinition('segment anything model')!.key)).not.toContain('p:use');
  });

  it('merges INR, INRs, NIR and both word orders of the long form into one node', () => {
    const inr = concepts.filter((c) => /implicit|INR|NIR/i.test([c.attributes.label, ...c.attributes.aliases].join(' ')) && c.attributes.conceptType === 'acronym');
    expect(inr).toHaveLength(1);
    expect(papersOf(inr[0]!.key)).toEqual(['p:inr1', 'p:inr2']);
  });
});

describe('technical tokens', () => {
  it('keeps every kind of token the design card names as one candidate each', async () => {
    const { extractPaper } = await import('../../scripts/pipeline/extract/index.ts');
    const text =
      'We compare INT4, INT8, FP8 and BF16 formats, W4A8KV4 and W4A16 schemes, 4-bit and 8-bit weights, GPT-4, Llama-3, ' +
      'YOLOv9 and GLM-130B with a 130B model, Swin Transformer, CLIP, COCO and ImageNet.';
    const words = new Set(extractPaper({ key: 'p', title: 't', abstract: text }).occurrences.map((o) => o.words.join(' ')));
    for (const w of ['int4', 'int8', 'fp8', 'bf16', 'w4a8kv4', 'w4a16', '4bit', '8bit', 'gpt4', 'llama3', 'yolov9', '130b', 'swin transformer', 'clip', 'coco', 'imagenet'])
      expect(words, w).toContain(w);
  });
});
