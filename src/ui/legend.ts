// The legend: what colour, size and shape mean, and each topic cluster: a button that focuses it and a show/hide toggle.
import type { Atlas } from '../data/atlas.ts';
import { plural } from '../data/text.ts';
import { focusCluster, setClusterHidden, type AppState } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import { count, el, swatch } from './dom.ts';

export function setupLegend(root: HTMLElement, store: Store<AppState>, atlas: Atlas): () => void {
  const { papers, concepts } = atlas.counts;
  const clusters = [...atlas.clusters].sort((a, b) => b.size - a.size || a.label.localeCompare(b.label));
  const details = el('details', { class: 'legend-details' });
  details.open = !window.matchMedia('(max-width: 640px)').matches;
  const summary = el(
    'summary',
    {},
    el('span', { class: 'legend-title' }, 'Legend'),
    // Each count keeps its noun: a narrow legend breaks the line at the "·" ("4,820 papers · / 10,188 concepts").
    el('span', { class: 'legend-stats' }, `${plural(papers, 'paper').replace(' ', '\u00a0')} · ${plural(concepts, 'concept').replace(' ', '\u00a0')}`),
  );
  const shapes = el(
    'ul',
    { class: 'legend-shapes', role: 'list' },
    el('li', {}, el('span', { class: 'shape shape-paper', 'aria-hidden': 'true' }), el('span', {}, el('strong', {}, 'Paper'), '; colour: its topic')),
    el('li', {}, el('span', { class: 'shape shape-concept', 'aria-hidden': 'true' }), el('span', {}, el('strong', {}, 'Concept'), ' shared by papers')),
    el(
      'li',
      {},
      el('span', { class: 'shape-sizes', 'aria-hidden': 'true' }, el('span', { class: 'shape shape-sm' }), el('span', { class: 'shape shape-lg' })),
      el('span', {}, 'Size: number of links'),
    ),
  );
  const list = el('ul', { class: 'legend-clusters', role: 'list', 'aria-label': 'Topics' });
  const rows = new Map<number, { focus: HTMLButtonElement; toggle: HTMLInputElement; li: HTMLLIElement }>();
  for (const c of clusters) {
    const id = `legend-show-${c.id}`;
    const toggle = el('input', { type: 'checkbox', id, class: 'cluster-toggle', 'data-cluster': c.id, checked: true, 'aria-label': `Show ${c.label}` });
    const focus = el(
      'button',
      { type: 'button', class: 'cluster-focus', 'data-cluster': c.id, 'aria-pressed': 'false', title: `Zoom to ${c.label}` },
      swatch(c.color),
      el('span', { class: 'cluster-name' }, c.label),
      count(c.size, c.size === 1 ? 'paper' : 'papers', 'cluster-count'),
    );
    const li = el('li', { class: 'legend-cluster' }, toggle, focus);
    rows.set(c.id, { focus, toggle, li });
    list.append(li);
  }
  details.append(
    summary,
    el(
      'div',
      { class: 'legend-body' },
      shapes,
      clusters.length ? el('h2', { class: 'legend-heading', id: 'legend-topics' }, 'Topics') : null,
      clusters.length ? el('p', { class: 'legend-hint' }, 'Click a topic to zoom to it; untick it to hide it.') : null,
      list,
    ),
  );
  root.replaceChildren(details);
  root.hidden = false;

  const render = (state: AppState, previous: AppState | null): void => {
    if (previous && state.filters.hiddenClusters === previous.filters.hiddenClusters && state.cluster === previous.cluster) return;
    const hidden = new Set(state.filters.hiddenClusters);
    for (const [id, row] of rows) {
      row.toggle.checked = !hidden.has(id);
      row.li.classList.toggle('is-hidden', hidden.has(id));
      row.focus.setAttribute('aria-pressed', String(state.cluster === id));
    }
  };
  const onClick = (event: MouseEvent): void => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('button.cluster-focus') : null;
    if (!button) return;
    const id = Number(button.dataset.cluster);
    // Pressing the highlighted topic again lets it go.
    store.set((s) => (s.cluster === id ? focusCluster(s, null) : focusCluster(s, id)));
  };
  const onChange = (event: Event): void => {
    const box = event.target instanceof HTMLInputElement ? event.target : null;
    if (!box?.dataset.cluster) return;
    const id = Number(box.dataset.cluster);
    store.set((s) => setClusterHidden(s, id, !box.checked));
  };
  list.addEventListener('click', onClick);
  list.addEventListener('change', onChange);
  const unsubscribe = store.subscribe(render);
  render(store.get(), null);
  return () => {
    unsubscribe();
    list.removeEventListener('click', onClick);
    list.removeEventListener('change', onChange);
    root.replaceChildren();
  };
}
