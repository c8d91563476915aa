// The Export menu: the map as a PNG with its legend, and the selection or filtered set as BibTeX or a Markdown reading list.
import type { Atlas } from '../data/atlas.ts';
import { plural, truncate } from '../data/text.ts';
import type { View } from '../data/view.ts';
import { toBibtex } from '../export/bibtex.ts';
import { download } from '../export/download.ts';
import { toMarkdown } from '../export/markdown.ts';
import { renderPng } from '../export/png.ts';
import { readingList } from '../export/reading-list.ts';
import type { AtlasSigma } from '../map/renderer.ts';
import { readTheme } from '../map/theme.ts';
import type { AppState, Filters } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import { el, listen } from './dom.ts';

export interface ExportOptions {
  sigma: AtlasSigma;
  views: (filters: Filters) => View;
  announce: (message: string) => void;
  /** Lets labels hidden under the page's cards be drawn for the image; returns the undo. */
  unobstructed?: () => () => void;
}

export function setupExport(root: HTMLElement, store: Store<AppState>, atlas: Atlas, options: ExportOptions): () => void {
  const menuId = 'export-menu';
  const toggle = el('button', { type: 'button', class: 'tool-button', 'aria-expanded': 'false', 'aria-controls': menuId }, 'Export');
  const scope = el('p', { class: 'export-scope' });
  const png = el('button', { type: 'button', class: 'menu-item' }, 'Map image (PNG)');
  const bib = el('button', { type: 'button', class: 'menu-item' });
  const md = el('button', { type: 'button', class: 'menu-item' });
  const menu = el('div', { id: menuId, class: 'export-menu', role: 'group', 'aria-label': 'Export', hidden: true }, scope, png, bib, md);
  root.replaceChildren(toggle, menu);

  const list = (): ReturnType<typeof readingList> => readingList(atlas, store.get(), options.views(store.get().filters));
  const open = (isOpen: boolean): void => {
    if (isOpen) {
      const l = list();
      scope.textContent = `Reading list: ${truncate(l.title, 80)}`;
      bib.textContent = `BibTeX (${plural(l.items.length, 'paper')})`;
      md.textContent = `Markdown reading list (${plural(l.items.length, 'paper')})`;
      bib.disabled = md.disabled = l.items.length === 0;
    }
    menu.hidden = !isOpen;
    toggle.setAttribute('aria-expanded', String(isOpen));
  };

  const onToggle = (): void => open(menu.hidden);
  const onPng = (): void => {
    const s = store.get();
    const subtitle = s.filters.query.trim() ? `Filter: ${s.filters.query.trim()}` : s.selected ? `Selected: ${truncate(atlas.name(s.selected), 80)}` : `${plural(atlas.counts.papers, 'paper')} · ${plural(atlas.counts.concepts, 'concept')}`;
    const restore = options.unobstructed?.();
    const made = renderPng(options.sigma, readTheme(), { title: 'Concept Atlas', subtitle, clusters: atlas.clusters, hiddenClusters: s.filters.hiddenClusters });
    restore?.();
    options.sigma.scheduleRender();
    made
      .then((blob) => {
        download(blob, 'concept-atlas.png');
        options.announce('Saved the map as concept-atlas.png');
      })
      .catch((error: unknown) => options.announce(`The image could not be made: ${error instanceof Error ? error.message : String(error)}`));
    open(false);
  };
  const onText = (kind: 'bib' | 'md') => (): void => {
    open(false);
    // Authors, links and dates come with the papers' text (loaded when needed on a big map).
    const keys = list().items.map((item) => item.key);
    atlas.text
      .ensure(keys)
      .then(() => {
        const l = list();
        const text = kind === 'bib' ? toBibtex(l) : toMarkdown(l);
        const name = kind === 'bib' ? 'concept-atlas.bib' : 'concept-atlas-reading-list.md';
        download(new Blob([text], { type: kind === 'bib' ? 'application/x-bibtex' : 'text/markdown' }), name);
        options.announce(`Saved ${plural(l.items.length, 'paper')} as ${name}`);
      })
      .catch((error: unknown) => options.announce(`The list could not be made: ${error instanceof Error ? error.message : String(error)}`));
  };
  const onBib = onText('bib');
  const onMd = onText('md');
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !menu.hidden) {
      event.preventDefault();
      open(false);
      toggle.focus();
    }
  };
  const onOutside = (event: PointerEvent): void => {
    if (!menu.hidden && event.target instanceof Node && !root.contains(event.target)) open(false);
  };

  const unlisten = listen(
    [toggle, 'click', onToggle],
    [png, 'click', onPng],
    [bib, 'click', onBib],
    [md, 'click', onMd],
    [root, 'keydown', onKey],
    [document, 'pointerdown', onOutside],
  );
  return () => {
    unlisten();
    root.replaceChildren();
  };
}
