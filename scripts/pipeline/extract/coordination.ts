// Terms written in shorthand: coordination ("weight and activation quantization" is weight quantization and
// activation quantization) and verbs of a term ("we quantize the weights" mentions quantization).
import type { Occurrence } from './candidates.ts';
import type { Token } from './tokens.ts';
import { isAcronymLike, isTechnicalToken, tokenKeyWords } from './terms.ts';

/** Nouns that name a whole process: "classification and object detection" is not "classification detection". */
const PROCESS_NOUN = /(tion|sion|ment|ing|ance|ence|ity|ness|ism|sis|ure)$/i;

/**
 * For "X and Y Z" where X is one modifier-like word and "Y Z" a chunk right after the conjunction, also offers "X Z".
 * The new occurrence spans "X and Y Z" and is its own chunk.
 */
export function coordinated(text: string, tokens: Token[], found: Array<[number, number]>, chunkBase: number): Occurrence[] {
  const out: Occurrence[] = [];
  for (let k = 0; k + 1 < found.length; k++) {
    const [a0, a1] = found[k]!;
    const [b0, b1] = found[k + 1]!;
    const x = tokens[a0]!;
    const conj = tokens[a1];
    if (a1 - a0 !== 1 || b0 !== a1 + 1 || b1 - b0 < 2 || !conj || !/^(and|or)$/i.test(conj.text)) continue;
    if (PROCESS_NOUN.test(x.text) || x.pos === 'VERB') continue;
    const rest = tokens.slice(b0 + 1, b1);
    const technical = [x, ...rest].some((t) => isAcronymLike(t.text) || isTechnicalToken(t.text));
    const words = [...tokenKeyWords(x.text, false), ...rest.flatMap((t, i) => tokenKeyWords(t.text, i === rest.length - 1))];
    const acronymAt = isAcronymLike(x.text) ? [0] : [];
    let at = tokenKeyWords(x.text, false).length;
    for (const t of rest) {
      if (isAcronymLike(t.text)) acronymAt.push(at);
      at += tokenKeyWords(t.text, false).length;
    }
    const last = tokens[b1 - 1]!;
    out.push({
      words,
      acronymAt,
      // Named as the term it stands for ("weight quantization"); the span still covers "weight and activation quantization".
      surface: `${x.text} ${text.slice(rest[0]!.start, last.end)}`,
      start: x.start,
      end: last.end,
      chunk: chunkBase + k,
      from: 0,
      to: 1 + rest.length,
      length: 1 + rest.length,
      maximal: true,
      technical,
      left: '',
      right: '',
      nounHead: true,
      hyphenated: false,
    });
  }
  return out;
}

/** Verb stems whose noun is a term: "quantize" → quantization, "prune" → pruning, "distill" → distillation. */
function nounOfVerb(verb: string): string | undefined {
  const v = verb.toLowerCase();
  const ize = /^(quant|normal|regular|token|binar|discret|vector|parameter|reparameter|linear|random)i[sz](e|es|ed|ing)$/.exec(v);
  if (ize) return `${ize[1]}ization`;
  const known: Array<[RegExp, string]> = [
    [/^prun(e|es|ed|ing)$/, 'pruning'],
    [/^distill(s|ed|ing)?$/, 'distillation'],
    [/^compress(es|ed|ing)?$/, 'compression'],
    [/^fine-?tun(e|es|ed)$/, 'fine-tuning'],
  ];
  return known.find(([re]) => re.test(v))?.[1];
}

/** A verb outside every chunk that names a term's process, as a derived one-word occurrence of that term. */
export function nominalized(text: string, tokens: Token[], found: Array<[number, number]>): Occurrence[] {
  const inChunk = new Set<number>();
  for (const [a, b] of found) for (let i = a; i < b; i++) inChunk.add(i);
  const out: Occurrence[] = [];
  tokens.forEach((t, i) => {
    if (t.pos !== 'VERB' || inChunk.has(i)) return;
    const noun = nounOfVerb(t.text);
    if (!noun) return;
    out.push({
      words: tokenKeyWords(noun, true),
      acronymAt: [],
      surface: text.slice(t.start, t.end),
      start: t.start,
      end: t.end,
      chunk: -1 - i,
      from: 0,
      to: 1,
      length: 1,
      maximal: false,
      technical: false,
      derived: true,
      left: '',
      right: '',
      nounHead: false,
      hyphenated: false,
    });
  });
  return out;
}
