// Porter stemmer: M. F. Porter, "An algorithm for suffix stripping", Program 14(3):130-137, 1980.
//
// Follows Porter's own reference implementation (tartarus.org/martin/PorterStemmer), i.e. the 1980 rules plus
// its three documented departures: words of one or two letters are left alone, step 2 maps "-bli" to "-ble"
// (instead of "-abli" to "-able") and adds "-logi" to "-log". This is also what the `stemmer` npm package computes.
// NLTK's default PorterStemmer (used by most published keyphrase evaluations) adds a few extensions of its own
// ("ties"→"tie", "dying"→"die", "sky"/"news" kept whole, …); the difference touches very few phrases.
//
// Input is expected lower-case; characters other than a–z simply count as consonants, as in the reference code.

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Whether w[i] is a consonant: not a vowel, and a 'y' only when it starts the word or follows a vowel. */
function isConsonant(w: string, i: number): boolean {
  const ch = w[i];
  if (ch === undefined || VOWELS.has(ch)) return false;
  if (ch === 'y') return i === 0 || !isConsonant(w, i - 1);
  return true;
}

/** Porter's m: the number of vowel→consonant transitions in s, i.e. n in [C](VC)^n[V]. */
function measure(s: string): number {
  let m = 0;
  let prevVowel = false;
  for (let i = 0; i < s.length; i++) {
    const vowel = !isConsonant(s, i);
    if (prevVowel && !vowel) m++;
    prevVowel = vowel;
  }
  return m;
}

function hasVowel(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isConsonant(s, i)) return true;
  return false;
}

function endsDoubleConsonant(s: string): boolean {
  const n = s.length;
  return n >= 2 && s[n - 1] === s[n - 2] && isConsonant(s, n - 1);
}

/** *o: s ends consonant–vowel–consonant and the last consonant is not w, x or y (e.g. "hop", "fil"). */
function endsCvc(s: string): boolean {
  const n = s.length;
  if (n < 3) return false;
  if (!isConsonant(s, n - 1) || isConsonant(s, n - 2) || !isConsonant(s, n - 3)) return false;
  const last = s[n - 1];
  return last !== 'w' && last !== 'x' && last !== 'y';
}

type Rule = readonly [suffix: string, replacement: string];

/**
 * Applies the rule with the longest matching suffix, if its stem passes `accept`. As in the paper, only that
 * longest suffix is considered: when its condition fails, shorter suffixes are not tried.
 */
function applyLongest(w: string, rules: readonly Rule[], accept: (stem: string, suffix: string) => boolean): string {
  let best: Rule | undefined;
  for (const rule of rules) {
    if (w.endsWith(rule[0]) && (best === undefined || rule[0].length > best[0].length)) best = rule;
  }
  if (best === undefined) return w;
  const stem = w.slice(0, w.length - best[0].length);
  return accept(stem, best[0]) ? stem + best[1] : w;
}

const STEP2: readonly Rule[] = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'],
  ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'],
  ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'],
  ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'],
  ['logi', 'log'],
];

const STEP3: readonly Rule[] = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
];

const STEP4: readonly Rule[] = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate',
  'iti', 'ous', 'ive', 'ize',
].map((s) => [s, ''] as const);

function step1a(w: string): string {
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies')) return w.slice(0, -2);
  if (w.endsWith('ss')) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

function step1b(w: string): string {
  if (w.endsWith('eed')) return measure(w.slice(0, -3)) > 0 ? w.slice(0, -1) : w;
  let stem: string;
  if (w.endsWith('ed')) stem = w.slice(0, -2);
  else if (w.endsWith('ing')) stem = w.slice(0, -3);
  else return w;
  if (!hasVowel(stem)) return w;
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return stem + 'e';
  if (endsDoubleConsonant(stem) && !/[lsz]$/.test(stem)) return stem.slice(0, -1);
  if (measure(stem) === 1 && endsCvc(stem)) return stem + 'e';
  return stem;
}

function step1c(w: string): string {
  return w.endsWith('y') && hasVowel(w.slice(0, -1)) ? w.slice(0, -1) + 'i' : w;
}

function step5(w: string): string {
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) w = stem;
  }
  if (w.endsWith('ll') && measure(w) > 1) w = w.slice(0, -1);
  return w;
}

/** Stems one lower-case word with the Porter (1980) algorithm. */
export function porterStem(word: string): string {
  if (word.length <= 2) return word;
  let w = step1c(step1b(step1a(word)));
  w = applyLongest(w, STEP2, (stem) => measure(stem) > 0);
  w = applyLongest(w, STEP3, (stem) => measure(stem) > 0);
  w = applyLongest(w, STEP4, (stem, suffix) =>
    measure(stem) > 1 && (suffix !== 'ion' || stem.endsWith('s') || stem.endsWith('t')));
  return step5(w);
}
