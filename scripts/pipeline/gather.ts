// Normalize stage: folds every candidate occurrence onto a canonical concept id (acronyms expanded, spelling and
// word-order variants of a long form merged, spaced prefixes joined) and groups the occurrences into candidates.
import type { PaperTerms } from './extract/index.ts';
import { baseOrBasis } from './extract/lexicon.ts';
import { readTerms, type PackedTerms, type TermsReader } from './extract/packed.ts';
import { expandWords, variantIndex, wordBag, type Sense, type SenseTable } from './senses.ts';
import { FEW_PAPERS, TOO_MANY, wordsReason, type Candidate, type CandidateTraits, type LeftOut, type RareCandidates, type VocabularyOptions } from './vocabulary.ts';

interface Canonical {
  id: string;
  sense?: Sense;
}

function canonical(table: SenseTable, variants: Map<string, Sense>, known: KnownWord, paper: string, words: string[], acronymAt: number[]): Canonical {
  const expanded = expandWords(table, paper, words, acronymAt);
  const joined = joinWords(lastBase(expanded), known);
  const sense = joined.length > 1 ? (senseOfWords(variants, joined) ?? (joined !== expanded ? senseOfWords(variants, expanded) : undefined)) : undefined;
  return sense ? { id: sense.long.join(' '), sense } : { id: joined.join(' ') };
}

/**
 * The sense whose long form has these words in any order ("neural implicit representation" is "implicit neural
 * representation") — for two words only in a written order: "process Gaussian" (as in "Dirichlet process Gaussian
 * mixture") is not "Gaussian process".
 */
function senseOfWords(variants: Map<string, Sense>, words: string[]): Sense | undefined {
  const sense = variants.get(wordBag(words));
  if (!sense || words.length > 2) return sense;
  const same = (form: string[]): boolean => form.length === 2 && form[0] === words[0] && form[1] === words[1];
  return same(sense.long) || sense.variants.some(same) ? sense : undefined;
}

/** "knowledge basis" (the key of "knowledge bases") is "knowledge base". */
function lastBase(words: string[]): string[] {
  const n = words.length;
  if (n < 2 || words[n - 1] !== 'basis') return words;
  const fixed = baseOrBasis(words[n - 2], 'basis');
  return fixed === 'basis' ? words : [...words.slice(0, -1), fixed];
}

const SPACED_PREFIXES = new Set(['pre', 'post', 'multi', 'non', 'semi', 'co']);

/** Whether the corpus writes this as one word, somewhere. */
type KnownWord = (word: string) => boolean;

/**
 * One concept however it is spaced: "post training" is "post-training" is "posttraining", and "bit width", "bit-width"
 * are "bitwidth" in a corpus that writes "bitwidth" too ("mini-batch" / "minibatch", "data set" / "dataset").
 */
function joinWords(words: string[], known: KnownWord): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (next !== undefined && (SPACED_PREFIXES.has(w) || known(w + next))) {
      out ??= words.slice(0, i);
      out.push(w + next);
      i++;
    } else out?.push(w);
  }
  return out ?? words;
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
  /**
   * Empty the papers' slots (set them to undefined) as each is read for the last time, so a big corpus's packed terms
   * can be collected while the candidates' occurrences are made, rather than both being held at the end.
   */
  consume?: boolean;
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
  // A word the corpus writes as one word at least twice (the tag counts hold every word it read).
  const known: KnownWord = (word) => (tags.get(word)?.[1] ?? 0) >= 2;
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
        if (k === undefined) plain.set(key, (k = number(canonical(table, variants, known, r.key, r.words(i), acronymAt))));
      } else k = number(canonical(table, variants, known, r.key, r.words(i), acronymAt));
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
    const t = tags.get(id.slice(id.lastIndexOf(' ') + 1));
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
  const candidateOf = new Array<Candidate | undefined>(idAt.length);
  readers.forEach((r, p) => {
    const paperIds = ids[p]!;
    for (let i = 0; i < r.size; i++) {
      const k = paperIds[i]!;
      if (!gathered[k]) continue;
      let c = candidateOf[k];
      if (!c) {
        const id = idAt[k]!;
        c = { id, words: id.split(' ').length, byPaper: new Map(), technical: technical(k), nounShare: nounShare(id), derived: new Map() };
        const sense = senseOf.get(k);
        if (sense) c.sense = sense;
        candidateOf[k] = c;
        out.set(id, c);
      }
      const into = r.derived(i) ? c.derived : c.byPaper;
      const list = into.get(r.key);
      // A new list is made with its one occurrence in it: an empty array grown by a push holds room for 17 (~130
      // bytes more), and most of a big corpus's 3 million lists keep one occurrence.
      if (list) list.push(r.occurrence(i));
      else into.set(r.key, [r.occurrence(i)]);
    }
    ids[p] = new Int32Array(0);
    if (options.consume) ((readers as Array<TermsReader | undefined>)[p] = undefined), ((papers as Array<PaperTerms | PackedTerms | undefined>)[p] = undefined);
  });
  return out;
}
