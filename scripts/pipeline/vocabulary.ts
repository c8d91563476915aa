// Select stage: of the candidates gathered in ./gather.ts, keeps the concepts that are specific, stand on their own and
// are shared; every other candidate is dropped with its reason.
import type { FieldOccurrence } from './extract/index.ts';
import { ING_NOUNS } from './extract/openers.ts';
import { JOINING_PREFIXES } from './extract/terms.ts';
import { GENERIC_HEADS, GENERIC_MODIFIERS, GENERIC_PHRASES, GENERIC_WORDS, generalPerMillion, looksAdjectival } from './extract/lexicon.ts';
import type { Sense } from './senses.ts';
import { fragmentReason, frontReason, namedKindReason, standAloneReason, usageReason, type KeptRanges } from './usage-rules.ts';

export interface VocabularyOptions {
  /** A concept must be linked to at least this many papers. */
  minPapers: number;
  /** In corpora of 20+ papers, a concept in more than this share of papers is too general to relate anything. */
  maxPaperShare: number;
  /** A single word more frequent than this in everyday English (per million words) is not specific enough. */
  maxGeneralPerMillion: number;
}

export interface Candidate {
  /** Canonical words joined by spaces: the identity of the concept. */
  id: string;
  words: number;
  /** Occurrences grouped by paper key. */
  byPaper: Map<string, FieldOccurrence[]>;
  /** The acronym sense this candidate is the long form of, if any. */
  sense?: Sense;
  technical: boolean;
  /** The share of the uses of its last word, in the whole corpus, tagged as a noun. */
  nounShare: number;
  /** Mentions through a verb ("we quantize"): they link papers to a kept concept but never count for keeping it. */
  derived: Map<string, FieldOccurrence[]>;
}

export interface Dropped {
  id: string;
  papers: number;
  reason: string;
}

/** Candidates in fewer than minPapers papers, dropped while gathering: their ids and paper counts, unsorted. */
export interface RareCandidates {
  ids: string[];
  papers: number[];
}

/** Dropped entries of rare candidates, in the order of Vocabulary.dropped (most papers first, then by id). */
export function rareDropped(rare: RareCandidates): Dropped[] {
  return rare.ids
    .map((id, i) => ({ id, papers: rare.papers[i]!, reason: FEW_PAPERS }))
    .sort((a, b) => b.papers - a.papers || (a.id < b.id ? -1 : 1));
}

/** A candidate dropped while gathering, before its occurrences were kept: what later rules may still ask of it. */
export interface LeftOut extends Dropped {
  technical: boolean;
  sense: boolean;
}

export const FEW_PAPERS = 'in fewer papers than minPapers';
export const TOO_MANY = 'in too many papers to be specific';

export interface Vocabulary {
  candidates: Map<string, Candidate>;
  kept: Candidate[];
  dropped: Dropped[];
}

const maxTokens = (c: Candidate): number => {
  let m = 0;
  for (const list of c.byPaper.values()) for (const o of list) m = Math.max(m, o.length);
  return m;
};

/** What the word-level rules need to know of a candidate: its id and a few corpus statistics, not its occurrences. */
export type CandidateTraits = Pick<Candidate, 'id' | 'sense' | 'technical' | 'nounShare'>;

/** Why a candidate is not a concept by its words alone, or undefined. */
export function lexicalReason(c: Candidate, options: VocabularyOptions): string | undefined {
  return wordsReason(c, options) ?? usageReason(c);
}

/** An -ing noun, or one written joined to a prefix or another word: "metalearning", "pretraining", "upsampling". */
const ING_NOUN_END = new RegExp(`^(${[...JOINING_PREFIXES, 'up', 'down', 'neuro', 'self', 'cross'].join('|')})-?(${[...ING_NOUNS].filter((w) => !w.includes('-')).join('|')})$`);
const isIngNounWord = (w: string): boolean => ING_NOUNS.has(w) || ING_NOUN_END.test(w);

const generic = (w: string): boolean => GENERIC_WORDS.has(w) || GENERIC_MODIFIERS.has(w) || GENERIC_HEADS.has(w);

/** Heads that make a phrase of otherwise generic words technical: "domain adaptation", "loss function", "metric learning". */
const TECHNICAL_HEADS = new Set(['adaptation', 'learning', 'function', 'representation', 'optimization', 'distillation', 'estimation', 'factor', 'attention']);

/** Verbs that, opening a phrase, act on its head: "training …", "learning …", "computing …", "train …". */
const ACTING = new Set(['training', 'learning', 'computing', 'modeling', 'modelling', 'understanding', 'estimating', 'solving', 'optimizing', 'train']);
/** Heads such a phrase acts on — models and what is learnt or computed — rather than names ("learning rate"). */
const ACTED_ON = new Set(['network', 'net', 'gan', 'rnn', 'cnn', 'dnn', 'nn', 'lstm', 'autoencoder', 'model', 'representation', 'embedding', 'derivative', 'likelihood', 'uncertainty', 'relationship']);

/** The rules of lexicalReason that look at the words and statistics only (decidable before occurrences are kept). */
export function wordsReason(c: CandidateTraits, options: VocabularyOptions): string | undefined {
  const words = c.id.split(' ');
  if (c.sense) {
    // A defined acronym is a term by the author's own word, unless it abbreviates research-speak ("SOTA").
    return GENERIC_PHRASES.has(c.id) || words.every((w) => GENERIC_MODIFIERS.has(w) || GENERIC_WORDS.has(w) || w.length < 4)
      ? 'acronym of a generic phrase'
      : undefined;
  }
  if (!words.some((w) => /\p{L}/u.test(w))) return 'number';
  if (GENERIC_PHRASES.has(c.id)) return 'generic phrase';
  if (words.length === 1) {
    const w = words[0]!;
    if (GENERIC_WORDS.has(w) || GENERIC_HEADS.has(w)) return 'generic word';
    if (!c.technical && generalPerMillion(w) > options.maxGeneralPerMillion) return 'common English word';
    if (!c.technical && w.length < 3) return 'too short';
    // wink tags -ing nouns as verbs ("word embedding"): the known ones are judged by the rules below instead.
    if (!c.technical && c.nounShare < 0.6 && !isIngNounWord(w)) return 'mostly used as an adjective or verb';
    if (!c.technical && looksAdjectival(w)) return 'an adjective, not a term on its own';
    // "weakly", "jointly": an English word plus -ly is an adverb.
    if (!c.technical && /^\p{L}{3,}ly$/u.test(w) && generalPerMillion(w.slice(0, -2)) > 0) return 'an adverb';
    if (!c.technical && /ing$/.test(w) && !isIngNounWord(w)) return 'a verb form, not a term on its own';
    // "parametrize", "binarize", "incentivize": the verb; its concept is the noun ("parametrization").
    if (!c.technical && /^\p{L}{4,}(?<!s)ize$/u.test(w)) return 'a verb form, not a term on its own';
    return undefined;
  }
  if (words.every(generic) && !TECHNICAL_HEADS.has(words[words.length - 1]!)) return 'only generic words';
  // "deep recurrent", "gated recurrent": a phrase whose last word reads as an adjective, and is mostly tagged as one in
  // the corpus, is the front of a longer term ("random variable", "gradient descent", "false positive" end in nouns).
  if (!c.technical && c.nounShare < 0.5 && looksAdjectival(words[words.length - 1]!)) return 'ends in an adjective';
  if (GENERIC_HEADS.has(words[words.length - 1]!)) return 'generic head';
  // "training deep neural networks", "training GANs", "learning representations", "train CNNs": a verb and what it
  // acts on.
  if (ACTING.has(words[0]!) && ACTED_ON.has(words[words.length - 1]!) && (words.length > 2 || words[words.length - 1] !== 'model'))
    return 'a verb and its object';
  return undefined;
}

/**
 * Picks the concepts. Longer terms are decided first; a shorter term must then occur on its own — not inside a kept
 * longer term — somewhere (phrases) or in `minPapers` papers (single words), so fragments such as "large language"
 * (always followed by "model") never become concepts. This is the nested-term idea of C-value (Frantzi et al. 2000).
 */
export function selectVocabulary(
  candidates: Map<string, Candidate>,
  paperCount: number,
  options: VocabularyOptions,
  user: { blocked: Set<string>; kept: Set<string> } = { blocked: new Set(), kept: new Set() },
  /** Candidates dropped while gathering (see GatherOptions.select). */
  leftOut: ReadonlyMap<string, LeftOut> = new Map(),
): Vocabulary {
  const kept: Candidate[] = [];
  const dropped: Dropped[] = [];
  for (const { id, papers, reason } of leftOut.values()) dropped.push({ id, papers, reason });
  // Most candidates of a big corpus are in one paper only: they are dropped before the (costly) ordering.
  const contenders: Candidate[] = [];
  for (const c of candidates.values()) {
    if (user.blocked.has(c.id)) dropped.push({ id: c.id, papers: c.byPaper.size, reason: 'blocked in the overrides file' });
    else if (c.byPaper.size < options.minPapers && !user.kept.has(c.id)) dropped.push({ id: c.id, papers: c.byPaper.size, reason: FEW_PAPERS });
    else contenders.push(c);
  }
  const order = contenders
    .map((c) => ({ c, longest: maxTokens(c) }))
    .sort((a, b) => b.longest - a.longest || b.c.words - a.c.words || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0))
    .map(({ c }) => c);
  // paper → chunk → token ranges of kept terms, flat: from, to, from, to …
  const keptRanges: KeptRanges = new Map();
  const headEnds = new Map<string, number | undefined>();
  for (const c of order) {
    const df = c.byPaper.size;
    const reason = user.kept.has(c.id)
      ? undefined
      : paperCount >= 20 && df / paperCount > options.maxPaperShare && !c.sense
          ? TOO_MANY
          : (lexicalReason(c, options) ??
            namedKindReason(c, candidates, leftOut, options) ??
            fragmentReason(c) ??
            frontReason(c, candidates, headEnds) ??
            standAloneReason(c, keptRanges, options));
    if (reason) {
      dropped.push({ id: c.id, papers: df, reason });
      continue;
    }
    kept.push(c);
    for (const [paper, list] of c.byPaper) {
      let chunks = keptRanges.get(paper);
      if (!chunks) keptRanges.set(paper, (chunks = new Map()));
      for (const o of list) {
        const ranges = chunks.get(o.chunk);
        if (ranges) ranges.push(o.from, o.to);
        else chunks.set(o.chunk, [o.from, o.to]);
      }
    }
  }
  kept.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  dropped.sort((a, b) => b.papers - a.papers || (a.id < b.id ? -1 : 1));
  return { candidates, kept, dropped };
}
