// Selection rules that look at how a word is used across the corpus.
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../scripts/options.ts';
import { extractPaper } from '../../scripts/pipeline/extract/index.ts';
import { buildSenses } from '../../scripts/pipeline/senses.ts';
import { gatherCandidates } from '../../scripts/pipeline/gather.ts';
import { selectVocabulary, wordsReason } from '../../scripts/pipeline/vocabulary.ts';

function select(abstracts: string[]): { kept: string[]; reasons: Map<string, string> } {
  const terms = abstracts.map((abstract, i) => extractPaper({ key: `p${i}`, title: `Paper ${i}`, abstract }));
  const vocabulary = selectVocabulary(gatherCandidates(terms, buildSenses(terms)), terms.length, DEFAULTS);
  return { kept: vocabulary.kept.map((c) => c.id), reasons: new Map(vocabulary.dropped.map((d) => [d.id, d.reason])) };
}

describe('a word that only ever modifies', () => {
  const abstracts = [
    'We study Bayesian optimization and Bayesian inference for hyperparameter search with wavelet compression.',
    'A Bayesian network with Bayesian priors improves wavelet compression of sensor streams.',
    'We use Bayesian filtering and Bayesian smoothing with wavelet compression; the compression is lossless.',
    'We compare Bayesian quadrature, Bayesian calibration and image compression under compression budgets.',
    'Our Bayesian treatment and Bayesian model averaging help.',
  ];
  const { kept, reasons } = select(abstracts);

  it('is not a concept when it is almost never the last word of its phrase ("bayesian")', () => {
    expect(kept).not.toContain('bayesian');
    expect(reasons.get('bayesian')).toMatch(/modifier/);
  });

  it('is not a concept either when one use in ten ends its phrase, as in "Euclidean and Riemannian" ("riemannian")', () => {
    const { kept, reasons } = select([
      'Riemannian optimization and Riemannian geometry of the sphere.',
      'We study Riemannian manifolds with a Riemannian metric.',
      'Riemannian optimization with Riemannian gradients converges.',
      'A Riemannian trust region method on Riemannian manifolds.',
      'Riemannian Langevin dynamics, compared in Euclidean and Riemannian spaces.',
    ]);
    expect(kept).not.toContain('riemannian');
    expect(reasons.get('riemannian')).toMatch(/modifier/);
  });

  it('while a word that heads its phrases is ("compression")', () => {
    expect(kept).toContain('compression');
  });

  it('is no concept from three uses when it is a name ("Cholesky"), but a corpus named so stays ("Reuters")', () => {
    const { kept, reasons } = select([
      'We use the Cholesky decomposition of the kernel matrix, and the Reuters corpus.',
      'A Cholesky factor update is fast on the Reuters news stream.',
      'The Cholesky solver scales with the Reuters articles and the kernel matrix.',
    ]);
    expect(kept).not.toContain('cholesky');
    expect(reasons.get('cholesky')).toMatch(/name before the thing it names/);
    expect(kept).toContain('reuter');
    expect(kept).toContain('kernel matrix');
  });

  it('counts capitals in abstracts only: a title capitalises every word', () => {
    const terms = ['Wavelet Scattering Networks', 'Wavelet Denoising Methods', 'Wavelet Packet Bounds'].map((title, i) =>
      extractPaper({ key: `p${i}`, title, abstract: `We study signal models and their bounds (${i}).` }),
    );
    const vocabulary = selectVocabulary(gatherCandidates(terms, buildSenses(terms)), terms.length, DEFAULTS);
    expect(vocabulary.kept.map((c) => c.id)).toContain('wavelet');
  });
});

describe('a plural noun and its verb', () => {
  const abstracts = [
    'Deep neural networks exhibit adversarial vulnerability, and recurrent networks exhibit instability.',
    'Convolutional networks exhibit texture bias; we exhibit a counterexample for residual networks.',
    'Graph networks exhibit oversmoothing. We learn embeddings of words with an embedding layer and embedding tables.',
    'Sparse networks exhibit robustness; their embeddings drift, as embedding methods and embedding layers show.',
  ];
  const { kept, reasons } = select(abstracts);

  it('is not a concept: "networks exhibit" is a clause, not a term', () => {
    expect(kept.some((id) => id.endsWith(' exhibit'))).toBe(false);
    expect(reasons.get('networks exhibit')).toBe('a plural noun and its verb');
  });

  it('while an -ing noun that wink tags as a verb still can be ("embedding")', () => {
    expect(kept).toContain('embedding');
  });
});

describe('a phrase that ends in an adjective', () => {
  const reason = (id: string, nounShare: number): string | undefined => wordsReason({ id, technical: false, nounShare }, DEFAULTS);

  it('is the front of a longer term when the corpus mostly tags that word an adjective ("deep recurrent")', () => {
    expect(reason('deep recurrent', 0.2)).toBe('ends in an adjective');
    expect(reason('generative probabilistic', 0.1)).toBe('ends in an adjective');
  });

  it('reads -ular and -linear words as adjectives, alone or at the end ("submodular", "generalized linear")', () => {
    expect(reason('submodular', 0.9)).toBe('an adjective, not a term on its own');
    expect(reason('sublinear', 0.9)).toBe('an adjective, not a term on its own');
    expect(reason('generalized linear', 0.3)).toBe('ends in an adjective');
    expect(reason('submodular function', 0.9)).toBeUndefined();
  });

  it('is the front of longer terms when it mostly has more of its phrase after it, whatever its ending ("bayesian deep")', () => {
    // Title Case makes every title word a proper noun; the abstracts use "deep" and "robust" as the adjectives they are.
    const titles = ['Bayesian Deep Learning with Ensembles', 'Bayesian Deep Networks Are Calibrated', 'Distributionally Robust Optimization', 'Distributionally Robust Classifiers'];
    const abstract = 'We train deep networks, deep models and robust estimators with deep features and robust losses.';
    const terms = titles.map((title, i) => extractPaper({ key: `p${i}`, title, abstract }));
    const vocabulary = selectVocabulary(gatherCandidates(terms, buildSenses(terms)), terms.length, DEFAULTS);
    const reasons = new Map(vocabulary.dropped.map((d) => [d.id, d.reason]));
    expect(reasons.get('bayesian deep')).toBe('ends in an adjective');
    expect(reasons.get('distributionally robust')).toBe('ends in an adjective');
  });

  it('is not when the corpus mostly tags it a noun ("random variable"), or the word is a noun that looks like an adjective', () => {
    expect(reason('random variable', 0.9)).toBeUndefined();
    expect(reason('false positive', 0.2)).toBeUndefined();
    expect(reason('surface normal', 0.2)).toBeUndefined();
  });
});

describe('a phrase whose adjective-looking last word always has more of its phrase after it', () => {
  it('is the front of longer terms ("deep convolutional …"), dropped even when each longer term is too rare to keep', () => {
    const { kept, reasons } = select([
      'We train deep convolutional networks.',
      'Deep convolutional architectures reduce errors.',
      'Features of deep convolutional encoders are costly.',
      'We compare deep convolutional features.',
    ]);
    expect(kept).not.toContain('deep convolutional');
    expect(reasons.get('deep convolutional')).toBe('ends in an adjective');
  });
});

describe('single words that are not things', () => {
  const reason = (id: string): string | undefined => wordsReason({ id, technical: false, nounShare: 1 }, DEFAULTS);

  it('an English word plus -ly is an adverb ("weakly"), a noun in -ly is not ("anomaly")', () => {
    expect(reason('weakly')).toBe('an adverb');
    expect(reason('anomaly')).toBeUndefined();
  });
});

describe('research-speak', () => {
  const reason = (id: string): string | undefined => wordsReason({ id, technical: false, nounShare: 1 }, DEFAULTS);

  it('is not a concept: "drawback", "novelty", "open question", "building block", "a long time"', () => {
    expect(reason('drawback')).toBe('generic word');
    expect(reason('novelty')).toBe('generic word');
    expect(reason('open question')).toBe('generic phrase');
    expect(reason('building block')).toBe('generic phrase');
    expect(reason('long time')).toBe('generic phrase');
    expect(reason('small subset')).toBe('generic phrase');
    expect(reason('byproduct')).toBe('generic word');
    expect(reason('guideline')).toBe('generic word');
    expect(reason('pitfall')).toBe('generic word');
    expect(reason('long run')).toBe('generic phrase');
    expect(reason('sweet spot')).toBe('generic phrase');
  });

  it('strips generic openers such as "unknown", "arbitrary", "true", "limited", but not from terms they name ("true positive")', () => {
    const found = extractPaper({ key: 'p', title: 't', abstract: 'The unknown distribution, arbitrary graphs, the true gradient and limited data give true positives.' })
      .occurrences.map((o) => o.words.join(' '));
    expect(found).toEqual(expect.arrayContaining(['distribution', 'graph', 'gradient', 'data', 'true positive']));
    expect(found.some((p) => /^(unknown|arbitrary|limited) |^true gradient/.test(p))).toBe(false);
  });

  it('-ing nouns of the field are nouns ("ranking", "weighting", "confounding"), and so are "statistic", "multiplier"', () => {
    for (const w of ['ranking', 'weighting', 'confounding', 'rounding']) expect(wordsReason({ id: w, technical: false, nounShare: 0.2 }, DEFAULTS)).toBeUndefined();
    expect(reason('statistic')).toBeUndefined();
    expect(reason('multiplier')).toBeUndefined();
    expect(reason('multilayer')).toBe('an adjective, not a term on its own');
  });

  it('a noun in -ary is no adjective ("boundary", "adversary", "vocabulary"), an adjective in -ary is ("arbitrary")', () => {
    expect(reason('boundary')).toBeUndefined();
    expect(reason('adversary')).toBeUndefined();
    expect(reason('vocabulary')).toBeUndefined();
    expect(reason('stationary')).toBe('an adjective, not a term on its own');
  });

  it('a verb in -ize is not a concept ("parametrize"), a noun in -size is ("stepsize")', () => {
    expect(reason('parametrize')).toBe('a verb form, not a term on its own');
    expect(reason('stepsize')).toBeUndefined();
  });

  it('and "whilst", "w.r.t." are stopwords, never part of a term', () => {
    const { kept, reasons } = select([
      'Regret w.r.t. the best policy drops whilst exploring.',
      'Bounds w.r.t. the comparator hold whilst learning.',
    ]);
    expect([...kept, ...reasons.keys()].some((id) => /whilst|w\.r\.t/.test(id))).toBe(false);
  });
});

describe('one concept however it is spaced', () => {
  it('folds "bit width", "bit-width" and "bitwidth" into one candidate when the corpus writes the joined word', () => {
    const { kept } = select([
      'We lower the bit width of weights.',
      'A mixed bit-width scheme for activations.',
      'Each layer gets its own bitwidth.',
      'The bitwidth search is costly.',
    ]);
    expect(kept.filter((id) => /^bit ?width$/.test(id))).toEqual(['bitwidth']);
  });

  it('keeps words apart when the corpus never writes them joined ("bit rate" stays two words)', () => {
    const { kept } = select(['We lower the bit rate of video.', 'A bit rate controller for streaming.']);
    expect(kept).toContain('bit rate');
  });
});

describe('a subject and its verb', () => {
  it('is no concept, with a plural subject or a singular one ("results yield", "this result yields", "our algorithm proceeds")', () => {
    const { kept, reasons } = select([
      'Our result yields new insight. The algorithm proceeds in episodes.',
      'This result yields a fast sampler. Our algorithm proceeds by marginalizing.',
      'These results yield bounds.',
    ]);
    expect(kept.some((id) => /yield|proceed/.test(id))).toBe(false);
    expect(reasons.get('result yield')).toBe('a noun and its verb');
    // "support" is mostly a noun in this corpus ("the support of a distribution"), and still the verb after "experiments".
    const support = select([
      'Experiments support the claim.',
      'Our experiments support it.',
      'The support of the distribution is small. Its support is finite. A support set and the support size.',
      'The support of a measure. The support grows. We bound the support.',
    ]);
    expect(support.kept).not.toContain('experiments support');
    expect(support.reasons.get('experiments support')).toBe('a noun and its verb');
    // A plural noun is no verb: "generative models" stay a concept.
    const models = select(['Generative models learn densities.', 'We train generative models.', 'Our work bridges two fields.', 'This work bridges theory.']);
    expect(models.kept).toContain('generative model');
    expect(models.reasons.get('work bridge')).toBe('a noun and its verb');
  });
});

describe('the front of longer terms', () => {
  it('is no concept when it and its last word are nearly always followed by more ("sparse gaussian"), unlike "stochastic gradient"', () => {
    const { kept, reasons } = select([
      'Sparse Gaussian processes scale; we follow the stochastic gradient with a Gaussian kernel.',
      'Sparse Gaussian graphical models and Gaussian noise; the stochastic gradient is noisy.',
      'Sparse Gaussian mixtures with Gaussian priors, trained by stochastic gradient descent.',
      'A Gaussian likelihood and Gaussian posterior, with a stochastic gradient.',
    ]);
    expect(kept).not.toContain('sparse gaussian');
    expect(reasons.get('sparse gaussian')).toMatch(/front of longer terms/);
    expect(kept).toContain('stochastic gradient');
  });
});

describe('a verb and its object', () => {
  const reason = (id: string): string | undefined => wordsReason({ id, technical: false, nounShare: 1 }, DEFAULTS);

  it('is no concept: "training deep neural network", "training gan", "learning representation"', () => {
    expect(reason('training deep neural network')).toBe('a verb and its object');
    expect(reason('training gan')).toBe('a verb and its object');
    expect(reason('learning representation')).toBe('a verb and its object');
    expect(reason('train deep network')).toBe('a verb and its object');
    expect(reason('train cnn')).toBe('a verb and its object');
  });

  it('while an -ing word naming its head\'s kind stays: "learning dynamics", "training signal", "learning curve"', () => {
    expect(reason('learning dynamics')).toBeUndefined();
    expect(reason('training signal')).toBeUndefined();
    expect(reason('learning curve')).toBeUndefined();
    expect(reason('sequence model')).toBeUndefined();
    expect(reason('train time')).toBeUndefined();
  });
});

describe('"knowledge bases"', () => {
  it('are knowledge bases, while other bases are bases of a space', () => {
    const { kept, reasons } = select(['We query knowledge bases.', 'A knowledge base of facts.', 'Orthonormal bases of a space.', 'An orthonormal basis.']);
    expect(kept).toContain('knowledge base');
    expect([...kept, ...reasons.keys()]).not.toContain('knowledge basis');
    // "basis" is a generic head: the phrase is dropped, but as "basis", in both of its papers.
    expect(reasons.has('orthonormal basis')).toBe(true);
  });
});

describe('joined prefixes and compounds', () => {
  const reason = (id: string, nounShare = 1): string | undefined => wordsReason({ id, technical: false, nounShare }, DEFAULTS);

  it('an -ing noun joined to a prefix is a noun ("metalearning", "subsampling"), a verb that happens to end like one is not ("constraining")', () => {
    expect(reason('metalearning', 0.2)).toBeUndefined();
    expect(reason('subsampling', 0.2)).toBeUndefined();
    expect(reason('constraining', 0.2)).toBeDefined();
  });

  it('a hyphenated compound before the kind of thing it names is a concept ("quasi-Newton methods")', () => {
    const { kept } = select([
      'We use quasi-Newton methods for training.',
      'Our quasi-Newton method converges fast.',
      'Limited memory quasi-Newton updates.',
    ]);
    expect(kept).toContain('quasi newton');
  });
});

describe('time series and idioms', () => {
  const { kept, reasons } = select([
    'We forecast multivariate time series; in stark contrast to prior work, the timeseries are long.',
    'Time series classification of multivariate time series, in stark contrast to images.',
    'Multivariate timeseries and financial time series are hard to forecast.',
  ]);

  it('makes "time series" and "timeseries" one concept, not "multivariate time" and "timesery"', () => {
    expect(kept).toEqual(expect.arrayContaining(['timeseries', 'multivariate timeseries']));
    expect(kept.some((id) => /timesery|multivariate time$/.test(id))).toBe(false);
  });

  it('drops idioms such as "in stark contrast"', () => {
    // Ids split hyphens: "in-depth analysis" is "in depth analysis".
    for (const idiom of ['natural fit', 'general purpose', 'large fraction', 'driving force', 'in-depth analysis', 'per-iteration']) {
      const other = select([`A ${idiom} for graph kernels.`, `We give a ${idiom} of graph kernels.`]);
      expect(other.kept).not.toContain(idiom.replace('-', ' '));
      expect(other.kept).toContain('graph kernel');
    }
    expect(kept).not.toContain('stark contrast');
    expect(reasons.get('stark contrast')).toMatch(/generic|research-speak|phrase/);
  });
});
