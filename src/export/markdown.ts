// A reading list as Markdown: a numbered list of titles (linked when the paper has an http(s) URL) with why each is there.
import { safeHttpUrl } from '../ui/dom.ts';
import type { ReadingList } from './reading-list.ts';

/** Inline text that Markdown shows as written (no emphasis, links, HTML or code): its markup characters backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .trim();
}

export function toMarkdown(list: ReadingList): string {
  const lines = [`# Reading list: ${escapeMarkdown(list.title)}`, '', `${list.items.length} ${list.items.length === 1 ? 'paper' : 'papers'}, exported from Concept Atlas.`, ''];
  list.items.forEach((item, i) => {
    const title = escapeMarkdown(item.title);
    const url = safeHttpUrl(item.url);
    // Parentheses, spaces and angle brackets in the URL are percent-encoded so the link cannot be cut short.
    const linked = url ? `[${title}](${url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})` : `**${title}**`;
    lines.push(`${i + 1}. ${linked} — ${escapeMarkdown(item.why)}`);
  });
  return `${lines.join('\n')}\n`;
}
