// Keyphrase benchmark scoring (scripts/bench/keyphrase-score.ts) and the Porter stemmer it uses, on hand-made
// fixtures. Porter examples are the ones printed in Porter (1980); expected stems are the full algorithm's output.
import { describe, expect, it } from 'vitest';
import {
  dedupeNormalized,
  evaluate,
  normalizePhrase,
  parseGoldJsonl,
  parsePredictionsJsonl,
  scoreDoc,
  type GoldDoc,
} from '../../scripts/bench/keyphrase-score.ts';
import { porterStem } from '../../scripts/bench/porter.ts';

const doc = (id: string, keyphrases: string[]): GoldDoc => ({ id, title: '', abstract: '', keyphrases });

const GOLD_A = ['keyphrase extraction', 'graph ranking', 'inspec corpus', 'topic model'];
const PRED_A = ['keyphrase extraction', 'word embedding', 'graph ranking', 'citation network', 'language model', 'topic model'];

describe('porterStem', () => {
  it.each([
    ['caresses', 'caress'], ['ponies', 'poni'], ['ties', 'ti'], ['caress', 'caress'], ['cats', 'cat'],
    ['feed', 'feed'], ['agreed', 'agre'], ['plastered', 'plaster'], ['bled', 'bled'], ['motoring', 'motor'],
    ['sing', 'sing'], ['conflated', 'conflat'], ['troubled', 'troubl'], ['sized', 'size'], ['hopping', 'hop'],
    ['tanned', 'tan'], ['falling', 'fall'], ['hissing', 'hiss'], ['fizzed', 'fizz'], ['failing', 'fail'],
    ['filing', 'file'], ['happy', 'happi'], ['sky', 'sky'], ['relational', 'relat'], ['conditional', 'condit'],
    ['rational', 'ration'], ['digitizer', 'digit'], ['generalization', 'gener'], ['generalizations', 'gener'],
    ['hopeful', 'hope'], ['goodness', 'good'], ['revival', 'reviv'], ['allowance', 'allow'],
    ['inference', 'infer'], ['airliner', 'airlin'], ['adjustment', 'adjust'], ['replacement', 'replac'],
    ['dependent', 'depend'], ['adoption', 'adopt'], ['effective', 'effect'], ['bowdlerize', 'bowdler'],
    ['probate', 'probat'], ['rate', 'rate'], ['cease', 'ceas'], ['controll', 'control'], ['roll', 'roll'],
    ['triplicate', 'triplic'], ['formative', 'form'], ['formalize', 'formal'], ['electrical', 'electr'],
  ])('stems %s to %s', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it('leaves words of one or two letters alone', () => {
    expect(['a', 'is', 'as'].map(porterStem)).toEqual(['a', 'is', 'as']);
  });

  it('treats digits and punctuation as consonants without throwing', () => {
    expect(porterStem('3d')).toBe('3d');
    expect(porterStem('o.p.')).toBe('o.p.');
    expect(porterStem('c++')).toBe('c++');
  });
});

describe('normalizePhrase', () => {
  it('lowercases, turns hyphens into spaces, collapses whitespace and stems every word', () => {
    expect(normalizePhrase('  Low-Rank   Adaptation ')).toBe('low rank adapt');
    expect(normalizePhrase('Neural Networks')).toBe('neural network');
    expect(normalizePhrase('out\u2010of\u2010print materials')).toBe('out of print materi');
  });

  it('maps a phrase of only hyphens and spaces to the empty string', () => {
    expect(normalizePhrase(' - ')).toBe('');
  });
});

describe('dedupeNormalized', () => {
  it('keeps the first of phrases that are equal after stemming, in order, and drops empty ones', () => {
    expect(dedupeNormalized(['Neural networks', 'graph', 'neural-network', '', 'neural network'])).toEqual([
      'neural network',
      'graph',
    ]);
  });
});

describe('scoreDoc', () => {
  it('scores 2 of 5 correct at k=5 against 4 gold phrases: P 0.4, R 0.5, F1 4/9', () => {
    const s = scoreDoc(PRED_A, GOLD_A, 5);
    expect(s).toMatchObject({ correct: 2, predicted: 5, gold: 4, precision: 0.4, recall: 0.5 });
    expect(s.f1).toBeCloseTo(4 / 9, 12);
  });

  it('counts a correct phrase ranked 6th only at k=10', () => {
    expect(scoreDoc(PRED_A, GOLD_A, 10)).toMatchObject({ correct: 3, predicted: 6, precision: 0.5, recall: 0.75 });
    expect(scoreDoc(PRED_A, GOLD_A, 10).f1).toBeCloseTo(0.6, 12);
  });

  it("matches 'neural networks' with 'neural network' through stemming", () => {
    expect(scoreDoc(['neural networks'], ['neural network'], 5)).toMatchObject({ correct: 1, f1: 1 });
  });

  it("matches 'low-rank' with 'low rank'", () => {
    expect(scoreDoc(['Low-Rank adaptation'], ['low rank adaptation'], 5)).toMatchObject({ correct: 1, f1: 1 });
  });

  it('counts predictions that are duplicates after stemming once, and lets the next phrase take the slot', () => {
    const predicted = ['neural networks', 'Neural Network', 'neural-network', 'graph', 'tree', 'forest', 'river'];
    const s = scoreDoc(predicted, ['neural network', 'river'], 5);
    // Deduplicated top 5: neural network, graph, tree, forest, river.
    expect(s).toMatchObject({ correct: 2, predicted: 5, gold: 2, precision: 0.4, recall: 1 });
    expect(s.f1).toBeCloseTo(4 / 7, 12);
  });

  it('counts gold phrases that are duplicates after stemming once', () => {
    const s = scoreDoc(['river'], ['neural network', 'neural networks', 'River'], 5);
    expect(s).toMatchObject({ correct: 1, gold: 2, precision: 1, recall: 0.5 });
  });

  it('divides precision by the number of phrases returned when fewer than k', () => {
    const s = scoreDoc(['neural network'], ['neural network', 'river'], 5);
    expect(s).toMatchObject({ predicted: 1, precision: 1, recall: 0.5 });
    expect(s.f1).toBeCloseTo(2 / 3, 12);
  });

  it('scores missing or empty predictions and empty gold as 0, never NaN', () => {
    expect(scoreDoc(undefined, GOLD_A, 5)).toEqual({ correct: 0, predicted: 0, gold: 4, precision: 0, recall: 0, f1: 0 });
    expect(scoreDoc([], GOLD_A, 5).f1).toBe(0);
    expect(scoreDoc(['river'], [], 5)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('requires whole-phrase matches: a gold phrase inside a longer prediction does not count', () => {
    expect(scoreDoc(['deep neural network'], ['neural network'], 5).correct).toBe(0);
  });
});

describe('evaluate', () => {
  const gold = [doc('a', GOLD_A), doc('b', ['x ray', 'y axis'])];

  it('scores a document missing from the predictions as 0 in the macro average and lists it', () => {
    const result = evaluate(gold, new Map([['a', PRED_A]]), [5]);
    expect(result.docs).toBe(2);
    expect(result.missing).toEqual(['b']);
    const at5 = result.scores[0]!;
    expect(at5.k).toBe(5);
    expect(at5.macro.precision).toBeCloseTo(0.2, 12);
    expect(at5.macro.recall).toBeCloseTo(0.25, 12);
    expect(at5.macro.f1).toBeCloseTo(2 / 9, 12);
  });

  it('pools counts over documents for the micro average', () => {
    // Σcorrect 2, Σ|top-5| 5, Σ|gold| 6: P 0.4, R 1/3, F1 4/11.
    const micro = evaluate(gold, new Map([['a', PRED_A]]), [5]).scores[0]!.micro;
    expect(micro.precision).toBeCloseTo(0.4, 12);
    expect(micro.recall).toBeCloseTo(1 / 3, 12);
    expect(micro.f1).toBeCloseTo(4 / 11, 12);
  });

  it('scores at each k and reports prediction ids that are not in the gold set', () => {
    const predictions = new Map([['a', PRED_A], ['b', ['X-ray']], ['zzz', ['x ray']]]);
    const result = evaluate(gold, predictions);
    expect(result.scores.map((s) => s.k)).toEqual([5, 10]);
    expect(result.missing).toEqual([]);
    expect(result.extra).toEqual(['zzz']);
    // Doc b: 1 of 1 returned is correct, 1 of 2 gold found: F1 2/3. Doc a at 10: F1 0.6.
    expect(result.scores[1]!.macro.f1).toBeCloseTo((0.6 + 2 / 3) / 2, 12);
  });

  it('handles ids such as constructor and __proto__', () => {
    const adversarial = [doc('constructor', ['toString']), doc('__proto__', ['hasOwnProperty'])];
    const result = evaluate(adversarial, new Map([['constructor', ['tostring']]]), [5]);
    expect(result.missing).toEqual(['__proto__']);
    expect(result.scores[0]!.macro.f1).toBeCloseTo(0.5, 12);
  });

  it('returns zeros for an empty gold set', () => {
    expect(evaluate([], new Map()).scores[0]!.macro).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('parsePredictionsJsonl', () => {
  it('reads one record per line, skips blank lines, accepts numeric ids and keeps the first duplicate', () => {
    const text = '{"id":"a","keyphrases":["x","y"]}\n\n{"id":7,"keyphrases":[]}\r\n{"id":"a","keyphrases":["z"]}\n';
    const { predictions, duplicates } = parsePredictionsJsonl(text);
    expect([...predictions]).toEqual([['a', ['x', 'y']], ['7', []]]);
    expect(duplicates).toEqual(['a']);
  });

  it('rejects a line that is not JSON, naming the line (e.g. an npm banner on stdout)', () => {
    expect(() => parsePredictionsJsonl('{"id":"a","keyphrases":[]}\n> concept-atlas@0.1.0 concepts', 'out'))
      .toThrow(/out line 2 is not JSON/);
  });

  it('rejects records without a keyphrases array of strings', () => {
    expect(() => parsePredictionsJsonl('{"id":"a","keyphrases":"x"}')).toThrow(/line 1 has no "keyphrases"/);
    expect(() => parsePredictionsJsonl('{"keyphrases":[]}')).toThrow(/line 1 has no string "id"/);
    expect(() => parsePredictionsJsonl('["a"]')).toThrow(/line 1 is not a JSON object/);
  });
});

describe('parseGoldJsonl', () => {
  it('reads id, title, abstract and keyphrases', () => {
    const text = '{"id":"t1","title":"T","abstract":"A <b>b</b>","keyphrases":["k"]}\n';
    expect(parseGoldJsonl(text)).toEqual([{ id: 't1', title: 'T', abstract: 'A <b>b</b>', keyphrases: ['k'] }]);
  });

  it('rejects a record without keyphrases', () => {
    expect(() => parseGoldJsonl('{"id":"t1","title":"T","abstract":"A"}', 'gold.jsonl')).toThrow(/gold.jsonl line 1/);
  });
});
