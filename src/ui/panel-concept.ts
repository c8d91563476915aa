// Panel body for a concept: label, long form, aliases, its papers (with the sentence it appears in), co-occurring concepts.
import type { ConceptAttributes } from '../contract/types.ts';
import type { Atlas } from '../data/atlas.ts';
import { count, el, nodeButton, swatch } from './dom.ts';
import { snippet } from './highlight.ts';
import { PANEL_TITLE_ID, section } from './panel-paper.ts';

const TYPE_NAMES: Record<string, string> = { acronym: 'Acronym', token: 'Term', phrase: 'Phrase', word: 'Word' };
const MAX_COOCCURRING = 10;

export function renderConcept(atlas: Atlas, key: string, concept: ConceptAttributes): DocumentFragment {
  const body = document.createDocumentFragment();
  const cluster = atlas.cluster(concept.cluster);
  body.append(
    el(
      'p',
      { class: 'eyebrow' },
      el('span', { class: 'kind kind-concept' }, 'Concept'),
      el('span', { class: 'type-tag' }, TYPE_NAMES[concept.conceptType] ?? concept.conceptType),
      cluster ? el('span', { class: 'cluster-tag' }, swatch(cluster.color), cluster.label) : null,
    ),
    el('h2', { id: PANEL_TITLE_ID, class: 'panel-title', tabindex: -1 }, concept.label),
  );
  if (concept.definition) {
    body.append(el('p', { class: 'definition' }, el('span', { class: 'definition-label' }, 'Stands for '), el('strong', {}, concept.definition)));
  }
  const aliases = concept.aliases.filter((a) => a !== concept.label && a !== concept.definition);
  if (aliases.length) {
    const list = el('ul', { class: 'aliases', role: 'list', 'aria-label': 'Also written as' });
    for (const alias of aliases) list.append(el('li', {}, alias));
    body.append(el('div', { class: 'alias-row' }, el('span', { class: 'alias-label' }, 'Also written as'), list));
  }

  const mentions = atlas.mentions(key);
  const papers = el('ol', { class: 'paper-list', role: 'list' });
  for (const m of mentions) {
    const paper = atlas.paper(m.paper);
    if (!paper) continue;
    const excerpt = snippet(paper.abstract, m.edge.abstractSpans) ?? snippet(paper.title, m.edge.titleSpans);
    papers.append(el('li', {}, nodeButton(m.paper, 'related-title', paper.title), excerpt));
  }
  body.append(section('Papers', mentions.length, papers));

  const together = cooccurring(atlas, key);
  if (together.length) {
    const chips = el('ul', { class: 'chips', role: 'list' });
    for (const [other, n] of together) {
      chips.append(
        el('li', {}, nodeButton(other, 'chip', atlas.name(other), count(n, `shared ${n === 1 ? 'paper' : 'papers'}`))),
      );
    }
    body.append(section('Often together with', null, chips));
  }
  return body;
}

/** Other concepts in this concept's papers, most shared papers first. */
function cooccurring(atlas: Atlas, key: string): [string, number][] {
  const counts = new Map<string, number>();
  for (const m of atlas.mentions(key)) {
    for (const other of atlas.mentions(m.paper)) {
      if (other.concept !== key) counts.set(other.concept, (counts.get(other.concept) ?? 0) + 1);
    }
  }
  return [...counts]
    .filter(([, n]) => n >= 2 || counts.size <= MAX_COOCCURRING)
    .sort((a, b) => b[1] - a[1] || atlas.name(a[0]).localeCompare(atlas.name(b[0])))
    .slice(0, MAX_COOCCURRING);
}
