// The list view: the map as nested lists (topics → concepts → papers, and each topic's papers) for keyboards and screen readers.
import type { Atlas } from '../data/atlas.ts';
import { plural } from '../data/text.ts';
import { papersInView, type View } from '../data/view.ts';
import { hover, select, setListView, type AppState, type Filters } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import { append, el, nodeButton, swatch } from './dom.ts';

export function setupListView(root: HTMLElement, toggle: HTMLButtonElement, store: Store<AppState>, atlas: Atlas, views: (f: Filters) => View): () => void {
  const titleId = 'list-view-title';
  root.setAttribute('aria-labelledby', titleId);
  const summary = el('p', { class: 'list-summary' });
  const tree = el('ul', { class: 'tree', role: 'list' });
  root.replaceChildren(el('div', { class: 'list-head' }, el('h2', { id: titleId, class: 'list-title' }, 'Topics, concepts and papers'), summary), tree);
  /** Topics the reader opened (kept across re-renders). */
  const open = new Set<number>();
  let rendered: View | null = null;

  const paperItem = (key: string): HTMLLIElement => el('li', {}, nodeButton(key, 'tree-item tree-paper', atlas.name(key)));
  const topics = new WeakMap<HTMLDetailsElement, { label: string; papers: string[]; concepts: string[]; shown: ReadonlySet<string> }>();
  const fillTopic = (details: HTMLDetailsElement): void => {
    const t = topics.get(details);
    if (!t || details.childElementCount > 1) return;
    const conceptList = el('ul', { class: 'tree-list', role: 'list', 'aria-label': `Concepts in ${t.label}` });
    for (const k of t.concepts) {
      const n = atlas.mentions(k).filter((m) => t.shown.has(m.paper)).length;
      const sub = el('details', { class: 'tree-concept-papers', 'data-concept': k }, el('summary', {}, plural(n, 'paper')));
      conceptList.append(el('li', { class: 'tree-concept' }, nodeButton(k, 'tree-item tree-concept-name', atlas.name(k)), n ? sub : null));
    }
    append(
      details,
      t.concepts.length ? el('h3', { class: 'tree-heading' }, 'Concepts') : null,
      t.concepts.length ? conceptList : null,
      t.papers.length ? el('h3', { class: 'tree-heading' }, 'Papers') : null,
      t.papers.length ? el('ul', { class: 'tree-list', role: 'list', 'aria-label': `Papers in ${t.label}` }, ...t.papers.map(paperItem)) : null,
    );
    markCurrent(store.get().selected);
  };

  const render = (): void => {
    const state = store.get();
    const view = views(state.filters);
    rendered = view;
    const papers = new Set(papersInView(view));
    const concepts = new Set(view.shownConcepts);
    const filtered = view.matched !== null;
    const items: HTMLLIElement[] = [];
    let topicCount = 0;
    const hiddenClusters = new Set(state.filters.hiddenClusters);
    for (const c of [...atlas.clusters].sort((a, b) => b.size - a.size)) {
      if (hiddenClusters.has(c.id)) continue;
      const members = atlas.members(c.id);
      const clusterPapers = members.papers.filter((k) => papers.has(k));
      const clusterConcepts = members.concepts
        .filter((k) => concepts.has(k) && (!filtered || view.lit?.has(k) || atlas.mentions(k).some((m) => papers.has(m.paper))))
        .sort((a, b) => (atlas.concept(b)?.papers ?? 0) - (atlas.concept(a)?.papers ?? 0) || atlas.name(a).localeCompare(atlas.name(b)));
      if (clusterPapers.length === 0 && clusterConcepts.length === 0) continue;
      topicCount++;
      const details = el(
        'details',
        { class: 'tree-topic', 'data-cluster': c.id },
        el('summary', { class: 'tree-topic-summary' }, swatch(c.color), el('span', { class: 'tree-topic-name' }, c.label), el('span', { class: 'tree-topic-count' }, `${plural(clusterPapers.length, 'paper')}, ${plural(clusterConcepts.length, 'concept')}`)),
      );
      // A topic's lists are built when it is opened (a big corpus has thousands of concepts, few topics open at once).
      topics.set(details, { label: c.label, papers: clusterPapers, concepts: clusterConcepts, shown: papers });
      if (open.has(c.id)) {
        details.open = true;
        fillTopic(details);
      }
      items.push(el('li', {}, details));
    }
    tree.replaceChildren(...items);
    summary.textContent = `${plural(papers.size, 'paper')} and ${plural(concepts.size, 'concept')} in ${plural(topicCount, 'topic')}${filtered || view.hidden.size ? ' (filtered)' : ''}. Open a topic, then choose a paper or concept to read about it.`;
    markCurrent(state.selected);
  };
  const markCurrent = (key: string | null): void => {
    for (const b of tree.querySelectorAll<HTMLElement>('[aria-current]')) b.removeAttribute('aria-current');
    if (key === null) return;
    for (const b of tree.querySelectorAll<HTMLElement>('[data-node]')) if (b.dataset.node === key) b.setAttribute('aria-current', 'true');
  };

  const show = (state: AppState, previous: AppState | null): void => {
    if (previous && state.listView === previous.listView && state.filters === previous.filters && state.selected === previous.selected) return;
    root.hidden = !state.listView;
    toggle.setAttribute('aria-pressed', String(state.listView));
    document.body.classList.toggle('has-list', state.listView);
    if (!state.listView) return;
    if (!rendered || rendered.filters !== state.filters) render();
    else if (!previous || state.selected !== previous.selected) markCurrent(state.selected);
  };

  const onToggle = (): void => {
    const next = !store.get().listView;
    store.set((s) => setListView(s, next));
    if (next) root.querySelector<HTMLElement>('summary, button')?.focus();
  };
  /** Papers under a concept are built when first opened (hundreds of concepts, few opened), before focus moves on. */
  const fill = (sub: HTMLDetailsElement): void => {
    if (sub.childElementCount > 1 || !sub.dataset.concept) return;
    const papers = new Set(papersInView(views(store.get().filters)));
    const its = atlas.mentions(sub.dataset.concept).filter((m) => papers.has(m.paper));
    sub.append(el('ul', { class: 'tree-list', role: 'list' }, ...its.map((m) => paperItem(m.paper))));
    markCurrent(store.get().selected);
  };
  const onClick = (event: MouseEvent): void => {
    const sub = event.target instanceof Element ? event.target.closest('summary')?.parentElement : null;
    if (sub instanceof HTMLDetailsElement && sub.dataset.concept) fill(sub);
    if (sub instanceof HTMLDetailsElement && sub.dataset.cluster) fillTopic(sub);
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-node]') : null;
    const key = target?.dataset.node;
    if (key && atlas.has(key)) store.set((s) => select(hover(s, null), key, 'ui'));
  };
  const onToggleTopic = (event: Event): void => {
    const d = event.target instanceof HTMLDetailsElement ? event.target : null;
    if (d?.open && d.dataset.concept) fill(d);
    if (d?.open && d.dataset.cluster) fillTopic(d);
    if (!d?.dataset.cluster) return;
    const id = Number(d.dataset.cluster);
    if (d.open) open.add(id);
    else open.delete(id);
  };
  // Pointing at an item previews it on the map, as in the panel.
  const onOver = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse') return;
    const key = event.target instanceof Element ? (event.target.closest<HTMLElement>('[data-node]')?.dataset.node ?? null) : null;
    store.set((s) => hover(s, key && atlas.has(key) ? key : null));
  };
  const onLeave = (): void => store.set((s) => hover(s, null));

  toggle.addEventListener('click', onToggle);
  tree.addEventListener('click', onClick);
  tree.addEventListener('toggle', onToggleTopic, true);
  tree.addEventListener('pointerover', onOver);
  tree.addEventListener('pointerleave', onLeave);
  const unsubscribe = store.subscribe(show);
  show(store.get(), null);
  return () => {
    unsubscribe();
    toggle.removeEventListener('click', onToggle);
    tree.removeEventListener('click', onClick);
    tree.removeEventListener('toggle', onToggleTopic, true);
    tree.removeEventListener('pointerover', onOver);
    tree.removeEventListener('pointerleave', onLeave);
  };
}
