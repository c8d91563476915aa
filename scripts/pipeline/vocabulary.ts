// Normalize + select stage: folds every candidate occurrence onto a canonical concept (acronyms expanded, variants
// merged), gathers corpus statistics, and keeps the concepts that are specific, stand on their own and are shared.
import type { FieldOccurrence, PaperTerms } from './extract/index.ts';
import { readTerms, type PackedTerms } from './extract/packed.ts';
import { ING_NOUNS } from './extract/candidates.ts';
import { GENERIC_HEADS, GENERIC_MODIFIERS, GENERIC_PHRASES, GENERIC_WORDS, generalPerMillion, looksAdjectival } from './extract/lexicon.ts';
import { expandWords, variantIndex, wordBag, type Sense, type SenseTable } from './senses.ts';

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
  /** For single words: the share of the word's uses in the corpus tagged as a noun. */
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

const FEW_PAPERS = 'in fewer papers than minPapers';
const TOO_MANY = 'in too many papers to be specific';

export interface Vocabulary {
  candidates: Map<string, Candidate>;
  kept: Candidate[];
  dropped: Dropped[];
}

interface Canonical {
  id: string;
  sense?: Sense;
}

function canonical(table: SenseTable, variants: Map<string, Sense>, paper: string, words: string[], acronymAt: number[]): Canonical {
  const expanded = joinPrefixes(expandWords(table, paper, words, acronymAt));
  const sense = expanded.length > 1 ? variants.get(wordBag(expanded)) : undefined;
  return sense ? { id: sense.long.join(' '), sense } : { id: expanded.join(' ') };
}

const SPACED_PREFIXES = new Set(['pre', 'post', 'multi', 'non', 'semi', 'co']);

/** "post training" is "post-training" is "posttraining": a prefix written apart joins the next word. */
function joinPrefixes(words: string[]): string[] {
  if (!words.some((w) => SPACED_PREFIXES.has(w))) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (SPACED_PREFIXES.has(w) && next !== undefined) {
      out.push(w + next);
      i++;
    } else out.push(w);
  }
  return out;
}

export interface GatherOptions {
  /**
   * With the selection's options and the corpus size: candidates that selectVocabulary would drop before looking at
   * their occurrences — in fewer than minPapers papers, in too many, or by their words alone (wordsReason) — are only
   * counted, into `leftOut` (or `rare`, for too few papers: millions on a big corpus), and their occurrences never become objects (most occurrences of a big corpus are of such
   * candidates: "model", "method", one-paper sub-phrases). Kept all the same: candidates in fewer papers that may be
   * a paper's own term (see paperTerms: a whole chunk somewhere, and several words, an acronym or a technical token).
   * Without it every candidate is gathered.
   */
  select?: { options: VocabularyOptions; paperCount: number; leftOut: Map<string, LeftOut>; rare: RareCandidates };
  /** Candidates to gather whatever the rules say (named in the overrides file). */
  wanted?: (id: string) => boolean;
}

/**
 * Groups every occurrence of every paper by canonical concept id, in two passes: the first finds each occurrence's id
 * and counts the papers of each id, the second builds the candidates that have enough papers.
 */
export function gatherCandidates(papers: ReadonlyArray<PaperTerms | PackedTerms>, table: SenseTable, options: GatherOptions = {}): Map<string, Candidate> {
  const variants = variantIndex(table);
  const readers = papers.map(readTerms);
  const tags = new Map<string, [number, number]>();
  for (const r of readers)
    r.forEachTag((w, n, all) => {
      const e = tags.get(w);
      if (e) (e[0] += n), (e[1] += all);
      else tags.set(w, [n, all]);
    });
  // Pass 1: every occurrence's id, as a number; per id its paper count and a few traits, in flat arrays (a corpus of
  // 100,000 papers has millions of distinct ids).
  const numberOf = new Map<string, number>();
  const idAt: string[] = [];
  const paperCount: number[] = [];
  const lastPaper: number[] = [];
  /** Technical uses less the others (see `technical` below). */
  const votes: number[] = [];
  /** Some occurrence is a whole chunk (1), some is technical (2). */
  const traits: number[] = [];
  const senseOf = new Map<number, Sense>();
  const number = (c: Canonical): number => {
    let k = numberOf.get(c.id);
    if (k === undefined) {
      numberOf.set(c.id, (k = idAt.length));
      idAt.push(c.id), paperCount.push(0), lastPaper.push(-1), votes.push(0), traits.push(0);
    }
    if (c.sense) senseOf.set(k, c.sense);
    return k;
  };
  // Without acronyms an occurrence's id depends on its words only: worked out once per distinct word sequence.
  const plain = new Map<string, number>();
  const ids = readers.map((r, p) => {
    const out = new Int32Array(r.size);
    for (let i = 0; i < r.size; i++) {
      const acronymAt = r.acronymAt(i);
      let k: number | undefined;
      if (acronymAt.length === 0) {
        const key = r.wordKey(i);
        k = plain.get(key);
        if (k === undefined) plain.set(key, (k = number(canonical(table, variants, r.key, r.words(i), acronymAt))));
      } else k = number(canonical(table, variants, r.key, r.words(i), acronymAt));
      out[i] = k;
      const technicalUse = r.technical(i);
      votes[k]! += technicalUse ? 1 : -1;
      traits[k]! |= (r.maximal(i) ? 1 : 0) | (technicalUse ? 2 : 0);
      if (!r.derived(i) && lastPaper[k] !== p) (lastPaper[k] = p), paperCount[k]!++;
    }
    return out;
  });
  plain.clear();
  numberOf.clear();
  const mayBeOwnTerm = (k: number): boolean => (traits[k]! & 1) !== 0 && ((traits[k]! & 2) !== 0 || senseOf.has(k) || idAt[k]!.includes(' '));
  const nounShare = (id: string): number => {
    const t = tags.get(id);
    return t ? t[0] / t[1] : 1;
  };
  // A candidate is technical when most of its uses are written as technical tokens: one "DEEP" in capitals does not
  // make the adjective "deep" an acronym.
  const technical = (k: number): boolean => votes[k]! > 0;
  const select = options.select;
  const traitsOf = (k: number): CandidateTraits => ({ id: idAt[k]!, sense: senseOf.get(k), technical: technical(k), nounShare: nounShare(idAt[k]!) });
  const earlyReason = (k: number): string | undefined => {
    if (!select) return undefined;
    const papers = paperCount[k]!;
    if (papers < select.options.minPapers) return mayBeOwnTerm(k) && !wordsReason(traitsOf(k), select.options) ? undefined : FEW_PAPERS;
    if (select.paperCount >= 20 && papers / select.paperCount > select.options.maxPaperShare && !senseOf.has(k)) return TOO_MANY;
    return wordsReason(traitsOf(k), select.options);
  };
  const gathered = new Uint8Array(idAt.length);
  for (let k = 0; k < idAt.length; k++) {
    const id = idAt[k]!;
    const reason = options.wanted?.(id) ? undefined : earlyReason(k);
    if (reason === undefined) gathered[k] = 1;
    else if (reason === FEW_PAPERS) select!.rare.ids.push(id), select!.rare.papers.push(paperCount[k]!);
    else select!.leftOut.set(id, { id, papers: paperCount[k]!, reason, technical: technical(k), sense: senseOf.has(k) });
  }

  // Pass 2: the occurrences of the gathered ids, as objects, grouped into candidates.
  const out = new Map<string, Candidate>();
  const candidateOf = new Map<number, Candidate>();
  readers.forEach((r, p) => {
    const paperIds = ids[p]!;
    for (let i = 0; i < r.size; i++) {
      const k = paperIds[i]!;
      if (!gathered[k]) continue;
      let c = candidateOf.get(k);
      if (!c) {
        const id = idAt[k]!;
        c = { id, words: id.split(' ').length, byPaper: new Map(), technical: technical(k), nounShare: nounShare(id), derived: new Map() };
        const sense = senseOf.get(k);
        if (sense) c.sense = sense;
        candidateOf.set(k, c);
        out.set(id, c);
      }
      const into = r.derived(i) ? c.derived : c.byPaper;
      let list = into.get(r.key);
      if (!list) into.set(r.key, (list = []));
      list.push(r.occurrence(i));
    }
    ids[p] = new Int32Array(0);
  });
  return out;
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

const generic = (w: string): boolean => GENERIC_WORDS.has(w) || GENERIC_MODIFIERS.has(w) || GENERIC_HEADS.has(w);

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
    if (!c.technical && c.nounShare < 0.6) return 'mostly used as an adjective or verb';
    if (!c.technical && looksAdjectival(w)) return 'an adjective, not a term on its own';
    if (!c.technical && /ing$/.test(w) && !ING_NOUNS.has(w)) return 'a verb form, not a term on its own';
    return undefined;
  }
  if (words.every(generic) && !TECHNICAL_HEADS.has(words[words.length - 1]!)) return 'only generic words';
  if (GENERIC_HEADS.has(words[words.length - 1]!)) return 'generic head';
  return undefined;
}

/**
 * "bayesian", "gaussian", "markov": a word that nearly always has another word of its phrase after it ("bayesian
 * optimization", "gaussian process", "markov chain") and is almost never a phrase's last word names no one thing.
 */
function modifierReason(c: Candidate): string | undefined {
  let uses = 0;
  let heads = 0;
  for (const list of c.byPaper.values())
    for (const o of list) {
      uses++;
      if (o.right === '') heads++;
    }
  return uses >= 10 && heads < 0.1 * uses ? 'a modifier: almost always followed by another word of the phrase' : undefined;
}

/** The rules of lexicalReason that look at how the candidate is written in the papers. */
function usageReason(c: Candidate): string | undefined {
  if (c.sense) return undefined;
  const words = c.id.split(' ');
  if (words.length === 1) return c.technical ? undefined : modifierReason(c);
  const head = words[words.length - 1]!;
  const occurrences = [...c.byPaper.values()].flat();
  const first = occurrences[0];
  if (first && DESCRIBED_HEADS.has(head) && occurrences.every((o) => o.length === 2)) {
    const opener = first.surface.split(/\s+/)[0] ?? '';
    // "quantized model", "compressed data", "fine-tuned model": a description, not a term.
    if (/ed$/.test(opener)) return 'a participle describing a generic head';
  }
  const single = occurrences.filter((o) => o.length === 1 && o.hyphenated).length * 2 >= occurrences.length;
  if (single && !c.technical && looksAdjectival(words.join('-'))) return 'an adjective, not a term on its own';
  return undefined;
}

/** Kinds of thing that a name or a participle in front of them does not make a concept. */
const DESCRIBED_HEADS = new Set(['model', 'network', 'architecture', 'data', 'representation', 'feature', 'output', 'input', 'version', 'image', 'weight', 'parameter']);

/** Heads that make a phrase of otherwise generic words technical: "domain adaptation", "loss function", "metric learning". */
const TECHNICAL_HEADS = new Set(['adaptation', 'learning', 'function', 'representation', 'optimization', 'distillation', 'estimation', 'factor', 'attention']);

/** "DNN model", "ViT model", "LLaMA-3-8B model": a named thing plus its kind says no more than the name. */
function namedKindReason(c: Candidate, candidates: Map<string, Candidate>, leftOut: ReadonlyMap<string, LeftOut>, options: VocabularyOptions): string | undefined {
  const words = c.id.split(' ');
  if (c.sense || words.length < 2 || !DESCRIBED_HEADS.has(words[words.length - 1]!)) return undefined;
  const id = words.slice(0, -1).join(' ');
  const gathered = candidates.get(id);
  const base = gathered ? { sense: gathered.sense !== undefined, technical: gathered.technical, papers: gathered.byPaper.size } : leftOut.get(id);
  return base && (base.sense || base.technical) && base.papers >= options.minPapers ? 'a name plus a generic head' : undefined;
}

/** "large language" is always followed by "model": a phrase whose every use has the same neighbour is a fragment. */
function fragmentReason(c: Candidate): string | undefined {
  let total = 0;
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  for (const list of c.byPaper.values())
    for (const o of list) {
      total++;
      // A generic neighbour ("UVG dataset", "novel diffusion") does not make a longer term: it does not count.
      if (o.left && !GENERIC_MODIFIERS.has(o.left)) left.set(o.left, (left.get(o.left) ?? 0) + 1);
      if (o.right && !GENERIC_HEADS.has(o.right)) right.set(o.right, (right.get(o.right) ?? 0) + 1);
    }
  const most = (m: Map<string, number>): [string, number] => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['', 0];
  const [r, rn] = most(right);
  if (total >= 2 && rn / total >= 0.8) return `a fragment: always followed by "${r}"`;
  const [l, ln] = most(left);
  if (total >= 2 && ln / total >= 0.8) return `a fragment: always preceded by "${l}"`;
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
  const longest = new Map(contenders.map((c) => [c, maxTokens(c)]));
  const order = contenders.sort(
    (a, b) => longest.get(b)! - longest.get(a)! || b.words - a.words || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  // paper → chunk → token ranges of kept terms
  const keptRanges = new Map<string, Map<number, Array<[number, number]>>>();
  for (const c of order) {
    const df = c.byPaper.size;
    const reason = user.kept.has(c.id)
      ? undefined
      : paperCount >= 20 && df / paperCount > options.maxPaperShare && !c.sense
          ? TOO_MANY
          : (lexicalReason(c, options) ?? namedKindReason(c, candidates, leftOut, options) ?? fragmentReason(c) ?? standAloneReason(c, keptRanges, options));
    if (reason) {
      dropped.push({ id: c.id, papers: df, reason });
      continue;
    }
    kept.push(c);
    for (const [paper, list] of c.byPaper) {
      let chunks = keptRanges.get(paper);
      if (!chunks) keptRanges.set(paper, (chunks = new Map()));
      for (const o of list) {
        const ranges = chunks.get(o.chunk) ?? [];
        ranges.push([o.from, o.to]);
        chunks.set(o.chunk, ranges);
      }
    }
  }
  kept.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  dropped.sort((a, b) => b.papers - a.papers || (a.id < b.id ? -1 : 1));
  return { candidates, kept, dropped };
}

function standAloneReason(
  c: Candidate,
  keptRanges: Map<string, Map<number, Array<[number, number]>>>,
  options: VocabularyOptions,
): string | undefined {
  let freePapers = 0;
  let alonePapers = 0;
  for (const [paper, list] of c.byPaper) {
    const chunks = keptRanges.get(paper);
    const free = list.some((o) => {
      const ranges = chunks?.get(o.chunk);
      return !ranges?.some(([from, to]) => from <= o.from && to >= o.to && to - from > o.to - o.from);
    });
    if (free) freePapers++;
    if (list.some((o) => o.maximal)) alonePapers++;
  }
  const need = c.words === 1 && !c.technical && !c.sense ? options.minPapers : 1;
  if (freePapers < need) return 'only inside longer terms (a fragment)';
  const hyphenated =
    !/(tion|sion|ment|ing|ity|ness|ance|ence|ism|width|entropy|design)$/.test(c.id) && [...c.byPaper.values()].every((list) => list.every((o) => o.hyphenated));
  if (hyphenated && !c.technical && alonePapers < options.minPapers) return 'a hyphenated modifier, not a term on its own';
  return undefined;
}
