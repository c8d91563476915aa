// Panel body for a paper: title, link, its topic, code links, abstract with clickable concept mentions, concepts, related papers.
import type { PaperAttributes } from '../contract/types.ts';
import type { ClusterInfo } from '../contract/types.ts';
import type { Atlas } from '../data/atlas.ts';
import { findCodeLinks } from '../data/code-links.ts';
import { outermost } from '../data/text.ts';
import { count, el, externalLink, nodeButton, swatch } from './dom.ts';
import { highlightText, resolveSpans } from './highlight.ts';

export const PANEL_TITLE_ID = 'panel-title';

export function renderPaper(atlas: Atlas, key: string, paper: PaperAttributes): DocumentFragment {
  const body = document.createDocumentFragment();
  const cluster = atlas.cluster(paper.cluster);
  body.append(
    el(
      'p',
      { class: 'eyebrow' },
      el('span', { class: 'kind kind-paper' }, 'Paper'),
      cluster ? clusterButton(cluster) : null,
    ),
    el('h2', { id: PANEL_TITLE_ID, class: 'panel-title', tabindex: -1 }, paper.title || paper.label),
  );
  const authors = paper.authors?.length ? paper.authors.slice(0, 6).join(', ') + (paper.authors.length > 6 ? ' et al.' : '') : '';
  const meta = [authors, paper.date ?? ''].filter(Boolean).join(' · ');
  if (meta) body.append(el('p', { class: 'meta' }, meta));
  const link = externalLink(paper.url, 'Open paper', 'paper-link');
  if (link) {
    link.append(el('span', { class: 'link-host' }, ` · ${new URL(link.href).hostname}`), el('span', { class: 'visually-hidden' }, ' (opens in a new tab)'));
    body.append(link);
  }

  const code = findCodeLinks(paper.abstract);
  if (code.length) {
    const list = el('ul', { class: 'code-links', role: 'list' });
    for (const c of code) {
      const a = externalLink(c.href, c.text, 'code-link');
      if (!a) continue;
      a.append(el('span', { class: 'visually-hidden' }, ' (opens in a new tab)'));
      list.append(el('li', {}, a));
    }
    if (list.childElementCount) body.append(section('Code', null, list));
  }

  const mentions = atlas.mentions(key);
  if (!atlas.text.hasText(key)) {
    body.append(section('Abstract', null, el('p', { class: 'abstract loading-text', role: 'status' }, 'Loading the abstract…')));
  } else if (paper.abstract) {
    const highlights = resolveSpans(
      paper.abstract.length,
      mentions.map((m) => ({ key: m.concept, spans: m.edge.abstractSpans })),
    );
    const text = highlightText(paper.abstract, highlights, (slice, h) =>
      el('mark', { class: 'mention' }, nodeButton(h.key, 'mention-button', slice)),
    );
    body.append(section('Abstract', null, el('p', { class: 'abstract' }, text)));
  }

  if (mentions.length) {
    const chips = el('ul', { class: 'chips', role: 'list' });
    for (const m of mentions) {
      const concept = atlas.concept(m.concept);
      if (!concept) continue;
      chips.append(
        el(
          'li',
          {},
          nodeButton(m.concept, 'chip', concept.label, count(concept.papers, concept.papers === 1 ? 'paper' : 'papers')),
        ),
      );
    }
    body.append(section('Concepts', mentions.length, chips));
  }
  if (paper.terms.length) {
    body.append(el('p', { class: 'terms' }, el('span', { class: 'terms-label' }, 'Only in this paper: '), paper.terms.join(', ')));
  }

  const related = paper.related.filter((r) => atlas.paper(r.key));
  if (related.length) {
    const list = el('ol', { class: 'related', role: 'list' });
    for (const r of related) {
      const shared = el('p', { class: 'shared' }, el('span', { class: 'shared-label' }, 'Shared: '));
      // "4-bit KV cache" says "KV cache", "4-bit" and "cache" too: only the outermost names are listed.
      const known = r.shared.filter((c) => atlas.concept(c));
      outermost(known, (c) => atlas.name(c)).forEach((c, i) => {
        if (i > 0) shared.append(' ');
        shared.append(nodeButton(c, 'chip chip-small', atlas.name(c)));
      });
      // How strongly: the cosine of the two papers' weighted concept sets, which ranks this list.
      shared.append(
        el('span', { class: 'related-score', title: 'Cosine similarity of the two papers’ concept sets, each concept weighted by how specific it is (0 to 1)' }, `similarity ${r.score.toFixed(2)}`),
      );
      list.append(el('li', {}, nodeButton(r.key, 'related-title', atlas.name(r.key)), shared));
    }
    body.append(section('Related papers', related.length, list));
  }
  return body;
}

/** The paper's or concept's topic: a button that highlights the cluster and frames it on the map. */
export function clusterButton(cluster: ClusterInfo): HTMLButtonElement {
  return el(
    'button',
    { type: 'button', class: 'cluster-tag', 'data-cluster': cluster.id, title: 'Show this topic on the map' },
    swatch(cluster.color),
    el('span', { class: 'visually-hidden' }, 'Topic: '),
    cluster.label,
  );
}

let sectionCount = 0;

/** A titled panel section (h3 + content), labelled for assistive tech. */
export function section(title: string, count: number | null, ...content: Node[]): HTMLElement {
  const id = `panel-section-${++sectionCount}`;
  return el(
    'section',
    { class: 'panel-section', 'aria-labelledby': id },
    el('h3', { id }, title, count === null ? null : el('span', { class: 'count' }, ` ${count}`)),
    ...content,
  );
}
