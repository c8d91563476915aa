import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findAbbreviations,
  findShortFormUses,
  type AbbreviationDefinition,
} from '../../scripts/pipeline/extract/acronyms.ts';

/** "SHORT = long" for every definition, plus "(pl)" for plurals: easy to read when a test fails. */
function pairs(text: string): string[] {
  return findAbbreviations(text).map((d) => `${d.short}${d.plural ? ' (pl)' : ''} = ${d.long}`);
}

/** The offsets point at exactly what the fields say. */
function expectConsistent(text: string, d: AbbreviationDefinition): void {
  expect(text.slice(d.longStart, d.longEnd)).toBe(d.long);
  expect(text.slice(d.shortStart, d.shortEnd)).toBe(d.plural ? `${d.short}s` : d.short);
  expect(d.longStart).toBeLessThan(d.longEnd);
  expect(d.shortStart).toBeLessThan(d.shortEnd);
}

describe('findAbbreviations: "long form (SF)" in real abstracts', () => {
  // Sentences copied from data/trending-papers.txt.
  const cases: Array<[string, string, string]> = [
    [
      'In this paper, we integrate Vision and Detection Transformers (ViDT) to construct an effective and efficient object detector.',
      'ViDT',
      'Vision and Detection Transformers',
    ],
    [
      'To prevent overfitting to a specific domain, Sharpness-Aware Minimization (SAM) reduces source domain\'s loss sharpness.',
      'SAM',
      'Sharpness-Aware Minimization',
    ],
    [
      'Nevertheless, the increasing context length and batch size in offline LLM inference escalate the memory requirement of the key-value (KV) cache, which imposes a huge burden on the GPU VRAM.',
      'KV',
      'key-value',
    ],
    [
      'Post-training quantization (PTQ), tuning ViTs with a tiny dataset and running in a low-bit format, well addresses the cost issue.',
      'PTQ',
      'Post-training quantization',
    ],
    [
      'The Post Training Quantization (PTQ) replaces high bit-width FP representation with low-bit integer values (INT4/8) , which is an effective technique.',
      'PTQ',
      'Post Training Quantization',
    ],
    [
      'Implicit Neural Representations (INR) have recently shown to be powerful tool for high-quality video compression.',
      'INR',
      'Implicit Neural Representations',
    ],
    ['Semi-Supervised Learning (SSL) has been an effective way to leverage abundant unlabeled data.', 'SSL', 'Semi-Supervised Learning'],
    [
      'A typical method to reduce the complexity is to explore the orthogonal decomposition; this is the Training-free Eigenspace Low-Rank Approximation (EoRA) method.',
      'EoRA',
      'Eigenspace Low-Rank Approximation',
    ],
    [
      'We propose Orthogonal and Scaling Transformation-based Quantization (OSTQuant) to optimize the distribution.',
      'OSTQuant',
      'Orthogonal and Scaling Transformation-based Quantization',
    ],
    [
      'The objective of domain generalization (DG) is to enhance the transferability of the model.',
      'DG',
      'domain generalization',
    ],
    ['Despite that state-of-the-art (SOTA) methods including interval bound propagation (IBP) can train.', 'SOTA', 'state-of-the-art'],
    [
      'Their performance in multi-label and data-rich retrieval settings like extreme multi-label classification (XMC), remains under-explored.',
      'XMC',
      'extreme multi-label classification',
    ],
    [
      'We show that BottleFit decreases power consumption and latency respectively by up to 49% and 89% with respect to (w.r.t.) local computing.',
      'w.r.t.',
      'with respect to',
    ],
    [
      'These techniques accordingly: statistical weight quantization (rm StatsQ) to improve the quantization.',
      'StatsQ',
      'statistical weight quantization',
    ],
  ];

  it.each(cases)('finds the definition in %j', (text, short, long) => {
    const found = findAbbreviations(text);
    const def = found.find((d) => d.short === short);
    expect(def, pairs(text).join('; ')).toBeDefined();
    expect(def?.long).toBe(long);
    if (def) expectConsistent(text, def);
  });

  it('finds every definition of a sentence with several, in order', () => {
    const text =
      'Robustness guarantees. Despite that state-of-the-art (SOTA) methods including interval bound propagation (IBP) and Batch Normalization (BN) are strong.';
    expect(pairs(text)).toEqual(['SOTA = state-of-the-art', 'IBP = interval bound propagation', 'BN = Batch Normalization']);
  });

  it('keeps the window inside the sentence, so the long form never reaches back past a full stop', () => {
    expect(pairs('We study mixture models. Each expert (ME) is small.')).toEqual([]);
    expect(pairs('Results are good. Mixture of Experts (ME) helps.')).toEqual(['ME = Mixture of Experts']);
  });

  it('limits the long form to min(|A| + 5, |A| * 2) words before the parenthesis', () => {
    expect(pairs('We minimise the mean squared error (MSE) here.')).toEqual(['MSE = mean squared error']);
    // "mean" is 7 words back, the window for a 3-letter short form is 6.
    expect(pairs('We minimise the mean of the squared values of the error (MSE) here.')).toEqual([]);
  });

  it('starts the long form at the word where the first letter matched, not earlier', () => {
    const [def] = findAbbreviations('Research on loss surface geometry, such as Sharpness-Aware Minimization (SAM), shows that flatter minima help.');
    expect(def?.long).toBe('Sharpness-Aware Minimization');
  });

  it('lets a hyphenated part start the match and keeps the whole hyphenated word', () => {
    expect(pairs('An Orthogonal low-rank adapter (LoRA) is used.')).toEqual(['LoRA = low-rank adapter']);
    expect(pairs('Methods are focused on High-Definition/Standard-Definition (HD/SD) images.')).toEqual([
      'HD/SD = High-Definition/Standard-Definition',
    ]);
  });

  it('matches mixed-case short forms', () => {
    expect(pairs('We fine-tune with Low-Rank Adaptation (LoRA) adapters.')).toEqual(['LoRA = Low-Rank Adaptation']);
    expect(pairs('We fine-tune with Quantized Low-Rank Adaptation (QLoRA) adapters.')).toEqual([
      'QLoRA = Quantized Low-Rank Adaptation',
    ]);
    expect(pairs('Tiny devices such as Ultra-Low-Power Micro-Controller Units (MCUs) are common.')).toEqual([
      'MCU (pl) = Micro-Controller Units',
    ]);
  });

  it('accepts digits in a short form when they are in the long form', () => {
    expect(pairs('We render with 3D Gaussian Splatting (3DGS) in real time.')).toEqual(['3DGS = 3D Gaussian Splatting']);
  });

  it('lets a 2 or 4 in the short form stand for "to" or "for"', () => {
    expect(pairs('Decentralised Peer-to-Peer (P2P) training.')).toEqual(['P2P = Peer-to-Peer']);
    expect(pairs('Classic sequence-to-sequence (Seq2Seq) models.')).toEqual(['Seq2Seq = sequence-to-sequence']);
    expect(pairs('Fast text-to-image (T2I) generation.')).toEqual(['T2I = text-to-image']);
    expect(pairs('A Mixture for Nothing (M4N) model.')).toEqual(['M4N = Mixture for Nothing']);
  });

  it('rejects a digit-bearing short form whose digits are not spelled in the long form', () => {
    expect(pairs('INT4 weight-only quantization (W4A16-INT) is competitive.')).toEqual([]);
    expect(pairs('The W4A16 (4-bit weights, 16-bit activations) setting is common.')).toEqual([]);
  });
});

describe('findAbbreviations: "SF (long form)"', () => {
  it('reads the token before the parenthesis as the short form when the parenthesis holds more than two words', () => {
    const text = 'We optimise with SAM (Sharpness-Aware Minimization) and report results.';
    const [def] = findAbbreviations(text);
    expect(def).toMatchObject({ short: 'SAM', long: 'Sharpness-Aware Minimization', plural: false });
    if (def) expectConsistent(text, def);
    expect(def?.shortStart).toBeLessThan(def?.longStart ?? 0);
  });

  it('finds a real one from the seed corpus', () => {
    // data/trending-papers.txt
    const text = 'To address these limitations, we introduce WaLLoC (Wavelet Learned Lossy Compression), a neural codec.';
    expect(pairs(text)).toEqual(['WaLLoC = Wavelet Learned Lossy Compression']);
  });

  it('cuts the long form at a semicolon or comma, dropping a citation', () => {
    expect(pairs('We use SAM (Sharpness-Aware Minimization; Foret et al., 2021) throughout.')).toEqual([
      'SAM = Sharpness-Aware Minimization',
    ]);
  });

  it('needs a capital letter in the token before the parenthesis', () => {
    expect(pairs('comp-sum losses, that includes cross-entropy (or logistic loss) and others.')).toEqual([]);
  });

  it('rejects descriptive asides after an acronym', () => {
    expect(pairs('The model runs on GPUs (with many cores and memory) quickly.')).toEqual([]);
    expect(pairs('This beats GPT-4 performance (67%, zero-shot) on the benchmark.')).toEqual([]);
  });
});

describe('findAbbreviations: plurals', () => {
  it('strips the plural s of a mixed-case short form and marks it plural', () => {
    const text =
      'Implicit neural representations (INRs) have emerged as a promising approach for video storage and processing.';
    const [def] = findAbbreviations(text);
    expect(def).toMatchObject({ short: 'INR', long: 'Implicit neural representations', plural: true });
    if (def) {
      expectConsistent(text, def);
      expect(text.slice(def.shortStart, def.shortEnd)).toBe('INRs');
    }
  });

  it('handles LLMs, GPUs and ViTs', () => {
    expect(pairs('Large language models (LLMs) are everywhere.')).toEqual(['LLM (pl) = Large language models']);
    expect(pairs('We train on Graphics Processing Units (GPUs) only.')).toEqual(['GPU (pl) = Graphics Processing Units']);
    expect(pairs('We prune vision transformers (ViTs) a lot.')).toEqual(['ViT (pl) = vision transformers']);
  });

  it('does not treat an all-capital final S as a plural', () => {
    expect(pairs('Phones send Short Message Service (SMS) texts.')).toEqual(['SMS = Short Message Service']);
  });
});

describe('findAbbreviations: rejections', () => {
  it.each([
    ['a citation year', 'This was shown by Shwartz-Ziv and Tishby (2017) in detail.'],
    ['an author-year citation', 'It extends to the spherical loss family (Vincent et al., 2015) nicely.'],
    ['a table reference', 'Results on Common Benchmarks (Table 1) are strong.'],
    ['a figure reference', 'See the Attention Pattern (see Fig. 3) for details.'],
    ['a capitalised cross-reference', 'Results on Common Benchmarks (See Section 4) are strong.'],
    ['a number with a unit', 'ViDT+ achieves Average Precision (53.2 AP) owing to scale.'],
    ['a percentage', 'precision, with improvements of 1.39% (4-bit) and more.'],
    ['an enumeration', 'Our contributions include: (1) a new loss and (ii) a new proof.'],
    ['an e.g. aside', 'speed up large-scale vision transformers (e.g. ViTs) by pruning.'],
    ['an e.g., aside', 'Only outperforms prior strong baselines (e.g., SimCLR, CLIP) by far.'],
    ['an i.e. aside', 'offloads the most critical data (i.e., KV cache) to the drives.'],
    ['a non-matching word', 'We plug in a new transformer (efficient) block.'],
    ['a lower-case aside', 'that make use a support (training) and query set (test) split.'],
    ['a list of formats', 'evaluating popular quantization formats (FP8, INT8, INT4) across models.'],
    ['a different acronym', 'rates to an off-the-shelf ViT-H (MAE) model.'],
  ])('ignores %s', (_what, text) => {
    expect(pairs(text)).toEqual([]);
  });

  it('rejects a long form that is not longer than the short form or that contains it', () => {
    expect(pairs('We quantize to W4A8 quantization (W4A8) here.')).toEqual([]);
    expect(pairs('A plain ViT (ViT) model.')).toEqual([]);
  });

  it('requires the first letter of the short form to start a word', () => {
    expect(pairs('We use a lax network (XN) here.')).toEqual([]);
    expect(pairs('We use a complex network (XN) here.')).toEqual([]);
    expect(pairs('We use the embedding (BN) here.')).toEqual([]);
  });

  it('still accepts acronyms that look like reference words', () => {
    expect(pairs('Single Event Effects (SEE) upset chips.')).toEqual(['SEE = Single Event Effects']);
  });

  it('uses only the part before a semicolon or comma as the short form', () => {
    expect(pairs('Large language models (LLMs; e.g., GPT-4) are everywhere.')).toEqual(['LLM (pl) = Large language models']);
    expect(pairs('Foundation models (FMs, Bommasani et al., 2021) are big.')).toEqual(['FM (pl) = Foundation models']);
  });

  it('looks through nested parentheses', () => {
    const text = 'We adopt Low-Rank Adaptation (LoRA (Hu et al., 2022)) for tuning.';
    const [def, ...rest] = findAbbreviations(text);
    expect(rest).toEqual([]);
    expect(def).toMatchObject({ short: 'LoRA', long: 'Low-Rank Adaptation' });
    if (def) expectConsistent(text, def);
  });
});

describe('findShortFormUses', () => {
  it('matches whole words only', () => {
    const text = 'SAM works. A SAMPLE of USAM is not SAM-based? (SAM) sam.';
    const uses = findShortFormUses(text, 'SAM');
    expect(uses.map(([s, e]) => text.slice(s, e))).toEqual(['SAM', 'SAM', 'SAM']);
    expect(uses).toEqual([
      [0, 3],
      [text.indexOf('SAM-based'), text.indexOf('SAM-based') + 3],
      [text.indexOf('(SAM)') + 1, text.indexOf('(SAM)') + 4],
    ]);
  });

  it('counts a plural use and includes the s in the range', () => {
    const text = 'INRs beat one INR, but INRss and INRS do not count.';
    expect(findShortFormUses(text, 'INR').map(([s, e]) => text.slice(s, e))).toEqual(['INRs', 'INR']);
    expect(findShortFormUses(text, 'INR')[0]).toEqual([0, 4]);
  });

  it('returns nothing for an empty short form or text', () => {
    expect(findShortFormUses('anything', '')).toEqual([]);
    expect(findShortFormUses('', 'SAM')).toEqual([]);
  });
});

describe('robustness', () => {
  it.each([
    ['an empty string', ''],
    ['only parentheses', '()()(('],
    ['unbalanced opening parentheses', 'Sharpness-Aware Minimization (SAM and ((( more'],
    ['unbalanced closing parentheses', 'Sharpness-Aware Minimization SAM) and ))) more'],
    ['a parenthesis at the start', '(SAM) Sharpness-Aware Minimization'],
    ['a prototype-polluting name', '__proto__ (PROTO) constructor (CTOR) hasOwnProperty (HOP)'],
    ['surrogate pairs and emoji', 'Émoji 𝔸lpha Beta (𝔸B) 😀 (😀)'],
  ])('never throws on %s', (_what, text) => {
    expect(() => findAbbreviations(text)).not.toThrow();
    for (const d of findAbbreviations(text)) expectConsistent(text, d);
  });

  it('finds definitions next to unbalanced parentheses', () => {
    expect(pairs('( broken. Mean squared error (MSE) is used ) )')).toEqual(['MSE = Mean squared error']);
  });

  it('handles a 100,000-character word quickly', () => {
    const word = 'a'.repeat(100_000);
    const text = `${word} (AA) ${word}s (${word}) X${word} (${word} ${word} ${word})`;
    const t0 = performance.now();
    expect(findAbbreviations(text)).toEqual([]);
    expect(findShortFormUses(text, 'AA')).toEqual([[100_002, 100_004]]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('handles a 5 MB text and deep nesting in linear time', () => {
    const sentence = 'We use Sharpness-Aware Minimization (SAM) and large language models (LLMs) (see Fig. 3). ';
    const big = sentence.repeat(Math.ceil(5_000_000 / sentence.length));
    const nested = ' ('.repeat(200_000) + 'x' + ')'.repeat(200_000);
    const t0 = performance.now();
    expect(findAbbreviations(big).length).toBe(2 * Math.ceil(5_000_000 / sentence.length));
    expect(findAbbreviations(nested)).toEqual([]);
    expect(findShortFormUses(big, 'SAM').length).toBe(Math.ceil(5_000_000 / sentence.length));
    expect(performance.now() - t0).toBeLessThan(15_000);
  });

  it('keeps offsets consistent on arbitrary text', () => {
    const piece = fc.constantFrom(
      ' ', '(', ')', ',', ';', '.', '-', 's', 'SAM', 'Sharpness', 'Aware', 'Minimization', 'e.g.', 'LLMs', 'large', 'language',
      'models', '2023', 'Table 1', '\n\n', 'Ünï', 'x',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        for (const d of findAbbreviations(text)) expectConsistent(text, d);
        for (const [s, e] of findShortFormUses(text, 'SAM')) expect(text.slice(s, e)).toMatch(/^SAMs?$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the seed corpus', () => {
  const corpus = readFileSync(fileURLToPath(new URL('../../data/trending-papers.txt', import.meta.url)), 'utf8');
  const found = corpus.split(/\n\s*\n/).flatMap((paragraph) => {
    const defs = findAbbreviations(paragraph);
    for (const d of defs) expectConsistent(paragraph, d);
    return defs.map((d) => `${d.short} = ${d.long}`);
  });

  it('yields the known definitions', () => {
    expect(found).toEqual(
      expect.arrayContaining([
        'ViDT = Vision and Detection Transformers',
        'INR = Implicit neural representations',
        'SAM = Sharpness-Aware Minimization',
        'KV = key-value',
        'LLM = large language models',
        'PTQ = Post-training quantization',
        'WaLLoC = Wavelet Learned Lossy Compression',
        'MoE = mixture-of-expert',
        'OOD = Out-Of-Distribution',
      ]),
    );
    expect(found.length).toBeGreaterThan(100);
  });

  it('finds no long form that starts with an article', () => {
    expect(found.filter((f) => /= (?:the|a|an) /i.test(f))).toEqual([]);
  });
});
