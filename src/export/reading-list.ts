// Which papers an export holds and one line on why each is there: the selection, else the filtered set.
import type { Atlas } from '../data/atlas.ts';
import { papersInView, type View } from '../data/view.ts';
import { formatFilter } from '../filter/parse.ts';
import type { AppState } from '../state/state.ts';

export interface ReadingItem {
  key: string;
  title: string;
  url: string | undefined;
  authors: readonly string[];
  date: string | undefined;
  /** Why it is in the list, e.g. "Shares KV cache, INT4 with ZipCache". */
  why: string;
}

export interface ReadingList {
  /** What the list is, e.g. "Papers on “KV cache”" or "Papers matching INT4 AND KV cache". */
  title: string;
  items: ReadingItem[];
}

const MAX_NAMES = 4;

function names(atlas: Atlas, keys: readonly string[]): string {
  const shown = keys.slice(0, MAX_NAMES).map((k) => atlas.name(k));
  return shown.join(', ') + (keys.length > MAX_NAMES ? ` and ${keys.length - MAX_NAMES} more` : '');
}

function item(atlas: Atlas, key: string, why: string): ReadingItem | null {
  const p = atlas.paper(key);
  return p ? { key, title: p.title, url: p.url, authors: p.authors ?? [], date: p.date, why } : null;
}

export function readingList(atlas: Atlas, state: AppState, view: View): ReadingList {
  const shown = new Set(papersInView(view));
  const selected = state.selected;
  const paper = selected ? atlas.paper(selected) : undefined;
  const concept = selected ? atlas.concept(selected) : undefined;
  const out: (ReadingItem | null)[] = [];
  let title: string;
  if (selected && paper) {
    title = `${paper.title} and related papers`;
    const own = atlas.mentions(selected).map((m) => m.concept);
    out.push(item(atlas, selected, own.length ? `The selected paper; its concepts: ${names(atlas, own)}.` : 'The selected paper.'));
    for (const r of paper.related) {
      if (atlas.paper(r.key)) out.push(item(atlas, r.key, `Related to the selected paper: shares ${names(atlas, r.shared) || 'its concepts'}.`));
    }
  } else if (selected && concept) {
    title = `Papers on “${concept.label}”`;
    for (const m of atlas.mentions(selected)) {
      const where = m.edge.titleSpans.length ? 'its title' : 'its abstract';
      out.push(item(atlas, m.paper, `Mentions ${concept.label} in ${where}.`));
    }
  } else if (view.outcome.status === 'ok') {
    const expression = formatFilter(view.outcome.ast);
    title = `Papers matching ${expression}`;
    const named = view.outcome.concepts;
    for (const key of papersInView(view)) {
      const has = atlas.mentions(key).map((m) => m.concept).filter((c) => named.has(c));
      out.push(item(atlas, key, has.length ? `Matches the filter ${expression}: mentions ${names(atlas, has)}.` : `Matches the filter ${expression}.`));
    }
  } else {
    const cluster = state.cluster !== null ? atlas.cluster(state.cluster) : undefined;
    title = cluster ? `Papers in the topic “${cluster.label}”` : shown.size === atlas.paperKeys.length ? 'All papers' : 'Papers shown on the map';
    for (const key of papersInView(view)) {
      const p = atlas.paper(key);
      if (!p || (cluster && p.cluster !== cluster.id)) continue;
      const top = atlas.mentions(key).slice(0, 3).map((m) => m.concept);
      const topic = atlas.cluster(p.cluster)?.label;
      out.push(item(atlas, key, `Topic ${topic ?? 'unclustered'}${top.length ? `; about ${names(atlas, top)}` : ''}.`));
    }
  }
  return { title, items: out.filter((i): i is ReadingItem => i !== null) };
}
