// Selection rules that read how a candidate is written in the papers — its occurrences, not only its words: what
// follows and precedes it, whether it stands alone, whether it is a subject and its verb. Used by ./vocabulary.ts.
import type { FieldOccurrence } from './extract/index.ts';
import { DATASET_HEADS, GENERIC_HEADS, GENERIC_MODIFIERS, looksAdjectival, singular } from './extract/lexicon.ts';
import type { Candidate, LeftOut, VocabularyOptions } from './vocabulary.ts';

/**
 * "bayesian", "gaussian", "markov": a word that nearly always has another word of its phrase after it ("bayesian
 * optimization", "gaussian process", "markov chain") and is almost never a phrase's last word names no one thing.
 * "Almost never" is under 15% of its uses: coordination ("Euclidean and Riemannian spaces") ends a phrase early now
 * and then.
 */
function modifierReason(c: Candidate): string | undefined {
  let uses = 0;
  let heads = 0;
  let written = 0;
  let capitalised = 0;
  let beforeDataset = 0;
  let hyphenated = 0;
  for (const list of c.byPaper.values())
    for (const o of list) {
      uses++;
      if (o.right === '') heads++;
      if (o.hyphenated) hyphenated++;
      // Titles capitalise every word: only the abstracts tell a name.
      if (o.field === 'abstract') (written++, /^\p{Lu}/u.test(o.surface) && capitalised++);
      if (DATASET_HEADS.has(o.right)) beforeDataset++;
    }
  if (heads >= 0.15 * uses) return undefined;
  if (uses >= 10) return 'a modifier: almost always followed by another word of the phrase';
  // A name needs fewer uses to tell: "Cholesky", "Gumbel", "Cramér" (of "Cramér-Rao") name the decomposition, the
  // noise, the bound after them; "Banach" (space? fixed point?) would join papers on different things. Not a corpus
  // or a benchmark, named so once ("Reuters RCV1", "Reuters corpus"), nor a hyphenated word an acronym's definition
  // capitalises ("Post-Training Quantization (PTQ)").
  if (written >= 3 && capitalised >= 0.8 * written && beforeDataset === 0 && hyphenated * 2 < uses) return 'a name before the thing it names: never a phrase on its own';
  return undefined;
}

/** The rules of lexicalReason that look at how the candidate is written in the papers. */
export function usageReason(c: Candidate): string | undefined {
  if (c.sense) return undefined;
  const words = c.id.split(' ');
  if (words.length === 1) return c.technical ? undefined : modifierReason(c);
  const head = words[words.length - 1]!;
  const lists = [...c.byPaper.values()];
  let all = 0;
  for (const list of lists) all += list.length;
  const count = (test: (o: FieldOccurrence) => boolean): number => {
    let n = 0;
    for (const list of lists) for (const o of list) if (test(o)) n++;
    return n;
  };
  const first = lists[0]?.[0];
  if (first && DESCRIBED_HEADS.has(head) && lists.every((list) => list.every((o) => o.length === 2))) {
    const opener = first.surface.split(/\s+/)[0] ?? '';
    // "quantized model", "compressed data", "fine-tuned model": a description, not a term.
    if (/ed$/.test(opener)) return 'a participle describing a generic head';
  }
  // "deep convolutional", "generative adversarial": a phrase ending in an adjective-looking word that almost always has
  // more of its chunk after it ("… neural network", "… network") is the front of longer terms.
  const rarelyLast = (): boolean => count((o) => o.right === '') < 0.2 * all;
  if (!c.technical && looksAdjectival(head) && rarelyLast()) return 'ends in an adjective';
  // "networks exhibit", "methods offer": a plural noun, then a word the corpus mostly uses as a verb, is a clause.
  if (!c.technical && c.nounShare < 0.5 && count(pluralBeforeHead) * 2 > all) return 'a plural noun and its verb';
  // "results yield", "this result yields", "our algorithm proceeds": a subject and a verb that is never a term's head.
  if (!c.technical && CLAUSE_VERBS.has(head) && count((o) => pluralBeforeHead(o) || /s$/i.test(o.surface)) * 2 > all) return 'a noun and its verb';
  // So is one ending in a word the corpus mostly tags as an adjective ("deep", "robust": "distributionally robust …");
  // not an -ing head, which wink tags a verb ("meta learning", "slot filling").
  if (!c.technical && c.nounShare < 0.5 && !/ing$/.test(head) && rarelyLast()) return 'ends in an adjective';
  if (!c.technical && looksAdjectival(words.join('-')) && count((o) => o.length === 1 && o.hyphenated) * 2 >= all) return 'an adjective, not a term on its own';
  return undefined;
}

/** Verbs that follow a plural subject ("results yield", "algorithms proceed") whatever wink tags them. */
const CLAUSE_VERBS = new Set(
  'proceed yield exhibit offer suffer require achieve perform enable allow remain tend fail lack outperform rely depend struggle seem appear contain become arise emerge reach provide produce suggest support show demonstrate indicate confirm reveal bridge extract'.split(' '),
);

/** The word before the last is written as a plural: "neural networks exhibit", "experiments support". */
function pluralBeforeHead(o: FieldOccurrence): boolean {
  const words = o.surface.split(/\s+/);
  const before = words[words.length - 2];
  if (before === undefined || !/^\p{L}\p{Ll}{2,}s$/u.test(before)) return false;
  const lower = before.toLowerCase();
  return singular(lower) !== lower;
}

/** Kinds of thing that a name or a participle in front of them does not make a concept. */
const DESCRIBED_HEADS = new Set(['model', 'network', 'architecture', 'data', 'representation', 'feature', 'output', 'input', 'version', 'image', 'weight', 'parameter']);

/** "DNN model", "ViT model", "LLaMA-3-8B model": a named thing plus its kind says no more than the name. */
export function namedKindReason(c: Candidate, candidates: Map<string, Candidate>, leftOut: ReadonlyMap<string, LeftOut>, options: VocabularyOptions): string | undefined {
  const words = c.id.split(' ');
  if (c.sense || words.length < 2 || !DESCRIBED_HEADS.has(words[words.length - 1]!)) return undefined;
  const id = words.slice(0, -1).join(' ');
  const gathered = candidates.get(id);
  const base = gathered ? { sense: gathered.sense !== undefined, technical: gathered.technical, papers: gathered.byPaper.size } : leftOut.get(id);
  return base && (base.sense || base.technical) && base.papers >= options.minPapers ? 'a name plus a generic head' : undefined;
}

/** "large language" is always followed by "model": a phrase whose every use has the same neighbour is a fragment. */
export function fragmentReason(c: Candidate): string | undefined {
  let total = 0;
  for (const list of c.byPaper.values()) total += list.length;
  if (total < 2) return undefined;
  const r = majority(c, right);
  if (r.count >= 0.8 * total) return `a fragment: always followed by "${r.word}"`;
  const l = majority(c, left);
  if (l.count >= 0.8 * total) return `a fragment: always preceded by "${l.word}"`;
  return undefined;
}

/** Below this share of its uses ending a phrase, a phrase is the front of longer ones (see frontReason). */
const FRONT_ENDS = 0.15;
/** And its last word must end a phrase in fewer than this share of the word's own uses. */
const FRONT_HEAD_ENDS = 0.3;

/**
 * "approximate Bayesian" (computation), "sparse Gaussian" (process), "inverse covariance" (matrix, estimation): a
 * phrase nearly always followed by more of its phrase — not by a generic head such as "model" — whose last word is
 * itself mostly followed by another word across the corpus, is the front of longer terms that are each too rare to be
 * kept. "stochastic gradient" stays: "gradient" ends its phrase in half its uses. A last word the gathering did not
 * keep as a candidate of its own (a generic word) has no share, and the phrase stays. `headEnds` caches the shares.
 */
export function frontReason(c: Candidate, candidates: Map<string, Candidate>, headEnds: Map<string, number | undefined>): string | undefined {
  if (c.technical || c.sense || c.words < 2) return undefined;
  if (endShare(c) >= FRONT_ENDS) return undefined;
  const head = c.id.slice(c.id.lastIndexOf(' ') + 1);
  let share = headEnds.get(head);
  if (!headEnds.has(head)) {
    const word = candidates.get(head);
    headEnds.set(head, (share = word ? endShare(word) : undefined));
  }
  return share !== undefined && share < FRONT_HEAD_ENDS ? 'the front of longer terms: almost always followed by more of its phrase' : undefined;
}

/** The share of a candidate's uses that end their phrase (or are followed by a generic head); 1 with under three uses. */
function endShare(c: Candidate): number {
  const [ends, all] = usesWhere(c, (o) => right(o) === '');
  return all < 3 ? 1 : ends / all;
}

/** How many of a candidate's uses pass `test`, and how many uses it has. */
function usesWhere(c: Candidate, test: (o: FieldOccurrence) => boolean): [matching: number, all: number] {
  let all = 0;
  let matching = 0;
  for (const list of c.byPaper.values())
    for (const o of list) {
      all++;
      if (test(o)) matching++;
    }
  return [matching, all];
}

// A generic neighbour ("UVG dataset", "novel diffusion") does not make a longer term: it does not count.
const right = (o: FieldOccurrence): string => (o.right && !GENERIC_HEADS.has(o.right) ? o.right : '');
const left = (o: FieldOccurrence): string => (o.left && !GENERIC_MODIFIERS.has(o.left) ? o.left : '');

/**
 * The neighbour written in more than half of the uses that have one, if any, and its count (Boyer and Moore's
 * majority vote: two passes and no table, where a candidate with 100,000 uses would need a map of its neighbours).
 */
function majority(c: Candidate, neighbour: (o: FieldOccurrence) => string): { word: string; count: number } {
  let word = '';
  let votes = 0;
  for (const list of c.byPaper.values())
    for (const o of list) {
      const w = neighbour(o);
      if (w === '') continue;
      if (votes === 0) (word = w), (votes = 1);
      else votes += w === word ? 1 : -1;
    }
  let count = 0;
  if (word !== '') for (const list of c.byPaper.values()) for (const o of list) if (neighbour(o) === word) count++;
  return { word, count };
}

/** Kinds of thing a compound before them names: "quasi-Newton method", "skip-gram model", "max-flow problem". */
const NAMED_KINDS = new Set(['method', 'approach', 'algorithm', 'technique', 'scheme', 'procedure', 'problem', 'model']);

/** Written with a hyphen in 70% of its uses or more ("intra-class", and once "intra class"). */
function mostlyHyphenated(c: Candidate): boolean {
  const [hyphenated, all] = usesWhere(c, (o) => o.hyphenated);
  return hyphenated >= 0.7 * all;
}

/** Paper → chunk → the token ranges of the kept terms in it, flat: from, to, from, to … */
export type KeptRanges = Map<string, Map<number, number[]>>;

/** Whether a range of `ranges` covers from…to and is longer. */
function covered(ranges: number[] | undefined, from: number, to: number): boolean {
  if (!ranges) return false;
  for (let i = 0; i < ranges.length; i += 2) if (ranges[i]! <= from && ranges[i + 1]! >= to && ranges[i + 1]! - ranges[i]! > to - from) return true;
  return false;
}

export function standAloneReason(c: Candidate, keptRanges: KeptRanges, options: VocabularyOptions): string | undefined {
  const need = c.words === 1 && !c.technical && !c.sense ? options.minPapers : 1;
  let freePapers = 0;
  for (const [paper, list] of c.byPaper) {
    const chunks = keptRanges.get(paper);
    const free = list.some((o) => !covered(chunks?.get(o.chunk), o.from, o.to));
    if (free && ++freePapers >= need) break;
  }
  if (freePapers < need) return 'only inside longer terms (a fragment)';
  const hyphenated =
    !c.technical &&
    !/(tion|sion|ment|ing|ity|ness|ance|ence|ism|width|entropy|design)$/.test(c.id) &&
    mostlyHyphenated(c);
  if (!hyphenated) return undefined;
  // "quasi-Newton methods", "max-flow problem": before the kind of thing it names, the compound is the name.
  let alonePapers = 0;
  for (const list of c.byPaper.values()) if (list.some((o) => o.maximal || NAMED_KINDS.has(o.right))) alonePapers++;
  if (alonePapers < options.minPapers) return 'a hyphenated modifier, not a term on its own';
  return undefined;
}
