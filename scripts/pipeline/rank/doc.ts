// One document's keyphrase candidates: its occurrences grouped by canonical concept id, with what ranking looks at.
import type { FieldOccurrence, PaperTerms } from '../extract/index.ts';
import { GENERIC_MODIFIERS } from '../extract/lexicon.ts';
import { tokenKeyWords } from '../extract/terms.ts';

/** A paper's terms, with its texts when available (for phrase context and to restore stripped modifiers). */
export type RankInput = PaperTerms & { title?: string; abstract?: string };

export interface DocPhrase {
  /** Canonical concept id (acronyms expanded, variants merged), as the graph pipeline names it. */
  id: string;
  /** Words of the id, and the key words as written at the first occurrence ("kv cache" for "key value cache"). */
  words: string[];
  written: string[];
  /** Lowercase surface forms with their counts in this document. */
  surfaces: Map<string, number>;
  count: number;
  /** Occurrences that are a whole noun-phrase chunk, not a part of a longer one. */
  maximalCount: number;
  /** Reading position (in tokens) of the first occurrence: title first, then the abstract. */
  firstPos: number;
  /** Every occurrence's last token was tagged a noun. */
  nounHead: boolean;
  /** The first word as written, lowercase ("analyzed" in "analyzed monograph loans"). */
  firstWord: string;
  /** Made by putting back a generic modifier the chunker strips ("optimal" + "control problem"). */
  extended: boolean;
  /** Text just around each occurrence: the lowercase word before / after it, "^" / "$" at the field's edges, the
   *  punctuation mark when there is one; empty when the text is unknown. */
  before: string[];
  after: string[];
}

/** Lowercase, one space between words, without the acronym in parentheses: "minimum description length principle". */
const surfaceOf = (o: FieldOccurrence): string =>
  o.surface.replace(/\s*\([^()]*\)\s*/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

interface Entry {
  o: FieldOccurrence;
  id: string;
  extended?: boolean;
}

/** Groups a paper's occurrences by concept id (`idOf`); phrases come out in order of first appearance. */
export function docPhrases(paper: RankInput, idOf: (o: FieldOccurrence) => string): DocPhrase[] {
  let titleEnd = 0;
  for (const o of paper.occurrences) if (o.field === 'title') titleEnd = Math.max(titleEnd, o.to);
  const readingOf = (o: FieldOccurrence): number => (o.field === 'title' ? o.from : titleEnd + o.from);
  const textOf = (o: FieldOccurrence): string | undefined => (o.field === 'title' ? paper.title : paper.abstract);

  const entries: Entry[] = [...paper.occurrences.map((o) => ({ o, id: idOf(o) })), ...extensions(paper, idOf)];
  entries.sort((a, b) => readingOf(a.o) - readingOf(b.o) || a.o.to - b.o.to || a.id.length - b.id.length || cmp(a.id, b.id));

  const byId = new Map<string, DocPhrase>();
  for (const { o, id, extended } of entries) {
    if (id === '') continue;
    let p = byId.get(id);
    if (!p) {
      p = {
        id,
        words: id.split(' '),
        written: o.words,
        surfaces: new Map(),
        count: 0,
        maximalCount: 0,
        firstPos: readingOf(o),
        nounHead: true,
        firstWord: surfaceOf(o).split(' ')[0] ?? '',
        extended: extended === true,
        before: [],
        after: [],
      };
      byId.set(id, p);
    }
    const text = textOf(o);
    if (text !== undefined) {
      p.before.push(wordBefore(text, o.start));
      p.after.push(wordAfter(text, o.end));
    }
    const s = surfaceOf(o);
    p.surfaces.set(s, (p.surfaces.get(s) ?? 0) + 1);
    p.count++;
    if (o.maximal) p.maximalCount++;
    if (!o.nounHead) p.nounHead = false;
  }
  return [...byId.values()];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function wordBefore(text: string, start: number): string {
  const m = /(\S+)\s*$/.exec(text.slice(Math.max(0, start - 40), start));
  if (!m) return '^';
  const w = m[1]!.toLowerCase();
  return /[^\p{L}\p{N}]$/u.test(w) ? w.slice(-1) : w;
}

function wordAfter(text: string, end: number): string {
  const m = /^\s*(\S+)/.exec(text.slice(end, end + 40));
  if (!m) return '$';
  const w = m[1]!.toLowerCase();
  return /^[^\p{L}\p{N}]/u.test(w) ? w.slice(0, 1) : w.replace(/[^\p{L}\p{N}]+$/u, '');
}

/** The most frequent surface form (ties: the shorter, then alphabetical). */
export function bestSurface(p: DocPhrase): string {
  let best = '';
  let bestCount = -1;
  for (const [s, n] of p.surfaces) {
    if (n > bestCount || (n === bestCount && (s.length < best.length || (s.length === best.length && s < best)))) {
      best = s;
      bestCount = n;
    }
  }
  return best || p.id;
}

const PRECEDING_WORD = /(?<![\p{L}\p{N}.-])(\p{L}[\p{L}\p{N}-]*)[ \t]+$/u;

/**
 * Maximal chunks with the generic modifier the chunker strips from their front put back ("optimal control problem",
 * "minimal generating set"): indexers often keep it. Ranking decides whether the longer form wins.
 */
function extensions(paper: RankInput, idOf: (o: FieldOccurrence) => string): Entry[] {
  const out: Entry[] = [];
  for (const o of paper.occurrences) {
    if (!o.maximal) continue;
    const text = o.field === 'title' ? paper.title : paper.abstract;
    if (text === undefined) continue;
    const m = PRECEDING_WORD.exec(text.slice(Math.max(0, o.start - 40), o.start));
    if (!m) continue;
    const word = m[1]!;
    if (!GENERIC_MODIFIERS.has(word.toLowerCase())) continue;
    const start = o.start - m[0].length;
    const added = tokenKeyWords(word, false);
    const ext: FieldOccurrence = {
      ...o,
      words: [...added, ...o.words],
      acronymAt: o.acronymAt.map((i) => i + added.length),
      surface: text.slice(start, o.end),
      start,
      from: o.from - 1,
      length: o.length + 1,
      left: '',
    };
    out.push({ o: ext, id: `${added.join(' ')} ${idOf(o)}`, extended: true });
  }
  return out;
}
