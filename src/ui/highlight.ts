// Turns [start,end) mention spans into text nodes plus elements (marks/buttons), never into markup strings.
import type { Span } from '../contract/types.ts';
import { append, el } from './dom.ts';

export interface Highlight {
  start: number;
  end: number;
  key: string;
}

/** In-bounds, non-overlapping highlights in text order; where spans overlap, the earlier then the longer wins. */
export function resolveSpans(length: number, sources: { key: string; spans: readonly Span[] }[]): Highlight[] {
  const all: Highlight[] = [];
  for (const { key, spans } of sources) {
    for (const [a, b] of spans) {
      const start = Math.max(0, Math.floor(a));
      const end = Math.min(length, Math.floor(b));
      if (end > start) all.push({ start, end, key });
    }
  }
  all.sort((x, y) => x.start - y.start || y.end - y.start - (x.end - x.start));
  const out: Highlight[] = [];
  let last = 0;
  for (const h of all) {
    if (h.start < last) continue;
    out.push(h);
    last = h.end;
  }
  return out;
}

/** `text` with each highlight replaced by `make(slice, highlight)`. */
export function highlightText(text: string, highlights: readonly Highlight[], make: (slice: string, h: Highlight) => Node): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const h of highlights) {
    if (h.start > at) append(fragment, text.slice(at, h.start));
    fragment.appendChild(make(text.slice(h.start, h.end), h));
    at = h.end;
  }
  if (at < text.length) append(fragment, text.slice(at));
  return fragment;
}

const CONTEXT = 80;

/** A short excerpt around the first mention, with the mention in a <mark>; null when there is no usable span. */
export function snippet(text: string, spans: readonly Span[]): HTMLElement | null {
  const first = resolveSpans(text.length, [{ key: '', spans }])[0];
  if (!first) return null;
  let from = Math.max(0, first.start - CONTEXT);
  let to = Math.min(text.length, first.end + CONTEXT);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < first.start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > first.end) to = space;
  }
  return el(
    'p',
    { class: 'snippet' },
    from > 0 ? '…' : '',
    text.slice(from, first.start),
    el('mark', {}, text.slice(first.start, first.end)),
    text.slice(first.end, to),
    to < text.length ? '…' : '',
  );
}
