// A reading list as BibTeX (@misc entries): every field escaped, URLs only when http(s), stable unique cite keys.
import { safeHttpUrl } from '../ui/dom.ts';
import type { ReadingList } from './reading-list.ts';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text safe inside a BibTeX braced field: LaTeX specials escaped, line breaks and control characters as spaces. */
export function escapeBibtex(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/[\\{}%&$#_~^]/g, (c) => SPECIAL[c] ?? c)
    .trim();
}

/** "p:zipcache-accurate-…" → "zipcache2024" style keys: ASCII letters and digits only. */
function citeKey(key: string, date: string | undefined, used: Set<string>): string {
  const words = key.replace(/^p:/, '').split(/[^a-z0-9]+/i).filter(Boolean);
  const base = (words.slice(0, 2).join('') || 'paper').slice(0, 30).toLowerCase() + (/\d{4}/.exec(date ?? '')?.[0] ?? '');
  let out = base;
  for (let n = 2; used.has(out); n++) out = `${base}-${n}`;
  used.add(out);
  return out;
}

export function toBibtex(list: ReadingList): string {
  const used = new Set<string>();
  const entries = list.items.map((item) => {
    const fields: [string, string][] = [['title', `{${escapeBibtex(item.title)}}`]];
    if (item.authors.length) fields.push(['author', escapeBibtex(item.authors.join(' and '))]);
    const year = /\d{4}/.exec(item.date ?? '')?.[0];
    if (year) fields.push(['year', year]);
    const url = safeHttpUrl(item.url);
    if (url) fields.push(['url', url.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c))]);
    fields.push(['note', escapeBibtex(item.why)]);
    const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
    return `@misc{${citeKey(item.key, item.date, used)},\n${body}\n}`;
  });
  return `% ${escapeBibtex(list.title)}, exported from Concept Atlas\n\n${entries.join('\n\n')}\n`;
}
