// The Filters drawer: concept filter (AND / OR / NOT) with inline errors and match count, papers/concepts toggle, minimum papers slider.
import type { Atlas } from '../data/atlas.ts';
import { plural, truncate } from '../data/text.ts';
import { papersInView, type View } from '../data/view.ts';
import { hasFilters, KIND_FILTERS, resetFilters, setHiddenClusters, setKinds, setMinPapers, setQuery, type AppState, type Filters, type KindFilter } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import { el, listen } from './dom.ts';

/** How long typing in the filter box pauses before the query is applied. */
const TYPING_PAUSE_MS = 150;

const KIND_NAMES: Record<KindFilter, string> = { both: 'Both', papers: 'Papers', concepts: 'Concepts' };

export function setupFilters(drawer: HTMLElement, toggle: HTMLButtonElement, store: Store<AppState>, atlas: Atlas, views: (f: Filters) => View): () => void {
  const counts = atlas.conceptKeys.map((k) => atlas.concept(k)?.papers ?? 0);
  const lowest = Math.max(1, Math.min(...counts, 99));
  const highest = Math.max(lowest + 1, Math.min(Math.max(...counts, 2), 30));

  const input = el('input', {
    id: 'filter-input',
    type: 'text',
    class: 'filter-input',
    placeholder: 'e.g. INT4 AND KV cache',
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': 'filter-help filter-status',
  });
  const status = el('div', { id: 'filter-status', class: 'filter-status', role: 'status', 'aria-live': 'polite' });
  const segments = el('div', { class: 'segments' });
  const kinds = el('fieldset', { class: 'segmented' }, el('legend', { class: 'field-label' }, 'Show'), segments);
  const radios = KIND_FILTERS.map((k) => {
    const radio = el('input', { type: 'radio', name: 'kinds', value: k, id: `kinds-${k}` });
    segments.append(el('span', { class: 'segment' }, radio, el('label', { for: `kinds-${k}` }, KIND_NAMES[k])));
    return radio;
  });
  const slider = el('input', { id: 'min-papers', type: 'range', min: lowest, max: highest, step: 1, 'aria-describedby': 'min-papers-note' });
  const sliderValue = el('output', { for: 'min-papers', class: 'slider-value' });
  const sliderNote = el('p', { id: 'min-papers-note', class: 'field-note' });
  const hiddenNote = el('p', { class: 'field-note hidden-topics' });
  const showAll = el('button', { type: 'button', class: 'link-button' }, 'Show all topics');
  const reset = el('button', { type: 'button', class: 'reset-button' }, 'Reset filters');

  drawer.replaceChildren(
    el(
      'div',
      { class: 'field' },
      el('label', { class: 'field-label', for: 'filter-input' }, 'Concept filter'),
      input,
      el('p', { id: 'filter-help', class: 'field-note' }, 'Concept names joined by AND, OR, NOT (capitals), e.g. ', el('code', {}, 'INR OR PSNR'), '.'),
      status,
    ),
    kinds,
    el('div', { class: 'field' }, el('label', { class: 'field-label', for: 'min-papers' }, 'Concepts shared by at least ', sliderValue, ' papers'), slider, sliderNote),
    el('div', { class: 'field-row' }, hiddenNote, reset),
  );

  const renderStatus = (view: View): void => {
    const o = view.outcome;
    input.setAttribute('aria-invalid', String(o.status === 'error' || o.status === 'unknown'));
    status.className = `filter-status${o.status === 'error' || o.status === 'unknown' ? ' is-error' : ''}`;
    if (o.status === 'empty') status.replaceChildren(`${plural(view.shownPapers.length, 'paper')} and ${plural(view.shownConcepts.length, 'concept')} shown.`);
    else if (o.status === 'error') status.replaceChildren(`Not applied: ${o.error.message}.`);
    else if (o.status === 'unknown') {
      status.replaceChildren('Not applied: ');
      o.unknown.forEach((u, i) => {
        if (i > 0) status.append('; ');
        status.append(`no concept named “${truncate(u.term.name, 40)}”`);
        if (u.suggestion) {
          const use = el('button', { type: 'button', class: 'link-button', 'data-start': u.term.start, 'data-end': u.term.end, 'data-name': u.suggestion }, `use “${truncate(u.suggestion, 40)}”`);
          status.append(' — ', use);
        }
      });
      status.append('.');
    } else {
      const n = papersInView(view).length;
      status.replaceChildren(el('strong', { class: 'match-count' }, plural(n, 'paper')), ` of ${view.shownPapers.length} ${n === 1 ? 'matches' : 'match'}.`);
    }
  };

  const render = (state: AppState, previous: AppState | null): void => {
    const f = state.filters;
    if (previous && f === previous.filters) return;
    const view = views(f);
    if (input.value !== f.query && document.activeElement !== input) input.value = f.query;
    radios.forEach((r) => (r.checked = r.value === f.kinds));
    const min = Math.max(lowest, Math.min(highest, f.minPapers || lowest));
    slider.value = String(min);
    sliderValue.textContent = String(min);
    slider.disabled = f.kinds === 'papers';
    sliderNote.textContent = `${plural(view.shownConcepts.length, 'concept')} of ${atlas.conceptKeys.length.toLocaleString('en')} shown.`;
    hiddenNote.replaceChildren(...(f.hiddenClusters.length ? [`${plural(f.hiddenClusters.length, 'topic')} hidden. `, showAll] : []));
    reset.disabled = !hasFilters(f);
    const active = (f.query.trim() ? 1 : 0) + (f.kinds !== 'both' ? 1 : 0) + (f.minPapers > lowest ? 1 : 0) + (f.hiddenClusters.length ? 1 : 0);
    toggle.replaceChildren('Filters', active ? ' ' : '', active ? el('span', { class: 'badge' }, String(active), el('span', { class: 'visually-hidden' }, ' active')) : '');
    renderStatus(view);
  };

  // Typing is applied once it pauses: a big map re-filters and redraws every node for each query.
  let typing = 0;
  const applyQuery = (): void => {
    window.clearTimeout(typing);
    typing = 0;
    store.set((s) => setQuery(s, input.value));
  };
  /** Another control is used: what was typed applies first. */
  const flush = (): void => {
    if (typing) applyQuery();
  };
  const onInput = (): void => {
    window.clearTimeout(typing);
    typing = window.setTimeout(applyQuery, TYPING_PAUSE_MS);
  };
  const onKind = (event: Event): void => {
    flush();
    const value = (event.target as HTMLInputElement).value as KindFilter;
    store.set((s) => setKinds(s, value));
  };
  const onSlider = (): void => {
    flush();
    const n = Number(slider.value);
    store.set((s) => setMinPapers(s, n <= lowest ? 0 : n));
  };
  const onStatusClick = (event: MouseEvent): void => {
    const b = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('button[data-name]') : null;
    if (!b) return;
    const start = Number(b.dataset.start);
    const end = Number(b.dataset.end);
    const name = b.dataset.name ?? '';
    input.value = `${input.value.slice(0, start)}${/\b(AND|OR|NOT)\b|[()&|!"]/.test(name) ? `"${name.replace(/"/g, '')}"` : name}${input.value.slice(end)}`;
    applyQuery();
    input.focus();
  };
  const onShowAll = (): void => {
    flush();
    store.set((s) => setHiddenClusters(s, []));
  };
  const onReset = (): void => {
    window.clearTimeout(typing);
    input.value = '';
    store.set(resetFilters);
  };
  const onToggle = (): void => {
    flush();
    drawer.hidden = !drawer.hidden;
    toggle.setAttribute('aria-expanded', String(!drawer.hidden));
    if (!drawer.hidden) input.focus();
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && event.target === input) applyQuery();
    if (event.key !== 'Escape' || drawer.hidden) return;
    flush();
    event.preventDefault();
    event.stopPropagation();
    drawer.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.focus();
  };

  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', drawer.id);
  const unlisten = listen(
    [input, 'input', onInput],
    [kinds, 'change', onKind],
    [slider, 'input', onSlider],
    [status, 'click', onStatusClick],
    [showAll, 'click', onShowAll],
    [reset, 'click', onReset],
    [toggle, 'click', onToggle],
    [drawer, 'keydown', onKey],
  );
  const unsubscribe = store.subscribe(render);
  render(store.get(), null);
  // A shared link with filters opens the drawer, so what narrows the map is in view.
  if (hasFilters(store.get().filters) && !window.matchMedia('(max-width: 640px)').matches) {
    drawer.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
  }
  return () => {
    window.clearTimeout(typing);
    unsubscribe();
    unlisten();
  };
}
