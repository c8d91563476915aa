// Zoom buttons for the map (keyboard and touch friendly): zoom in, zoom out, show everything.
import type { AtlasSigma } from '../map/renderer.ts';
import { el } from './dom.ts';

export function setupZoom(root: HTMLElement, sigma: AtlasSigma): () => void {
  const camera = sigma.getCamera();
  const duration = (): number => (window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 250);
  const button = (label: string, glyph: string, action: () => void): HTMLButtonElement => {
    const b = el('button', { type: 'button', class: 'zoom-button', 'aria-label': label, title: label }, el('span', { 'aria-hidden': 'true' }, glyph));
    b.addEventListener('click', action);
    return b;
  };
  root.replaceChildren(
    button('Zoom in', '+', () => void camera.animatedZoom({ duration: duration() })),
    button('Zoom out', '−', () => void camera.animatedUnzoom({ duration: duration() })),
    button('Show the whole map', '⤢', () => void camera.animatedReset({ duration: duration() })),
  );
  root.hidden = false;
  return () => root.replaceChildren();
}
