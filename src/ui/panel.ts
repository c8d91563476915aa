// The side panel (<aside>): shows the selected paper or concept; close button and Escape clear the selection.
import type { Atlas } from '../data/atlas.ts';
import { truncate } from '../data/text.ts';
import { clearSelection, focusCluster, hover, select, type AppState } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import { el } from './dom.ts';
import { renderConcept } from './panel-concept.ts';
import { PANEL_TITLE_ID, renderPaper } from './panel-paper.ts';

export interface PanelOptions {
  announce?: (message: string) => void;
  /** Where keyboard focus goes when the panel closes while it had focus. */
  returnFocus?: () => HTMLElement | null;
}

/** A drag of the sheet's grip this far down closes it; a move this small is a tap. */
const SWIPE_CLOSE_PX = 80;
const SWIPE_TAP_PX = 8;

export function setupPanel(aside: HTMLElement, store: Store<AppState>, atlas: Atlas, options: PanelOptions = {}): () => void {
  aside.setAttribute('aria-labelledby', PANEL_TITLE_ID);
  const close = el('button', { type: 'button', class: 'panel-close', 'aria-label': 'Close panel', title: 'Close (Esc)' });
  close.append(el('span', { 'aria-hidden': 'true' }, '×'));
  const grip = el('div', { class: 'panel-grip', 'aria-hidden': 'true' });
  // Once the panel is scrolled, an opaque strip behind the close button hides the text passing under it, and names
  // what the panel shows (its title has scrolled away).
  const shade = el('div', { class: 'panel-shade', 'aria-hidden': 'true' });
  const content = el('div', { class: 'panel-content' });
  aside.replaceChildren(grip, shade, close, content);
  const onScroll = (): void => {
    const scrolled = aside.scrollTop > 4;
    if (scrolled && !aside.classList.contains('panel-scrolled')) shade.textContent = document.getElementById(PANEL_TITLE_ID)?.textContent ?? '';
    aside.classList.toggle('panel-scrolled', scrolled);
  };
  aside.addEventListener('scroll', onScroll, { passive: true });
  /** Where focus was when the panel took it (a list-view item, a search box), to give it back on close. */
  let cameFrom: HTMLElement | null = null;

  /** The text the open panel still waits for (the panel is drawn again when it is in). */
  const waitFor = (key: string, kind: 'paper' | 'concept'): void => {
    const papers = kind === 'paper' ? [key] : atlas.mentions(key).map((m) => m.paper);
    if (atlas.text.namesReady && papers.every((p) => atlas.text.hasText(p))) return;
    void Promise.all([atlas.text.names(), atlas.text.ensure(papers)])
      .then(() => {
        if (store.get().selected !== key) return;
        const hadFocus = content.contains(document.activeElement);
        const node = atlas.node(key);
        if (!node) return;
        content.replaceChildren(node.kind === 'paper' ? renderPaper(atlas, key, node) : renderConcept(atlas, key, node));
        if (hadFocus) document.getElementById(PANEL_TITLE_ID)?.focus({ preventScroll: true });
      })
      .catch((error: unknown) => {
        if (store.get().selected !== key) return;
        content.append(el('p', { class: 'load-error', role: 'alert' }, `The text of this ${kind} could not be loaded: ${error instanceof Error ? error.message : String(error)}`));
      });
  };

  const render = (state: AppState, previous: AppState | null): void => {
    if (previous && state.selected === previous.selected) return;
    const key = state.selected;
    const node = key === null ? undefined : atlas.node(key);
    if (key === null || !node) {
      const hadFocus = aside.contains(document.activeElement);
      aside.hidden = true;
      content.replaceChildren();
      document.body.classList.remove('has-panel');
      const back = cameFrom?.isConnected && !cameFrom.closest('[hidden]') ? cameFrom : options.returnFocus?.();
      // Not into a text box on a touch screen: that would bring up its keyboard over the map.
      if (hadFocus && !(back instanceof HTMLInputElement && window.matchMedia('(pointer: coarse)').matches)) back?.focus();
      cameFrom = null;
      aside.classList.remove('panel-tall');
      return;
    }
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && !aside.contains(active)) cameFrom = active;
    content.replaceChildren(node.kind === 'paper' ? renderPaper(atlas, key, node) : renderConcept(atlas, key, node));
    waitFor(key, node.kind);
    aside.hidden = false;
    document.body.classList.add('has-panel');
    aside.scrollTop = 0;
    content.scrollTop = 0;
    aside.classList.remove('panel-scrolled');
    if (state.via === 'ui') document.getElementById(PANEL_TITLE_ID)?.focus({ preventScroll: true });
    options.announce?.(`${node.kind === 'paper' ? 'Paper' : 'Concept'}: ${truncate(atlas.name(key), 120)}`);
  };

  const onClick = (event: MouseEvent): void => {
    const topic = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-cluster]') : null;
    if (topic) {
      const id = Number(topic.dataset.cluster);
      if (atlas.cluster(id)) store.set((s) => focusCluster(s, id));
      return;
    }
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-node]') : null;
    const key = target?.dataset.node;
    if (key && atlas.has(key)) store.set((s) => select(hover(s, null), key, 'ui'));
  };
  // Pointing at a paper or concept in the panel previews its neighbourhood on the map.
  const onOver = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse') return;
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-node]') : null;
    const key = target?.dataset.node ?? null;
    store.set((s) => hover(s, key && atlas.has(key) ? key : null));
  };
  const onLeave = (): void => store.set((s) => hover(s, null));
  const onClose = (): void => store.set((s) => clearSelection(s, 'ui'));
  // The phone's bottom sheet: dragging its grip down closes it, up (or a tap) gives it most of the screen.
  let drag: { pointer: number; y: number } | null = null;
  const onGripDown = (event: PointerEvent): void => {
    drag = { pointer: event.pointerId, y: event.clientY };
    try {
      grip.setPointerCapture(event.pointerId);
    } catch {
      // A pointer the browser no longer knows (it went up already): the moves simply come to the grip.
    }
  };
  const onGripMove = (event: PointerEvent): void => {
    if (drag?.pointer !== event.pointerId) return;
    const dy = Math.max(0, event.clientY - drag.y);
    aside.style.transform = dy ? `translateY(${dy}px)` : '';
  };
  const onGripUp = (event: PointerEvent): void => {
    if (drag?.pointer !== event.pointerId) return;
    const dy = event.clientY - drag.y;
    drag = null;
    aside.style.transform = '';
    if (dy > SWIPE_CLOSE_PX) onClose();
    else if (dy < -SWIPE_TAP_PX) aside.classList.add('panel-tall');
    else if (Math.abs(dy) <= SWIPE_TAP_PX) aside.classList.toggle('panel-tall');
  };
  const onGripCancel = (): void => {
    drag = null;
    aside.style.transform = '';
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || store.get().selected === null) return;
    event.preventDefault();
    onClose();
  };

  content.addEventListener('click', onClick);
  content.addEventListener('pointerover', onOver);
  content.addEventListener('pointerleave', onLeave);
  close.addEventListener('click', onClose);
  grip.addEventListener('pointerdown', onGripDown);
  grip.addEventListener('pointermove', onGripMove);
  grip.addEventListener('pointerup', onGripUp);
  grip.addEventListener('pointercancel', onGripCancel);
  document.addEventListener('keydown', onKey);
  const unsubscribe = store.subscribe(render);
  render(store.get(), null);

  return () => {
    unsubscribe();
    content.removeEventListener('click', onClick);
    content.removeEventListener('pointerover', onOver);
    content.removeEventListener('pointerleave', onLeave);
    close.removeEventListener('click', onClose);
    aside.removeEventListener('scroll', onScroll);
    grip.removeEventListener('pointerdown', onGripDown);
    grip.removeEventListener('pointermove', onGripMove);
    grip.removeEventListener('pointerup', onGripUp);
    grip.removeEventListener('pointercancel', onGripCancel);
    document.removeEventListener('keydown', onKey);
  };
}
