// wink-nlp, made to read every text as if it were the first one.
//
// wink remembers every word it has read: its tokenizer keeps a run such as "6x)" or "LSTM's" whole when the run is
// already in its lexicon and splits it otherwise, so one text's tokens could depend on the texts read before it in the
// same process. That would make a paper's concepts depend on its neighbours in the corpus, and a build on how papers
// were dealt to worker threads. Here wink's lexicon cache is wrapped so that a lookup finds the model's own words and
// the words added while reading the current text, never words learnt from earlier texts. (wink has no option for
// this; the wrap goes through CommonJS's module cache, so wink-nlp must be loaded only through this file.)
import { createRequire } from 'node:module';
import type WinkNLP from 'wink-nlp';
import type { Model } from 'wink-nlp';

const require = createRequire(import.meta.url);

interface WinkCache {
  add(text: string, category: number): number;
  lookup(text: string): number[] | null;
}
type CacheFactory = (model: { features: { lexeme: { hash: Record<string, number>; list: string[]; intrinsicSize: number } } }, featureFn: unknown) => WinkCache;

/** Lexemes (their indexes) from before the current text that it has used again; cleared by `forgetNewWords`. */
const learnt = new Set<number>();
/** The model's own lexemes, and the lexicon's size when the current text began: lexemes from there on are its own. */
let intrinsic = Infinity;
let floor = Infinity;
let lexemes: string[] = [];

const cachePath = require.resolve('wink-nlp/src/cache.js');
const winkPath = require.resolve('wink-nlp');
if (require.cache[winkPath]) throw new Error('wink-nlp was loaded before scripts/pipeline/extract/wink.ts could wrap its cache');
const original = require(cachePath) as CacheFactory;
const wrapped: CacheFactory = (model, featureFn) => {
  const cache = original(model, featureFn);
  const hash = model.features.lexeme.hash;
  lexemes = model.features.lexeme.list;
  intrinsic = model.features.lexeme.intrinsicSize;
  floor = lexemes.length;
  const { add, lookup } = cache;
  // While wink adds a word it looks up its lower-case form for features that only ask "is it the model's own word?":
  // those lookups see everything.
  let adding = false;
  cache.add = (text, category) => {
    adding = true;
    let index: number;
    try {
      index = add(text, category);
    } finally {
      adding = false;
    }
    learnt.add(index);
    const lower = hash[text.toLowerCase()];
    if (lower !== undefined) learnt.add(lower);
    return index;
  };
  cache.lookup = (text) => {
    const found = lookup(text);
    const index = found?.length === 1 ? found[0]! : -1;
    return !adding && index >= intrinsic && index < floor && !learnt.has(index) ? null : found;
  };
  return cache;
};
require.cache[cachePath]!.exports = wrapped;

const winkNLP = require('wink-nlp') as typeof WinkNLP;
const model = require('wink-eng-lite-web-model') as Model;

/** Only sentence boundaries and part-of-speech tags are used: negation, sentiment and entity recognition are skipped. */
export const nlp = winkNLP(model, ['sbd', 'pos']);

/** Call before reading a new text: words learnt from earlier texts are unknown again. */
export function forgetNewWords(): void {
  learnt.clear();
  floor = lexemes.length;
}
