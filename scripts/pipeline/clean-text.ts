// Corpus text as it should read: scraped and exported abstracts often carry HTML character references ("Bayes&#39;
// rule", "&quot;…&quot;"), TeX accents ("H\"older", "Erd\H{o}s") and typographic ligatures ("ﬁrst"). They are decoded
// once, when the corpus is read, so the map shows and the extractor reads the words (the app shows text as text, never
// as HTML, so nothing decoded here can become markup).

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014',
  hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', times: '\u00d7', minus: '\u2212',
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;

/** "&#39;" → "'", "&amp;" → "&", "&#x3b1;" → "α"; unknown names and invalid code points stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return Object.hasOwn(NAMED, name) ? NAMED[name]! : whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  });
}

/** TeX accent commands and the combining marks they stand for. */
const ACCENTS: Record<string, string> = { '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307', H: '\u030b', c: '\u0327', v: '\u030c', u: '\u0306' };
/** "\"o", "{\"o}", "\\'{e}", "\\H{o}", "\\c c": an accent command on one letter. */
const TEX_ACCENT = /\{?\\(["'`^~=.]|[Hcvu](?=[{ ]))\s?\{?([a-zA-Z])\}?\}?/g;

/**
 * "H\"older" → "Hölder", "Erd\H{o}s" → "Erdős". An escaped apostrophe stays one: "it\'s", "don\'t" (an acute accent
 * goes on a vowel or c, n, s, z, and never on the s or t of a contraction).
 */
export function decodeTexAccents(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(TEX_ACCENT, (whole: string, accent: string, letter: string, at: number) => {
    const contraction = /\p{L}/u.test(text[at - 1] ?? '') && /[st]/.test(letter);
    if (accent === "'" && (!/[aeiouyAEIOUYcnszCNSZ]/.test(letter) || contraction)) return whole;
    return (letter + ACCENTS[accent]!).normalize('NFC');
  });
}

/** "ﬁ", "ﬂ", "ﬀ": a ligature is its letters. */
const LIGATURES = /[\uFB00-\uFB06]/g;

/** Title or abstract text with references, TeX accents and ligatures decoded. */
export function cleanText(text: string): string {
  return decodeTexAccents(decodeEntities(text)).replace(LIGATURES, (c) => c.normalize('NFKC'));
}
