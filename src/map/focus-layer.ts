// The focused neighbourhood on a reduced map (display.ts): instead of restyling tens of thousands of nodes, a veil over
// the node and label layers fades them all, and the neighbourhood — links, nodes, labels — is drawn again above it on a
// 2D canvas. Hovering then redraws this layer only (a few hundred shapes, whatever the size of the map), never sigma's.
import type { Atlas } from '../data/atlas.ts';
import type { Focus } from './appearance.ts';
import { mix, parse } from './color.ts';
import { drawCandidates, type Box, type Candidate } from './label-layer.ts';
import type { AtlasSigma } from './renderer.ts';
import type { MapTheme } from './theme.ts';

export interface FocusLayerState {
  focus: Focus | null;
  theme: MapTheme;
  nodeScale: number;
  selected: string | null;
  /** Cards over the map (viewport rectangles), where labels would be hidden. */
  blocked: DOMRect[];
}

/** How much the veil fades the rest of the map, and the 2-hop papers (as the reducers do on a full map). */
export const VEIL = 0.86;
export const FAINT = 0.55;
/** Sigma's labelSize (renderer.ts). */
const LABEL_SIZE = 12;

export function setupFocusLayer(sigma: AtlasSigma, atlas: Atlas, get: () => FocusLayerState): { redraw(): void; cleanup(): void } {
  const canvas = sigma.createCanvas('focusLayer', { beforeLayer: 'hovers' });
  canvas.setAttribute('aria-hidden', 'true');
  const ctx = canvas.getContext('2d');
  const draw = (): void => {
    if (!ctx) return;
    const { width, height } = sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const { focus, theme, nodeScale, selected, blocked } = get();
    if (!focus) return;
    const bg = parse(theme.background) ?? [255, 255, 255];
    ctx.fillStyle = `rgba(${bg[0]}, ${bg[1]}, ${bg[2]}, ${VEIL})`;
    ctx.fillRect(0, 0, width, height);
    const at = (key: string): { x: number; y: number } | null => {
      const a = atlas.node(key);
      return a ? sigma.graphToViewport({ x: a.x, y: a.y }) : null;
    };
    ctx.lineCap = 'round';
    for (const link of focus.links) {
      const a = at(link.paper);
      const b = at(link.concept);
      if (!a || !b) continue;
      ctx.strokeStyle = mix(atlas.node(link.paper)?.color ?? theme.edge, theme.background, link.strong ? 0.25 : 0.62);
      ctx.lineWidth = link.strong ? 1.6 : 0.9;
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
      ctx.stroke();
    }
    const labels: Candidate[] = [];
    // Faint papers first, then concepts (rings), then papers (discs) on top, as on the map.
    const order = [...focus.nodes].sort((a, b) => rank(a) - rank(b));
    function rank(key: string): number {
      return focus!.faint.has(key) ? 0 : atlas.node(key)?.kind === 'concept' ? 1 : 2;
    }
    for (const key of order) {
      const a = atlas.node(key);
      const p = at(key);
      if (!a || !p) continue;
      const faint = focus.faint.has(key) ? FAINT : 0;
      const color = mix(a.color, theme.background, faint);
      const r = Math.max(1.5, sigma.scaleSize(a.size * nodeScale));
      ctx.beginPath();
      if (a.kind === 'concept') {
        // Like ring-program.ts: a ring of 0.3 radius in the node colour around a lighter fill.
        const ring = Math.max(1, r * 0.3);
        ctx.arc(p.x, p.y, r - ring / 2, 0, Math.PI * 2);
        ctx.fillStyle = mix(mix(a.color, theme.background, theme.dark ? 0.55 : 0.68), theme.background, faint);
        ctx.fill();
        ctx.lineWidth = ring;
        ctx.strokeStyle = color;
        ctx.stroke();
      } else {
        ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
        ctx.fillStyle = color;
        ctx.fill();
      }
      if (faint) continue;
      // Labels as on a full map: the center first, then its direct neighbours, then related papers, none overlapping.
      const strong = key === focus.center || key === selected;
      labels.push({
        x: p.x,
        y: p.y,
        size: r,
        label: atlas.mapLabel(key),
        concept: a.kind === 'concept',
        strong,
        priority: key === focus.center ? 1000 : key === selected ? 900 : (focus.direct.has(key) ? 200 : 100) + r,
        fontSize: LABEL_SIZE,
      });
    }
    const origin = sigma.getContainer().getBoundingClientRect();
    const placed: Box[] = blocked.filter((b) => b.width > 0 && b.height > 0).map((b) => [b.left - origin.left, b.top - origin.top, b.right - origin.left, b.bottom - origin.top]);
    drawCandidates(ctx, labels, theme, placed);
  };
  sigma.on('afterRender', draw);
  return {
    redraw: draw,
    cleanup() {
      sigma.off('afterRender', draw);
      sigma.killLayer('focusLayer');
    },
  };
}
