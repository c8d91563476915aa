// The extract stage on small real sentences: chunks, nested terms, acronyms, coordination and verb forms.
import { describe, expect, it } from 'vitest';
import { extractPaper } from '../../scripts/pipeline/extract/index.ts';
import { singular } from '../../scripts/pipeline/extract/lexicon.ts';

const phrases = (abstract: string, title = 'A paper'): string[] =>
  extractPaper({ key: 'p', title, abstract }).occurrences.filter((o) => !o.derived).map((o) => o.words.join(' '));

describe('extractPaper', () => {
  it('offers a chunk and its nested terms: "KV cache quantization" also gives "KV cache" and "quantization"', () => {
    const found = phrases('We study KV cache quantization for serving.');
    expect(found).toEqual(expect.arrayContaining(['kv cache quantization', 'kv cache', 'quantization']));
  });

  it('mends words broken at a line break ("maximiza- tion"), not hyphens a writer meant ("first- and second-order")', () => {
    const paper = extractPaper({ key: 'p', title: 'A paper', abstract: 'We study likelihood maximiza- tion with first- and second-order methods.' });
    const mended = paper.occurrences.find((o) => o.words.join(' ') === 'likelihood maximization');
    expect(mended?.surface).toBe('likelihood maximization');
    expect(paper.occurrences.some((o) => o.words.includes('tion'))).toBe(false);
    expect(phrases('We use first- and second-order methods.')).not.toContain('firstand');
  });

  it('reads a word pasted back with its line-break hyphen as one word ("predic-tion"), not a compound ("low-rank")', () => {
    const found = phrases('The predic-tion target and the informa-tion it carries in statistical rela-tional models with low-rank weights.');
    expect(found).toEqual(expect.arrayContaining(['prediction target', 'information', 'statistical relational model', 'low rank weight']));
    expect(found.some((p) => /\b(tion|tional|predic|informa|rela)\b/.test(p))).toBe(false);
  });

  it('reads an -ing word after a plural noun as a verb ("tasks including"), after a singular one as a noun ("model training")', () => {
    const found = phrases('It helps many tasks including image classification. Results showing gains on model training.');
    expect(found).toEqual(expect.arrayContaining(['image classification', 'model training']));
    expect(found.some((p) => /\b(including|showing)\b/.test(p))).toBe(false);
  });

  it('keeps an adjective wink tags as an adverb before another modifier: "long short-term memory", "deep recurrent network"', () => {
    const found = phrases('We train a long short-term memory and a deep recurrent network.');
    expect(found).toEqual(expect.arrayContaining(['long short term memory', 'deep recurrent network']));
  });

  it('keeps -ing words that open established terms ("reproducing kernel Hilbert space", "sliding window")', () => {
    const found = phrases('We work in a reproducing kernel Hilbert space with a sliding window and vanishing gradients.');
    expect(found).toEqual(expect.arrayContaining(['reproducing kernel hilbert space', 'sliding window', 'vanishing gradient']));
  });

  it('reads an -ing word before an adjective as the verb: "learning deep networks" gives "deep network" only', () => {
    const found = phrases('We study learning deep networks, and the learning rate. This makes training deep models possible.');
    expect(found).toEqual(expect.arrayContaining(['deep network', 'learning rate', 'deep model']));
    expect(found.some((p) => /^(learning|training) deep/.test(p))).toBe(false);
    // An -ing word that opens an established term stays: "spiking neural networks".
    expect(phrases('We train spiking neural networks.')).toContain('spiking neural network');
  });

  it('strips a level of a quantity ("high accuracy", "low-variance") but not a level that names a term ("low rank", "high dimensional")', () => {
    const found = phrases('It reaches high accuracy and low error with low-variance gradients in high dimensional spaces with low rank updates.');
    expect(found).toEqual(expect.arrayContaining(['accuracy', 'error', 'gradient', 'high dimensional space', 'low rank update']));
    expect(found.some((p) => /^(high accuracy|low error|low variance)/.test(p))).toBe(false);
  });

  it('keeps a generic modifier that is part of an established term ("optimal transport", "empirical risk", "lower bound")', () => {
    const found = phrases('Optimal transport and empirical risk minimization give a lower bound. A novel optimal solution.');
    expect(found).toEqual(expect.arrayContaining(['optimal transport', 'empirical risk minimization', 'lower bound', 'solution']));
    expect(found).not.toContain('optimal solution');
    const more = phrases('Complex data in massive datasets and complex networks, in a lower dimensional space.');
    expect(more).toEqual(expect.arrayContaining(['data', 'complex network', 'lower dimensional space']));
    expect(more.some((p) => /^(complex data|massive)/.test(p))).toBe(false);
  });

  it('strips "real" as against synthetic ("real data", "real world data") but not from "real time"', () => {
    const found = phrases('We test on real data, real world images and real time inference.');
    expect(found).toEqual(expect.arrayContaining(['data', 'image', 'real time inference']));
    expect(found.some((p) => /^(real data|real world|world image)/.test(p))).toBe(false);
  });

  it('counts a singular "noun" right after a plural noun as a verb use ("networks exhibit")', () => {
    const { tags } = extractPaper({ key: 'p', title: 'A paper', abstract: 'Neural networks exhibit bias. The exhibit shows art.' });
    expect(tags.get('exhibit')).toEqual([1, 2]);
  });

  it('reads TeX commands as markup, not terms ("\\infty", "\\leq")', () => {
    const found = phrases('The bound holds for n \\leq m and t \\to \\infty with regret bound infty.');
    expect(found.some((p) => /\b(infty|leq)\b/.test(p))).toBe(false);
  });

  it('singularizes by the reading that is an English word: movies, viruses, focuses, goes', () => {
    expect(phrases('Recommender systems for movies track viruses.')).toEqual(expect.arrayContaining(['movie', 'virus']));
    expect(['movies', 'focuses', 'goes', 'studies', 'classes', 'annotations', 'pdes'].map(singular)).toEqual(['movie', 'focus', 'go', 'study', 'class', 'annotation', 'pde']);
    expect(['minima', 'maxima', 'optima', 'spectra'].map(singular)).toEqual(['minimum', 'maximum', 'optimum', 'spectrum']);
  });

  it('joins hyphenated words again and keeps technical tokens whole', () => {
    const found = phrases('QoQ is a W4A8KV4 quantization algorithm with 4-bit weight and low-rank adaptation on GPT-4.');
    expect(found).toEqual(expect.arrayContaining(['w4a8kv4 quantization algorithm', '4bit weight', 'low rank adaptation', 'gpt4']));
  });

  it('reads "-ing" heads as nouns after a modifier: contrastive learning, federated learning', () => {
    const found = phrases('We combine contrastive learning with federated learning.');
    expect(found).toEqual(expect.arrayContaining(['contrastive learning', 'federated learning']));
  });

  it('strips generic openers and never starts a term with a verb: "have gained prominence", "including image classification"', () => {
    const found = phrases('Large language models have gained prominence in many tasks, including image classification, and the proposed method works.');
    expect(found).toContain('image classification');
    expect(found).toContain('method');
    expect(found.some((p) => p.startsWith('gained') || p.startsWith('including') || p.startsWith('proposed'))).toBe(false);
  });

  it('treats an acronym in parentheses as transparent: "key-value (KV) cache" is one chunk', () => {
    const paper = extractPaper({ key: 'p', title: 't', abstract: 'We compress the key-value (KV) cache of large language models (LLMs).' });
    expect(paper.occurrences.map((o) => o.words.join(' '))).toContain('key value cache');
    expect(paper.definitions.map((d) => [d.shortSurface, d.long.join(' ')])).toEqual([
      ['KV', 'key value'],
      ['LLM', 'large language model'],
    ]);
  });

  it('writes a phrase across the parentheses without them: "key-value cache", not "key-value (KV) cache"', () => {
    const paper = extractPaper({ key: 'p', title: 't', abstract: 'We compress the key-value (KV) cache.' });
    expect(paper.occurrences.find((o) => o.words.join(' ') === 'key value cache')?.surface).toBe('key-value cache');
  });

  it('keeps a phrase across the parentheses only with the whole long form: no "unit activation" from "… Unit (ReLU) activation"', () => {
    const found = phrases('A Rectified Linear Unit (ReLU) activation function follows.');
    expect(found).toContain('rectified linear unit activation function');
    expect(found).toContain('activation function');
    expect(found.some((p) => /^(linear )?unit activation/.test(p))).toBe(false);
  });

  it('does not chunk across the parentheses after a long form no chunk can hold ("method of multipliers (ADMM) algorithm")', () => {
    const found = phrases('We use the alternating direction method of multipliers (ADMM) algorithm and ordinary least squares (OLS) estimators.');
    expect(found).toEqual(expect.arrayContaining(['admm', 'algorithm', 'ols', 'estimator']));
    expect(found.some((p) => /multipliers? algorithm|squares? estimator/.test(p))).toBe(false);
  });

  it('keeps the count before "shot" ("one shot learning", "zero shot") and the adverb of "fully connected", "partially observable"', () => {
    const found = phrases('One Shot Learning and zero shot learning use a fully connected layer in a partially observable environment.');
    expect(found).toEqual(expect.arrayContaining(['one shot learning', 'zero shot learning', 'fully connected layer', 'partially observable environment']));
    // Written with a hyphen, the same words: one concept however it is spelled.
    expect(phrases('One-shot learning with a fully-connected layer.')).toEqual(expect.arrayContaining(['one shot learning', 'fully connected layer']));
  });

  it('reads citation abbreviations as no words ("IEEE Trans.", "Comput.", "ibid.") and keeps "detailed balance" whole', () => {
    const found = phrases('See IEEE Trans. Comput. 12 and ibid. A basic feature satisfies detailed balance.');
    expect(found.some((p) => /\b(trans|comput|ibid)\b/.test(p))).toBe(false);
    expect(found).toContain('detailed balance');
    expect(found).not.toContain('basic feature');
  });

  it('reads "according", "regarding", "containing" as function words: no "time according"', () => {
    const found = phrases('We split one node at a time according to a criterion on data containing noise regarding labels.');
    expect(found.some((p) => /according|regarding|containing/.test(p))).toBe(false);
  });

  it('reads an -ing word opening a title as its verb: "Learning Gaussian Graphical Models" gives no "learning gaussian"', () => {
    const titled = (title: string): string[] => extractPaper({ key: 'p', title, abstract: 'x' }).occurrences.filter((o) => o.field === 'title' && !o.derived).map((o) => o.words.join(' '));
    expect(titled('Learning Gaussian Graphical Models')).toContain('gaussian graphical model');
    expect(titled('Learning Gaussian Graphical Models').some((p) => p.startsWith('learning'))).toBe(false);
    expect(titled('Understanding Deep Learning Requires Rethinking').some((p) => p.startsWith('understanding'))).toBe(false);
    // The verb still mentions its noun, and an -ing word that opens a term is no verb.
    const quantizing = extractPaper({ key: 'p', title: 'Quantizing Neural Networks', abstract: 'x' }).occurrences;
    expect(quantizing.some((o) => o.derived && o.words.join(' ') === 'quantization')).toBe(true);
    expect(titled('Sliding Window Attention')).toContain('sliding window attention');
  });

  it('never makes a term of a stopword with a full stop wink kept on it ("operating in.")', () => {
    expect(phrases('It adapts to the environment it is operating in. The performance holds.').some((p) => /^in\b/.test(p))).toBe(false);
  });

  it('splits coordination: "weight and activation quantization" mentions weight quantization too', () => {
    const found = phrases('We apply weight and activation quantization to LLMs.');
    expect(found).toEqual(expect.arrayContaining(['weight quantization', 'activation quantization']));
  });

  it('does not invent terms from coordinated processes: "classification and object detection"', () => {
    expect(phrases('It supports classification and object detection.')).not.toContain('classification detection');
  });

  it('links a verb of a term as a derived mention: "we quantize" mentions quantization', () => {
    const paper = extractPaper({ key: 'p', title: 't', abstract: 'We quantize the weights to four bits.' });
    const derived = paper.occurrences.filter((o) => o.derived);
    expect(derived.map((o) => [o.words.join(' '), o.surface])).toEqual([['quantization', 'quantize']]);
  });

  it('cleans the scrape artefact "x2013" (a lost en dash) before tagging', () => {
    const found = phrases('various perception modelsx2013including image segmentation and music source separationx2013under compression.');
    expect(found).toContain('music source separation');
  });

  it('never throws on odd input', () => {
    for (const s of ['', '((((', 'O(n) and O(n^2)', '__proto__ constructor toString', 'x'.repeat(100_000), '数据 压缩 🙂 e\u0301'])
      expect(() => extractPaper({ key: 'p', title: s, abstract: s })).not.toThrow();
  });
});

describe('citations, math and method names', () => {
  it('makes no concept of a cited author ("Dahlgaard et al.") or of TeX math ("$G_{BA}$", "$x \\sim P$")', () => {
    const found = phrases('As in Dahlgaard et al. (2017), the mapping $G_{BA}$ with $x \\sim P$ is learned.');
    expect(found.some((p) => /dahlgaard|\bba\b|\bsim\b/.test(p))).toBe(false);
    expect(found).toContain('mapping');
  });

  it('reads -ing words that only ever start a clause as verbs: no "task requiring", "lower bound showing"', () => {
    const found = phrases('A task requiring reasoning, a lower bound showing optimality and an algorithm achieving low regret aid decision making.');
    expect(found.some((p) => /requiring|showing|achieving/.test(p))).toBe(false);
    expect(found).toEqual(expect.arrayContaining(['task', 'lower bound', 'algorithm', 'decision making']));
  });

  it('starts no term with "dimensional": "high dimensional space" is a term, "dimensional space" a piece of it', () => {
    const found = phrases('We embed points in a high dimensional space and a low dimensional manifold.');
    expect(found).toEqual(expect.arrayContaining(['high dimensional space', 'low dimensional manifold', 'space', 'manifold']));
    expect(found.filter((p) => p.startsWith('dimensional'))).toEqual([]);
  });

  it('makes no concept of authors cited with a year, and keeps names that a reference number or citation follows', () => {
    const found = phrases(
      'Batch normalization (Ioffe & Szegedy, 2015) and the bound of Audibert and Bubeck (2009) follow [Dasgupta, 2015]. ' +
        'We train on MNIST [12] with Adam (Kingma and Ba, 2015) and a Gaussian process (GP).',
    );
    expect(found.some((p) => /ioffe|szegedy|audibert|bubeck|dasgupta|kingma|\bba\b/.test(p))).toBe(false);
    expect(found).toEqual(expect.arrayContaining(['batch normalization', 'mnist', 'adam', 'gaussian process']));
    // A BibTeX key left in the text.
    expect(phrases('Echo state networks [jaeger2002tutorial] use a reservoir.')).not.toContain('jaeger2002tutorial');
  });

  it('keeps a one-letter math variable that opens a compound ("$k$-means", "$d$-dimensional"), and "k-means" is not a plural', () => {
    expect(phrases('We run $k$-means on a $d$-dimensional subspace.')).toEqual(expect.arrayContaining(['k means', 'd dimensional subspace']));
    expect(phrases('We run k-means and kernel k-means.')).toEqual(expect.arrayContaining(['k means', 'kernel k means']));
    expect(singular('k-means')).toBe('k-means');
  });
});

describe('"mean"', () => {
  it('is a noun after a singular noun or adjective ("maximum mean discrepancy", "sample mean"), the verb after a plural', () => {
    expect(phrases('We minimize the maximum mean discrepancy and the sample mean estimator.')).toEqual(
      expect.arrayContaining(['maximum mean discrepancy', 'sample mean estimator']),
    );
    expect(phrases('These results mean that models work.').some((p) => p.includes('mean'))).toBe(false);
  });
});

describe('names with accents and dashes', () => {
  it('reads letters wink splits at ("Erdős") as one word, and joins words with an en dash ("Kullback–Leibler")', () => {
    const paper = extractPaper({ key: 'p', title: 't', abstract: 'We sample Erdős–Rényi graphs and use the Kullback–Leibler divergence.' });
    const found = paper.occurrences.map((o) => o.words.join(' '));
    expect(found).toEqual(expect.arrayContaining(['erdos renyi graph', 'kullback leibler divergence']));
    expect(paper.occurrences.find((o) => o.words.join(' ') === 'erdos renyi graph')?.surface).toBe('Erdős–Rényi graphs');
  });
});

describe('singular', () => {
  it('reads "CNN-based", "GAN-like", "UCB-style" as mentions of CNN, GAN, UCB, highlighted on the name only', () => {
    const abstract = 'A CNN-based detector, a GAN-like sampler and a UCB-style policy beat model-based planning.';
    const paper = extractPaper({ key: 'p', title: 'A paper', abstract });
    const found = paper.occurrences.map((o) => o.words.join(' '));
    expect(found).toEqual(expect.arrayContaining(['cnn', 'gan', 'ucb', 'detector', 'sampler', 'policy']));
    expect(found.some((p) => /based|like|style|cnn detector/.test(p) && p !== 'model based planning')).toBe(false);
    const cnn = paper.occurrences.find((o) => o.words.join(' ') === 'cnn')!;
    expect(abstract.slice(cnn.start, cnn.end)).toBe('CNN');
    // A plain word before "-based" is still one compound word.
    expect(found.some((p) => p.startsWith('model'))).toBe(true);
  });

  it('singularizes the last part of a compound by its own exceptions ("metropolis-hastings" stays)', () => {
    expect(singular('metropolis-hastings')).toBe('metropolis-hastings');
    expect(singular('mini-batches')).toBe('mini-batch');
  });

  it('knows Latin plurals in -ices and that "timeseries" is no plural', () => {
    expect(['simplices', 'vortices', 'appendices', 'timeseries', 'odds'].map(singular)).toEqual(['simplex', 'vortex', 'appendix', 'timeseries', 'odds']);
    expect(phrases('Multivariate timeseries are common.')).toContain('multivariate timeseries');
  });

  it('makes no term of a naming verb: "a network called actor"', () => {
    const found = phrases('A network called actor learns a policy.');
    expect(found.some((p) => /called/.test(p))).toBe(false);
    expect(found).toEqual(expect.arrayContaining(['network', 'actor', 'policy']));
  });

  it('opens no term with "lack", and keeps the phrase after it: "categories that lack bounding box annotations"', () => {
    const found = phrases('Existing methods lack statistical guarantees. Categories that lack bounding box annotations.');
    expect(found.some((p) => /^lack/.test(p))).toBe(false);
    expect(found).toEqual(expect.arrayContaining(['statistical guarantee', 'bounding box annotation']));
  });
});
