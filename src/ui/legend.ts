// The legend: what discs, rings and sizes mean, and each topic cluster's colour, name and paper count.
import type { Atlas } from '../data/atlas.ts';
import { plural } from '../data/text.ts';
import { count, el, swatch } from './dom.ts';

export function setupLegend(root: HTMLElement, atlas: Atlas): () => void {
  const { papers, concepts } = atlas.counts;
  const clusters = [...atlas.clusters].sort((a, b) => b.size - a.size || a.label.localeCompare(b.label));
  const details = el('details', { class: 'legend-details' });
  details.open = !window.matchMedia('(max-width: 640px)').matches;
  const summary = el(
    'summary',
    {},
    el('span', { class: 'legend-title' }, 'Legend'),
    el('span', { class: 'legend-stats' }, `${plural(papers, 'paper')} · ${plural(concepts, 'concept')}`),
  );
  const shapes = el(
    'ul',
    { class: 'legend-shapes', role: 'list' },
    el('li', {}, el('span', { class: 'shape shape-paper', 'aria-hidden': 'true' }), el('span', {}, el('strong', {}, 'Paper'), ', coloured by topic')),
    el('li', {}, el('span', { class: 'shape shape-concept', 'aria-hidden': 'true' }), el('span', {}, el('strong', {}, 'Concept'), ' shared by papers')),
    el(
      'li',
      {},
      el('span', { class: 'shape-sizes', 'aria-hidden': 'true' }, el('span', { class: 'shape shape-sm' }), el('span', { class: 'shape shape-lg' })),
      el('span', {}, 'Size: number of links'),
    ),
  );
  const list = el('ul', { class: 'legend-clusters', role: 'list', 'aria-label': 'Topic clusters' });
  for (const c of clusters) {
    list.append(
      el(
        'li',
        { title: c.label },
        swatch(c.color),
        el('span', { class: 'cluster-name' }, c.label),
        count(c.size, c.size === 1 ? 'paper' : 'papers', 'cluster-count'),
      ),
    );
  }
  details.append(summary, el('div', { class: 'legend-body' }, shapes, clusters.length ? el('h2', { class: 'legend-heading' }, 'Topics') : null, list));
  root.replaceChildren(details);
  root.hidden = false;
  return () => root.replaceChildren();
}
