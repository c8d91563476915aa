// Token-level rules for terms: what a word's key is, whether it is an acronym or a technical token, a stopword.
import { americanize, COMPOUND_PLURAL_NAMES, generalPerMillion, singular } from './lexicon.ts';

/** Prefixes written both joined and hyphenated ("pre-training" / "pretraining"): keys join them. */
export const JOINING_PREFIXES = new Set([
  'pre', 'post', 'non', 'co', 're', 'multi', 'semi', 'sub', 'un', 'de', 'over', 'under', 'inter', 'intra', 'meta',
  'hyper', 'super', 'mis', 'bi', 'tri', 'uni', 'anti', 'auto', 'mid',
]);

const STOPWORDS = new Set(
  `a an the this that these those we our us i you it its they them their he she his her of in on at by for with from to
  into onto over under via per as than then so such is are was were be been being do does did has have had can could
  may might must shall should will would not no nor or and but if while when where which who whom whose what why how
  all any both each either neither few more most less least much some own only also very too just even still yet
  thus hence therefore however moreover furthermore whereas although though because since until unless upon within
  without across among between through during before after above below up down out off again here there about around
  e.g i.e etc et al vs via using based use used uses show shows shown propose proposes proposed present presents
  introduce introduces achieve achieves achieved demonstrate demonstrates enable enables allow allows make makes made
  one two three four five six seven eight nine ten first second third new well way ways
  ii iii iv vi vii viii ix xi xii alpha beta gamma delta epsilon lambda sigma tau theta mu nu rho phi psi omega
  ms sec gb mb kb tb hz ghz mhz khz db ps fps
  emph sqrt quot amp nbsp textit textbf textrm mathbf mathcal mathrm mathbb frac cdot ldots cdots le ge lt gt
  operatorname widetilde tilde hat bar vec log exp sup inf argmin argmax mathop varepsilon ell infty leq geq neq approx
  propto forall nabla mathsf boldsymbol rightarrow leftarrow mapsto eps whilst amongst w.r.t w.r.t. a.k.a a.k.a. hoc
  according including regarding concerning depending containing excluding involving i.d. pre sim
  achieving allowing enabling ensuring exhibiting exploiting having outperforming performing providing requiring
  satisfying showing yielding called termed dubbed
  ibid ado inc inc. pt pt. sci chem comput trans tran`.split(/\s+/),
);

/**
 * Token judgements are pure functions of the surface and a corpus repeats its words endlessly, so each is worked out
 * once per distinct surface. A cache that reaches MAX_REMEMBERED entries starts over, which bounds memory.
 */
const MAX_REMEMBERED = 200_000;
const acronymLike = new Map<string, boolean>();
const technical = new Map<string, boolean>();
const keyWordsLast = new Map<string, string[]>();
const keyWordsInner = new Map<string, string[]>();
const keyLast = new Map<string, string>();
const keyInner = new Map<string, string>();

function remember<T>(cache: Map<string, T>, surface: string, judge: (surface: string) => T): T {
  const known = cache.get(surface);
  if (known !== undefined) return known;
  if (cache.size >= MAX_REMEMBERED) cache.clear();
  const value = judge(surface);
  cache.set(surface, value);
  return value;
}

/** Has two capitals, or a capital and a digit: "KV", "LLMs", "INT4", "ViDT", "LoRA", "GPT-4", "W4A8KV4", "3D". */
export function isAcronymLike(surface: string): boolean {
  return remember(acronymLike, surface, judgeAcronymLike);
}

function judgeAcronymLike(surface: string): boolean {
  // A long capitalised English word ("MACHINE", "NEURAL") is shouting, not an acronym.
  if (surface.length >= 5 && /^\p{Lu}+$/u.test(surface) && generalPerMillion(surface) > 0) return false;
  // Judged per hyphen part, so Title-Case compounds ("Fine-Tuning", "Quantization-Aware") are words, not acronyms.
  return surface.split(/[-\u2010-\u2015]/).some((part) => {
    const caps = part.match(/\p{Lu}/gu)?.length ?? 0;
    return caps >= 2 || (caps >= 1 && /\d/.test(part)) || (/^\d+[A-Z]/.test(part) && part.length <= 6);
  });
}

/** Letters and digits mixed, or a version/size token: "4-bit", "FP8", "YOLOv9", "Llama-3", "130B", "3D". */
export function isTechnicalToken(surface: string): boolean {
  return remember(technical, surface, judgeTechnical);
}

function judgeTechnical(surface: string): boolean {
  if (/^\d+(\.\d+)?-?(bit|bits|B|M|K|D|x)$/i.test(surface)) return /bit|B|D/i.test(surface.replace(/^\d+(\.\d+)?-?/, ''));
  return /\p{L}/u.test(surface) && /\d/.test(surface) && !/^\d+(\.\d+)?[a-z%]{1,3}$/i.test(surface);
}

/** A number on its own or with a unit that is not a concept ("53.2AP", "2x", "10%", "2023"). */
export function isBareNumber(surface: string): boolean {
  return /^[\d.,%×x+-]+$/i.test(surface) || (/^\d/.test(surface) && !isTechnicalToken(surface));
}

export const isStopword = (lower: string): boolean => STOPWORDS.has(lower);

/** Plural acronym → singular: "LLMs" → "LLM", "GPUs" → "GPU"; "SMS" stays. */
export function acronymSingular(surface: string): string {
  return /^[\p{Lu}\d][\p{L}\d-]*\p{Lu}s$/u.test(surface) && surface.length >= 3 ? surface.slice(0, -1) : surface;
}

/**
 * The key words of one token: lowercase, American spelling, hyphen parts split ("low-rank" → ["low","rank"]) except
 * after joining prefixes ("pre-training" → ["pretraining"]) and inside technical tokens ("GPT-4" → ["gpt4"]).
 */
export function tokenKeyWords(surface: string, last: boolean): string[] {
  return sharedKeyWords(surface, last).slice();
}

/** tokenKeyWords without the copy: the remembered array itself, not to be changed. */
export function sharedKeyWords(surface: string, last: boolean): readonly string[] {
  return remember(last ? keyWordsLast : keyWordsInner, surface, (s) => keyWordsOf(s, last));
}

/** Everything the chunker asks of a word, in one record: one lookup per token instead of one per question. */
export interface WordFacts {
  acronym: boolean;
  technicalToken: boolean;
  /** Acronym-like or a technical token. */
  technical: boolean;
  keyInner: string;
  keyLast: string;
  wordsInner: readonly string[];
  wordsLast: readonly string[];
  /**
   * Never part of a term whatever its tag: markup ("&quot", "\\emph"), a stopword (also with a full stop kept: "in."),
   * a single letter or an initial ("J."), no letter at all, a bare number ("2x", "10%"), or a BibTeX key left in an
   * abstract ("jaeger2002tutorial").
   */
  nonTerm: boolean;
  /** Has a letter. */
  letter: boolean;
}

const factsCache = new Map<string, WordFacts>();

export function wordFacts(surface: string): WordFacts {
  return remember(factsCache, surface, (s) => {
    const acronym = isAcronymLike(s);
    const technicalToken = isTechnicalToken(s);
    return {
      acronym,
      technicalToken,
      technical: acronym || technicalToken,
      keyInner: tokenKey(s, false),
      keyLast: tokenKey(s, true),
      wordsInner: sharedKeyWords(s, false),
      wordsLast: sharedKeyWords(s, true),
      nonTerm: isNonTerm(s),
      letter: /\p{L}/u.test(s),
    };
  });
}

function isNonTerm(s: string): boolean {
  const lower = s.toLowerCase();
  return (
    /[&;\\{}^$]/.test(s) ||
    (s.length < 2 && !/\d/.test(s)) ||
    /^\p{L}\.$/u.test(s) ||
    isStopword(lower) ||
    isStopword(lower.replace(/\.+$/, '')) ||
    !/\p{L}/u.test(s) ||
    isBareNumber(s) ||
    /^\p{Ll}{2,}(?:19|20)\d\d\p{Ll}{2,}$/u.test(s)
  );
}

/** tokenKeyWords joined by spaces (remembered too). */
export function tokenKey(surface: string, last: boolean): string {
  return remember(last ? keyLast : keyInner, surface, (s) => sharedKeyWords(s, last).join(' '));
}

/** A word split by a line-break hyphen and pasted back with it ("predic-tion", "rela-tional"): neither half is English. */
const brokenWord = (a: string, b: string): boolean =>
  generalPerMillion(a) === 0 && generalPerMillion(b) === 0 && /^\p{L}+$/u.test(a + b) && generalPerMillion(a + b) > 0;

function keyWordsOf(surface: string, last: boolean): string[] {
  const folded = surface.normalize('NFKD').replace(/\p{M}+/gu, '');
  if (isAcronymLike(folded) || isTechnicalToken(folded)) {
    return [acronymSingular(folded).toLowerCase().replace(/[-_]/g, '')];
  }
  const parts = folded.toLowerCase().split(/[-\u2010-\u2015]+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const prev = out[out.length - 1];
    if (prev !== undefined && i > 0 && (JOINING_PREFIXES.has(prev) || brokenWord(prev, part))) out[out.length - 1] = prev + part;
    else out.push(part);
  }
  return out.map((w, i) => {
    const american = americanize(w);
    if (!(last && i === out.length - 1)) return american;
    // A verb written as the head of a term is its -ing noun: "fine-tune" is "fine-tuning", "pre-train" "pretraining".
    const verbHead = (out.length > 1 && /^(tune|tuned)$/.test(american)) || /^(pre|post|re)(train|trained)$/.test(american);
    if (verbHead) return american.replace(/ed$/, '').replace(/e?$/, 'ing');
    // "k-means", "k-medoids": the name of an algorithm, not a plural.
    return out.length > 1 && COMPOUND_PLURAL_NAMES.has(american) ? american : singular(american);
  });
}
