// A paper's extracted terms in columns instead of one object per occurrence. A corpus holds about 90 occurrences a
// paper, and most of them are sub-phrases that end up in no concept: as objects they cost ~400 bytes each (4 GB at
// 100,000 papers), packed ~100. They are also cheap to send between threads. The normalize stage turns back into
// objects only the occurrences of candidates that can become concepts (see gatherCandidates).
import { extractPaper, type Definition, type ExtractInput, type Field, type FieldOccurrence, type PaperTerms } from './index.ts';

export interface PackedTerms {
  key: string;
  definitions: Definition[];
  /** How often each word was tagged a noun, out of how many uses: word i has counts 2i (nouns) and 2i + 1 (uses). */
  tagWords: string[];
  tagCounts: Int32Array;
  /** Occurrences: INTS numbers and STRINGS strings each (see the constants). */
  size: number;
  ints: Int32Array;
  strings: string[];
  /** Occurrences whose words cannot be rebuilt from their space-joined key, or whose acronyms do not fit the mask. */
  odd?: Map<number, { words: string[]; acronymAt: number[] }>;
}

const INTS = 7; // start, end, chunk, from, to, length, flags
const STRINGS = 4; // words joined by spaces, surface, left, right

const MAXIMAL = 1;
const TECHNICAL = 2;
const DERIVED = 4;
const NOUN_HEAD = 8;
const HYPHENATED = 16;
const ABSTRACT = 32;
/** Bits from here on mark which words came from acronym-like tokens (word 0 … MASK_WORDS - 1). */
const MASK_SHIFT = 6;
const MASK_WORDS = 25;

const NONE: number[] = [];

/** `extractPaper`, packed. */
export const extractPacked = (paper: ExtractInput): PackedTerms => packTerms(extractPaper(paper));

export function packTerms(terms: PaperTerms): PackedTerms {
  const occurrences = terms.occurrences;
  const size = occurrences.length;
  const ints = new Int32Array(size * INTS);
  const strings = new Array<string>(size * STRINGS);
  let odd: PackedTerms['odd'];
  occurrences.forEach((o, i) => {
    let flags =
      (o.maximal ? MAXIMAL : 0) | (o.technical ? TECHNICAL : 0) | (o.derived ? DERIVED : 0) | (o.nounHead ? NOUN_HEAD : 0) |
      (o.hyphenated ? HYPHENATED : 0) | (o.field === 'abstract' ? ABSTRACT : 0);
    const roundTrips = o.words.length > 0 && o.words.every((w) => w !== '' && !w.includes(' '));
    if (roundTrips && o.acronymAt.every((a) => a < MASK_WORDS)) for (const a of o.acronymAt) flags |= 1 << (MASK_SHIFT + a);
    else (odd ??= new Map()).set(i, { words: o.words, acronymAt: o.acronymAt });
    ints.set([o.start, o.end, o.chunk, o.from, o.to, o.length, flags], i * INTS);
    strings[i * STRINGS] = o.words.join(' ');
    strings[i * STRINGS + 1] = o.surface;
    strings[i * STRINGS + 2] = o.left;
    strings[i * STRINGS + 3] = o.right;
  });
  const tagWords = [...terms.tags.keys()];
  const tagCounts = new Int32Array(tagWords.length * 2);
  tagWords.forEach((w, i) => tagCounts.set(terms.tags.get(w)!, i * 2));
  return { key: terms.key, definitions: terms.definitions, tagWords, tagCounts, size, ints, strings, ...(odd ? { odd } : {}) };
}

/** Read access to one paper's occurrences, packed or not: what the normalize stage needs. */
export interface TermsReader {
  key: string;
  size: number;
  /** The occurrence's words joined by spaces. */
  wordKey(i: number): string;
  words(i: number): string[];
  acronymAt(i: number): number[];
  technical(i: number): boolean;
  derived(i: number): boolean;
  maximal(i: number): boolean;
  occurrence(i: number): FieldOccurrence;
  forEachTag(visit: (word: string, nouns: number, uses: number) => void): void;
}

export function readTerms(terms: PaperTerms | PackedTerms): TermsReader {
  return 'ints' in terms ? packedReader(terms) : objectReader(terms);
}

function objectReader(t: PaperTerms): TermsReader {
  const o = t.occurrences;
  return {
    key: t.key,
    size: o.length,
    wordKey: (i) => o[i]!.words.join(' '),
    words: (i) => o[i]!.words,
    acronymAt: (i) => o[i]!.acronymAt,
    technical: (i) => o[i]!.technical,
    derived: (i) => o[i]!.derived === true,
    maximal: (i) => o[i]!.maximal,
    occurrence: (i) => o[i]!,
    forEachTag: (visit) => t.tags.forEach(([nouns, uses], word) => visit(word, nouns, uses)),
  };
}

/**
 * The words of a space-joined key, one shared array per key (the normalize stage turns millions of occurrences back
 * into objects; after it nothing reads their words). Bounded like the token caches.
 */
const sharedWords = new Map<string, string[]>();
function wordsOf(key: string): string[] {
  let words = sharedWords.get(key);
  if (!words) {
    if (sharedWords.size >= 200_000) sharedWords.clear();
    sharedWords.set(key, (words = key.split(' ')));
  }
  return words;
}

function packedReader(t: PackedTerms): TermsReader {
  const { ints, strings } = t;
  const flags = (i: number): number => ints[i * INTS + 6]!;
  const words = (i: number): string[] => t.odd?.get(i)?.words ?? wordsOf(strings[i * STRINGS]!);
  const acronymAt = (i: number): number[] => t.odd?.get(i)?.acronymAt ?? acronymsOf(flags(i));
  return {
    key: t.key,
    size: t.size,
    wordKey: (i) => strings[i * STRINGS]!,
    words,
    acronymAt,
    technical: (i) => (flags(i) & TECHNICAL) !== 0,
    derived: (i) => (flags(i) & DERIVED) !== 0,
    maximal: (i) => (flags(i) & MAXIMAL) !== 0,
    occurrence: (i) => {
      const at = i * INTS;
      const s = i * STRINGS;
      const oddOne = t.odd?.get(i);
      const Kind = oddOne ? OddOccurrence : PackedOccurrence;
      const o = new Kind(strings[s]!, strings[s + 1]!, strings[s + 2]!, strings[s + 3]!, ints[at]!, ints[at + 1]!, ints[at + 2]!, ints[at + 3]!, ints[at + 4]!, ints[at + 5]!, flags(i));
      return oddOne ? (o as OddOccurrence).with(oddOne.words, oddOne.acronymAt) : o;
    },
    forEachTag: (visit) => t.tagWords.forEach((word, i) => visit(word, t.tagCounts[i * 2]!, t.tagCounts[i * 2 + 1]!)),
  };
}

/** Which words came from acronym-like tokens, from an occurrence's flags. */
function acronymsOf(flags: number): number[] {
  const mask = flags >>> MASK_SHIFT;
  if (mask === 0) return NONE;
  const out: number[] = [];
  for (let a = 0; a < MASK_WORDS; a++) if (mask & (1 << a)) out.push(a);
  return out;
}

/**
 * An occurrence read back from packed terms: a FieldOccurrence whose six flags are one number, and whose words and
 * acronym positions are worked out when read (after the normalize stage nothing reads them). The normalize stage
 * holds millions of these (3.8 million at 100,000 papers); this form is about a third smaller than the plain object.
 */
class PackedOccurrence implements FieldOccurrence {
  readonly #wordKey: string;
  readonly #flags: number;

  constructor(
    wordKey: string,
    readonly surface: string,
    readonly left: string,
    readonly right: string,
    readonly start: number,
    readonly end: number,
    readonly chunk: number,
    readonly from: number,
    readonly to: number,
    readonly length: number,
    flags: number,
  ) {
    this.#wordKey = wordKey;
    this.#flags = flags;
  }

  get words(): string[] {
    return wordsOf(this.#wordKey);
  }
  get acronymAt(): number[] {
    return acronymsOf(this.#flags);
  }
  get maximal(): boolean {
    return (this.#flags & MAXIMAL) !== 0;
  }
  get technical(): boolean {
    return (this.#flags & TECHNICAL) !== 0;
  }
  get derived(): boolean {
    return (this.#flags & DERIVED) !== 0;
  }
  get nounHead(): boolean {
    return (this.#flags & NOUN_HEAD) !== 0;
  }
  get hyphenated(): boolean {
    return (this.#flags & HYPHENATED) !== 0;
  }
  get field(): Field {
    return this.#flags & ABSTRACT ? 'abstract' : 'title';
  }
}

/**
 * An occurrence whose words cannot be rebuilt from their space-joined key, or whose acronyms do not fit the mask (see
 * PackedTerms.odd): the rare kind, so its two extra fields do not make every packed occurrence bigger.
 */
class OddOccurrence extends PackedOccurrence {
  #words: string[] = [];
  #acronymAt: number[] = NONE;

  with(words: string[], acronymAt: number[]): this {
    this.#words = words;
    this.#acronymAt = acronymAt;
    return this;
  }

  override get words(): string[] {
    return this.#words;
  }
  override get acronymAt(): number[] {
    return this.#acronymAt;
  }
}
