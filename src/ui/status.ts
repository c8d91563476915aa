// Page-level messages: the loading note and the error card shown when graph.json cannot be used.
import { el } from './dom.ts';

export function showLoading(root: HTMLElement): void {
  root.replaceChildren(el('p', { class: 'loading', role: 'status' }, 'Loading the map…'));
  root.hidden = false;
}

export function hideStatus(root: HTMLElement): void {
  root.replaceChildren();
  root.hidden = true;
}

export function showError(root: HTMLElement, title: string, details: readonly string[], hint: string): void {
  const list = el('ul', { class: 'error-details' });
  for (const d of details) list.append(el('li', {}, el('code', {}, d)));
  root.replaceChildren(
    el(
      'section',
      { class: 'error-card', role: 'alert', 'aria-labelledby': 'error-title' },
      el('h2', { id: 'error-title' }, title),
      el('p', {}, 'The map needs its data file (atlas.json, or a graph.json) next to this page.'),
      details.length ? list : null,
      el('p', { class: 'error-hint' }, hint),
    ),
  );
  root.hidden = false;
}
