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
 * Covers that span most of the width trim the top or bottom; tall ones on the right or left trim that side.
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
    else if (cover.height >= box.height * 0.6 && cover.right - box.left < box.width * 0.45) area.left = Math.max(area.left, cover.right - box.left);
  }
  if (area.right - area.left < 120) return { left: 0, top: 0, right: box.width, bottom: box.height };
  if (area.bottom - area.top < 80) return { left: 0, top: 0, right: box.width, bottom: box.height };
  return area;
}

const reducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Farthest zoom-out of a framing: past the whole map (1) when the panel leaves only part of the screen for it. */
const MAX_RATIO = 1.6;

/**
 * Animates the camera so `key` sits in the middle of `area` with `neighbours` in view (within sane zoom bounds): for a
 * hub whose neighbours spread over the map, further out than the whole map, so fewer are left off-screen.
 */
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
  const ratio = Math.min(MAX_RATIO, Math.max(0.12, needed));
  const { width, height } = sigma.getDimensions();
  const target = { x: (area.left + area.right) / 2, y: (area.top + area.bottom) / 2 };
  const centered = { x: center.x, y: center.y, ratio, angle: 0 };
  const q = sigma.viewportToFramedGraph({ x: width - target.x, y: height - target.y }, { cameraState: centered });
  void camera.animate({ x: q.x, y: q.y, ratio, angle: 0 }, { duration: reducedMotion() ? 0 : 550, easing: 'quadraticInOut' });
}

/** Animates the camera so all of `keys` fit inside `area` (a cluster's papers, a hub and its neighbours). */
export function frameNodes(sigma: AtlasSigma, keys: Iterable<string>, area: Area): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const key of keys) {
    const d = sigma.getNodeDisplayData(key);
    if (!d) continue;
    minX = Math.min(minX, d.x);
    maxX = Math.max(maxX, d.x);
    minY = Math.min(minY, d.y);
    maxY = Math.max(maxY, d.y);
  }
  if (!Number.isFinite(minX)) return;
  const camera = sigma.getCamera();
  const unitState = { ...camera.getState(), ratio: 1, angle: 0 };
  const a = sigma.framedGraphToViewport({ x: 0, y: 0 }, { cameraState: unitState });
  const b = sigma.framedGraphToViewport({ x: 1, y: 1 }, { cameraState: unitState });
  const pxPerUnit = Math.max(Math.abs(b.x - a.x), 1e-6);
  const width = Math.max(80, (area.right - area.left) * 0.85);
  const height = Math.max(80, (area.bottom - area.top) * 0.85);
  const ratio = Math.min(MAX_RATIO, Math.max(0.12, ((maxX - minX) * pxPerUnit) / width, ((maxY - minY) * pxPerUnit) / height));
  const center = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
  const dims = sigma.getDimensions();
  const target = { x: (area.left + area.right) / 2, y: (area.top + area.bottom) / 2 };
  const q = sigma.viewportToFramedGraph({ x: dims.width - target.x, y: dims.height - target.y }, { cameraState: { ...center, ratio, angle: 0 } });
  void camera.animate({ x: q.x, y: q.y, ratio, angle: 0 }, { duration: reducedMotion() ? 0 : 550, easing: 'quadraticInOut' });
}

/** The camera as the URL keeps it: x and y rounded to 4 decimals, ratio to 3. */
export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export function readCamera(sigma: AtlasSigma): CameraView {
  const { x, y, ratio } = sigma.getCamera().getState();
  return { x: Math.round(x * 1e4) / 1e4, y: Math.round(y * 1e4) / 1e4, ratio: Math.round(ratio * 1e3) / 1e3 };
}
