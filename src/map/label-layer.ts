// Collision-free node labels: sigma's label pass only queues candidates; after each render they are drawn by priority, skipping overlaps.
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { AtlasSigma } from './renderer.ts';
import type { MapTheme } from './theme.ts';

export interface Candidate {
  x: number;
  y: number;
  size: number;
  label: string;
  concept: boolean;
  strong: boolean;
  priority: number;
  fontSize: number;
  /** A topic name drawn over its region (centred on x, y, in this colour) rather than a node label. */
  area?: { color: string };
}

export type Box = [number, number, number, number];

const PAD = 3;
const overlaps = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

export interface LabelLayer {
  drawLabel: NodeLabelDrawingFunction;
  cleanup(): void;
}

/**
 * `getExtras` adds candidates that are not node labels (cluster names), in viewport pixels; `getBlocked` gives the boxes
 * of cards floating over the map (header, legend, panel), where a label would be hidden, so others get the space.
 */
export function setupLabelLayer(
  sigma: AtlasSigma,
  getTheme: () => MapTheme,
  getExtras: () => Candidate[] = () => [],
  getBlocked: () => DOMRect[] = () => [],
): LabelLayer {
  let queue: Candidate[] = [];
  let context: CanvasRenderingContext2D | null = null;

  const drawLabel: NodeLabelDrawingFunction = (ctx, data, settings) => {
    if (!data.label) return;
    context = ctx;
    const extra = data as typeof data & { kind?: string; labelPriority?: number; labelStrong?: boolean };
    queue.push({
      x: data.x,
      y: data.y,
      size: data.size,
      label: data.label,
      concept: extra.kind === 'concept',
      strong: extra.labelStrong === true,
      priority: extra.labelPriority ?? data.size,
      fontSize: settings.labelSize,
    });
  };

  const onBeforeRender = (): void => {
    queue = [];
  };
  const onAfterRender = (): void => {
    const ctx = context ?? sigma.getCanvases().labels?.getContext('2d') ?? null;
    queue.push(...getExtras());
    let areas = 0;
    if (!ctx || queue.length === 0) {
      sigma.getContainer().dataset.areaLabels = '0';
      return;
    }
    const origin = sigma.getContainer().getBoundingClientRect();
    const placed: Box[] = getBlocked()
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => [r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top]);
    areas = drawCandidates(ctx, queue, getTheme(), placed);
    queue = [];
    // How many topic names made it onto the map (the map is a canvas: tests and tools read this).
    sigma.getContainer().dataset.areaLabels = String(areas);
  };

  sigma.on('beforeRender', onBeforeRender);
  sigma.on('afterRender', onAfterRender);
  return {
    drawLabel,
    cleanup() {
      sigma.off('beforeRender', onBeforeRender);
      sigma.off('afterRender', onAfterRender);
    },
  };
}

/**
 * Draws label candidates by priority, skipping any that would overlap one already placed (or a box in `placed`, which
 * grows); returns how many topic names were drawn.
 */
export function drawCandidates(ctx: CanvasRenderingContext2D, candidates: Candidate[], theme: MapTheme, placed: Box[]): number {
  let areas = 0;
  const viewportWidth = ctx.canvas.clientWidth || Infinity;
  candidates.sort((a, b) => b.priority - a.priority);
  ctx.save();
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3.5;
  ctx.strokeStyle = theme.halo;
  for (const c of candidates) {
      if (c.area) {
        ctx.font = `700 ${c.fontSize}px ${theme.font}`;
        const width = ctx.measureText(c.label).width;
        const x = Math.max(4, Math.min(viewportWidth - 4 - width, c.x - width / 2));
        const y = c.y + c.fontSize / 3;
        // A wide margin keeps node labels from crowding the name into a smear.
        const box: Box = [x - 12, y - c.fontSize - 8, x + width + 12, y + c.fontSize * 0.4 + 8];
        if (placed.some((p) => overlaps(p, box))) continue;
        placed.push(box);
        ctx.lineWidth = 5;
        ctx.strokeText(c.label, x, y);
        ctx.fillStyle = c.area.color;
        ctx.fillText(c.label, x, y);
        ctx.lineWidth = 3.5;
        areas++;
        continue;
      }
      const size = c.strong ? c.fontSize + 1 : c.fontSize;
      ctx.font = `${c.strong ? '700' : c.concept ? '400' : '600'} ${size}px ${theme.font}`;
      const width = ctx.measureText(c.label).width;
      // Right of the node; if that runs off the map, left of it; if neither fits, centred below it.
      let x = c.x + c.size + 4;
      let y = c.y + size / 3;
      if (x + width > viewportWidth - 2) {
        if (c.x - c.size - 4 - width >= 2) x = c.x - c.size - 4 - width;
        else {
          x = Math.max(2, Math.min(viewportWidth - 2 - width, c.x - width / 2));
          y = c.y + c.size + size + 2;
        }
      }
      const box: Box = [x - PAD, y - size * 0.85 - PAD, x + width + PAD, y + size * 0.3 + PAD];
      if (placed.some((p) => overlaps(p, box))) continue;
      placed.push(box);
      ctx.strokeText(c.label, x, y);
      ctx.fillStyle = c.concept && !c.strong ? theme.labelMuted : theme.label;
      ctx.fillText(c.label, x, y);
    }
  ctx.restore();
  return areas;
}
