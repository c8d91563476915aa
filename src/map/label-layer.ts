// Collision-free node labels: sigma's label pass only queues candidates; after each render they are drawn by priority, skipping overlaps.
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { AtlasSigma } from './renderer.ts';
import type { MapTheme } from './theme.ts';

interface Candidate {
  x: number;
  y: number;
  size: number;
  label: string;
  concept: boolean;
  strong: boolean;
  priority: number;
  fontSize: number;
}

type Box = [number, number, number, number];

const PAD = 3;
const overlaps = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

export interface LabelLayer {
  drawLabel: NodeLabelDrawingFunction;
  cleanup(): void;
}

export function setupLabelLayer(sigma: AtlasSigma, getTheme: () => MapTheme): LabelLayer {
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
    const ctx = context;
    if (!ctx || queue.length === 0) return;
    const theme = getTheme();
    const placed: Box[] = [];
    const viewportWidth = ctx.canvas.clientWidth || Infinity;
    queue.sort((a, b) => b.priority - a.priority);
    ctx.save();
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3.5;
    ctx.strokeStyle = theme.halo;
    for (const c of queue) {
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
    queue = [];
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
