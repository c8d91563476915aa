// Embed mode (#embed or ?embed): only the map, plus a small "Open full view" link to the same view without embed.
import { el } from './dom.ts';

/** This page without "?embed", with `hash` (the current view, without the embed flag). */
export function fullViewUrl(hash: string, href: string = window.location.href): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  url.hash = hash;
  return url.href;
}

/** `viewHash` gives the current view's hash without the embed flag. */
export function setupEmbed(root: HTMLElement, viewHash: () => string): () => void {
  document.body.classList.add('is-embed');
  const link = el('a', { class: 'embed-link', href: fullViewUrl(viewHash()), target: '_blank', rel: 'noopener' }, 'Open full view', el('span', { class: 'visually-hidden' }, ' (opens in a new tab)'));
  // The view changes as the reader pans and clicks: the link follows at the last moment.
  const refresh = (): void => {
    link.href = fullViewUrl(viewHash());
  };
  link.addEventListener('pointerenter', refresh);
  link.addEventListener('focus', refresh);
  link.addEventListener('click', refresh);
  root.replaceChildren(link);
  root.hidden = false;
  return () => {
    document.body.classList.remove('is-embed');
    root.replaceChildren();
    root.hidden = true;
  };
}
