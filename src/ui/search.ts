// The search combobox: type to find papers and concepts, arrows + Enter or a click selects one, Escape closes.
import type { Atlas } from '../data/atlas.ts';
import { plural, truncate } from '../data/text.ts';
import type { LiveIndex } from '../search/live-index.ts';
import { search, type SearchHit } from '../search/search-index.ts';
import { select, setSearch, type AppState } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import { el, swatch } from './dom.ts';

export interface SearchElements {
  input: HTMLInputElement;
  list: HTMLUListElement;
  empty: HTMLElement;
  status: HTMLElement;
  /** Says what the search does not cover yet (abstracts still loading). */
  note: HTMLElement;
}

const LIMIT = 9;

export function setupSearch(ui: SearchElements, store: Store<AppState>, atlas: Atlas, live: LiveIndex): () => void {
  const { input, list, empty, status, note } = ui;
  let hits: SearchHit[] = [];
  let active = -1;
  let statusTimer: number | undefined;

  const optionId = (i: number): string => `${list.id}-option-${i}`;
  /** What is not searched yet: all of it before the names are in, then the abstracts still loading. */
  const pending = (): string => {
    if (!live.current()) return 'Search is getting ready: titles and concepts are still loading.';
    const { indexed, total } = live.abstracts();
    if (indexed >= total) return '';
    return `Abstracts are still loading (${indexed.toLocaleString('en')} of ${total.toLocaleString('en')} papers searched): matches in titles and concepts are complete, matches in abstracts may be missing.`;
  };
  const open = (isOpen: boolean): void => {
    list.hidden = !isOpen || hits.length === 0;
    empty.hidden = !isOpen || hits.length > 0 || !input.value.trim();
    note.textContent = isOpen && input.value.trim() ? pending() : '';
    note.hidden = !note.textContent;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };
  const setActive = (i: number): void => {
    active = hits.length ? (i + hits.length) % hits.length : -1;
    list.querySelectorAll<HTMLElement>('[role="option"]').forEach((li, n) => li.setAttribute('aria-selected', String(n === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', optionId(active));
      document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const renderOption = (hit: SearchHit, i: number): HTMLLIElement => {
    const cluster = atlas.cluster(hit.cluster);
    const detail =
      hit.kind === 'concept'
        ? `Concept · ${plural(hit.papers, 'paper')}${hit.via ? ` · matches “${truncate(hit.via, 40)}”` : ''}`
        : hit.where === 'abstract'
          ? `Paper · abstract mentions “${truncate(hit.abstractWord ?? input.value.trim(), 30)}”`
          : `Paper${cluster ? ` · ${truncate(cluster.label, 40)}` : ''}`;
    return el(
      'li',
      { id: optionId(i), role: 'option', class: `option option-${hit.kind}`, 'aria-selected': 'false', 'data-index': i },
      swatch(cluster?.color ?? '#888888', `swatch option-shape option-shape-${hit.kind}`),
      el('span', { class: 'option-text' }, el('span', { class: 'option-name' }, truncate(hit.name, 110)), el('span', { class: 'option-detail' }, detail)),
    );
  };

  const update = (): void => {
    const query = input.value;
    store.set((s) => setSearch(s, query));
    const index = live.current();
    hits = index ? search(index, query, LIMIT) : [];
    list.replaceChildren(...hits.map(renderOption));
    empty.textContent = query.trim() ? `No paper or concept matches “${truncate(query.trim(), 60)}”.` : '';
    // Announced once typing pauses, not on every keystroke.
    window.clearTimeout(statusTimer);
    const found = query.trim() ? (hits.length ? `${plural(hits.length, 'result')} for “${truncate(query.trim(), 60)}”` : 'No results') : '';
    const message = found && pending() ? `${found}. ${pending()}` : found;
    statusTimer = window.setTimeout(() => (status.textContent = message), 350);
    open(true);
    setActive(hits.length ? 0 : -1);
  };

  const choose = (i: number): void => {
    const hit = hits[i];
    if (!hit) return;
    open(false);
    store.set((s) => select(s, hit.key, 'ui'));
  };

  const onKey = (event: KeyboardEvent): void => {
    const isOpen = !list.hidden;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!isOpen) {
        update();
        return;
      }
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!isOpen && input.value.trim()) update();
      choose(active >= 0 ? active : 0);
    } else if (event.key === 'Escape') {
      if (isOpen || !empty.hidden) {
        event.preventDefault();
        open(false);
      } else if (input.value) {
        event.preventDefault();
        input.value = '';
        update();
        open(false);
      }
    }
  };
  const onPointerDown = (event: PointerEvent): void => event.preventDefault(); // keep focus in the input
  const onClick = (event: MouseEvent): void => {
    const li = event.target instanceof Element ? event.target.closest<HTMLElement>('[role="option"]') : null;
    if (li) choose(Number(li.dataset.index));
  };
  // A click in a box that holds text shows its results again; focus alone does not (the panel gives focus back to the
  // box when it closes, and a list popping up then — over the phone's buttons, with its keyboard — is in the way).
  const onPointerUp = (): void => {
    if (input.value.trim() && list.hidden) update();
  };
  const onBlur = (): void => open(false);
  const onSubmit = (event: SubmitEvent): void => event.preventDefault();
  const onGlobalKey = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
    if (event.key === '/' && !typing && !event.metaKey && !event.ctrlKey && !event.altKey) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  };

  // A shared link's search text is back in the box (the list opens on a click in the box, or ArrowDown).
  input.value = store.get().search;
  const onState = (state: AppState, previous: AppState): void => {
    if (state.search !== previous.search && state.search !== input.value && document.activeElement !== input) input.value = state.search;
  };
  const unsubscribe = store.subscribe(onState);
  // More of the index arrived: an open result list is brought up to date.
  const unlisten = live.subscribe(() => {
    if (document.activeElement === input && input.value.trim()) update();
    else if (!note.hidden) open(true);
  });
  input.addEventListener('input', update);
  input.addEventListener('keydown', onKey);
  input.addEventListener('pointerup', onPointerUp);
  input.addEventListener('blur', onBlur);
  input.form?.addEventListener('submit', onSubmit);
  list.addEventListener('pointerdown', onPointerDown);
  list.addEventListener('click', onClick);
  document.addEventListener('keydown', onGlobalKey);
  return () => {
    unsubscribe();
    unlisten();
    window.clearTimeout(statusTimer);
    input.removeEventListener('input', update);
    input.removeEventListener('keydown', onKey);
    input.removeEventListener('pointerup', onPointerUp);
    input.removeEventListener('blur', onBlur);
    input.form?.removeEventListener('submit', onSubmit);
    list.removeEventListener('pointerdown', onPointerDown);
    list.removeEventListener('click', onClick);
    document.removeEventListener('keydown', onGlobalKey);
  };
}
