// Panel body for a concept: label, long form, aliases, its papers (with the sentence it appears in), the concepts it most often appears with.
import type { ConceptAttributes } from '../contract/types.ts';
import type { Atlas } from '../data/atlas.ts';
import { definitionLine } from '../data/definition.ts';
import { count, el, nodeButton } from './dom.ts';
import { snippet } from './highlight.ts';
import { clusterButton, PANEL_TITLE_ID, section } from './panel-paper.ts';

const TYPE_NAMES: Record<string, string> = { acronym: 'Acronym', token: 'Term', phrase: 'Phrase', word: 'Word' };

export function renderConcept(atlas: Atlas, key: string, concept: ConceptAttributes): DocumentFragment {
  const body = document.createDocumentFragment();
  const cluster = atlas.cluster(concept.cluster);
  body.append(
    el(
      'p',
      { class: 'eyebrow' },
      el('span', { class: 'kind kind-concept' }, 'Concept'),
      el('span', { class: 'type-tag' }, TYPE_NAMES[concept.conceptType] ?? concept.conceptType),
      cluster ? clusterButton(cluster) : null,
    ),
    el('h2', { id: PANEL_TITLE_ID, class: 'panel-title', tabindex: -1 }, concept.label),
  );
  const line = definitionLine(concept);
  if (line) body.append(el('p', { class: 'definition' }, el('span', { class: 'definition-label' }, line[0]), el('strong', {}, line[1])));
  const aliases = concept.aliases.filter((a) => a !== concept.label && a !== concept.definition && a !== line?.[1]);
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
    // Excerpts need the paper's text; the panel is drawn again when it arrives.
    const excerpt = atlas.text.hasText(m.paper) ? (snippet(paper.abstract, m.edge.abstractSpans) ?? snippet(paper.title, m.edge.titleSpans)) : null;
    papers.append(el('li', {}, nodeButton(m.paper, 'related-title', atlas.name(m.paper)), excerpt));
  }
  body.append(section('Papers', mentions.length, papers));

  const together = atlas.cooccurring(key);
  if (together.length) {
    const chips = el('ul', { class: 'chips', role: 'list' });
    for (const other of together) {
      chips.append(
        el('li', {}, nodeButton(other.key, 'chip', atlas.name(other.key), count(other.papers, `shared ${other.papers === 1 ? 'paper' : 'papers'}`))),
      );
    }
    body.append(section('Often appears with', null, chips));
  }
  return body;
}
