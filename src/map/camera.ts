// Camera moves: frame a node and its neighbourhood inside the part of the map not covered by the panel.
import type { AtlasSigma } from './renderer.ts';

export interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The map area not hidden by floating `covers` (side panel, bottom sheet, full-width header), in container pixels.
 * Covers that span most of the width trim the top or bottom; tall ones on the right trim the right side.
 */
export function visibleArea(container: HTMLElement, covers: readonly DOMRect[]): Area {
  const box = container.getBoundingClientRect();
  const area = { left: 0, top: 0, right: box.width, bottom: box.height };
  for (const cover of covers) {
    if (cover.width === 0 || cover.height === 0) continue;
    const left = cover.left - box.left;
    const top = cover.top - box.top;
    const bottom = cover.bottom - box.top;
    if (cover.width >= box.width * 0.6) {
      if (top <= box.height * 0.1) area.top = Math.max(area.top, bottom);
      else area.bottom = Math.min(area.bottom, top);
    } else if (cover.height >= box.height * 0.6 && left > box.width * 0.3) area.right = Math.min(area.right, left);
  }
  if (area.bottom - area.top < 80) return { left: 0, top: 0, right: box.width, bottom: box.height };
  return area;
}

const reducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Animates the camera so `key` sits in the middle of `area` with `neighbours` in view (within sane zoom bounds). */
export function frameNode(sigma: AtlasSigma, key: string, neighbours: Iterable<string>, area: Area): void {
  const center = sigma.getNodeDisplayData(key);
  if (!center) return;
  const camera = sigma.getCamera();
  const state = camera.getState();
  const unitState = { ...state, ratio: 1, angle: 0 };
  const a = sigma.framedGraphToViewport({ x: 0, y: 0 }, { cameraState: unitState });
  const b = sigma.framedGraphToViewport({ x: 1, y: 1 }, { cameraState: unitState });
  const pxPerUnit = Math.max(Math.abs(b.x - a.x), 1e-6);
  const halfW = Math.max(40, ((area.right - area.left) / 2) * 0.75);
  const halfH = Math.max(40, ((area.bottom - area.top) / 2) * 0.75);
  let needed = 0.25;
  for (const n of neighbours) {
    const d = sigma.getNodeDisplayData(n);
    if (!d) continue;
    needed = Math.max(needed, (Math.abs(d.x - center.x) * pxPerUnit) / halfW, (Math.abs(d.y - center.y) * pxPerUnit) / halfH);
  }
  const ratio = Math.min(1, Math.max(0.12, needed));
  const { width, height } = sigma.getDimensions();
  const target = { x: (area.left + area.right) / 2, y: (area.top + area.bottom) / 2 };
  const centered = { x: center.x, y: center.y, ratio, angle: 0 };
  const q = sigma.viewportToFramedGraph({ x: width - target.x, y: height - target.y }, { cameraState: centered });
  void camera.animate({ x: q.x, y: q.y, ratio, angle: 0 }, { duration: reducedMotion() ? 0 : 550, easing: 'quadraticInOut' });
}
