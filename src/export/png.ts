// The current map as a PNG with its legend: sigma's layers (WebGL and 2D) drawn in order onto one canvas, legend beside them.
import type { ClusterInfo } from '../contract/types.ts';
import { truncate } from '../data/text.ts';
import { mix } from '../map/color.ts';
import type { AtlasSigma } from '../map/renderer.ts';
import type { MapTheme } from '../map/theme.ts';

export interface PngLegend {
  title: string;
  /** A line under the title: the filter or selection shown. */
  subtitle: string;
  clusters: readonly ClusterInfo[];
  hiddenClusters: readonly number[];
}

/** Layers bottom to top, as sigma stacks them (the mouse layer is empty; focusLayer: a reduced map's focus, focus-layer.ts). */
const LAYERS = ['edges', 'edgeLabels', 'nodes', 'labels', 'focusLayer', 'hovers', 'hoverNodes'];
const LEGEND_WIDTH = 300;

export function renderPng(sigma: AtlasSigma, theme: MapTheme, legend: PngLegend): Promise<Blob> {
  // WebGL canvases keep no drawing buffer between frames: render now and copy in the same task.
  sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
  const canvases = sigma.getCanvases();
  const { width, height } = sigma.getDimensions();
  const first = canvases.nodes;
  const scale = first && first.width > 0 ? first.width / width : 1;
  const out = document.createElement('canvas');
  out.width = Math.round((width + LEGEND_WIDTH) * scale);
  out.height = Math.round(Math.max(height, legendHeight(legend)) * scale);
  const ctx = out.getContext('2d');
  if (!ctx) return Promise.reject(new Error('no 2D canvas'));
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, out.width, out.height);
  for (const layer of LAYERS) {
    const canvas = canvases[layer];
    if (canvas && canvas.width > 0 && canvas.height > 0) ctx.drawImage(canvas, 0, 0, canvas.width, canvas.height, 0, 0, width * scale, height * scale);
  }
  ctx.save();
  ctx.scale(scale, scale);
  drawLegend(ctx, theme, legend, width, Math.max(height, legendHeight(legend)));
  ctx.restore();
  return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
}

function legendHeight(legend: PngLegend): number {
  return 150 + legend.clusters.length * 22 + 24;
}

function drawLegend(ctx: CanvasRenderingContext2D, theme: MapTheme, legend: PngLegend, left: number, height: number): void {
  const x = left + 20;
  const font = (weight: number, size: number): string => `${weight} ${size}px ${theme.font}`;
  ctx.fillStyle = theme.card;
  ctx.fillRect(left, 0, LEGEND_WIDTH, height);
  ctx.fillStyle = theme.cardBorder;
  ctx.fillRect(left, 0, 1, height);
  let y = 34;
  ctx.fillStyle = theme.label;
  ctx.font = font(700, 17);
  ctx.fillText(truncate(legend.title, 30), x, y);
  y += 22;
  ctx.fillStyle = theme.labelMuted;
  ctx.font = font(400, 12);
  for (const line of wrap(ctx, legend.subtitle, LEGEND_WIDTH - 40).slice(0, 3)) {
    ctx.fillText(line, x, y);
    y += 16;
  }
  y += 10;
  // Shapes: a paper is a disc, a concept a ring; size is the number of links.
  ctx.font = font(400, 13);
  ctx.fillStyle = theme.labelMuted;
  circle(ctx, x + 7, y - 4, 6, theme.labelMuted);
  ctx.fillStyle = theme.label;
  ctx.fillText('Paper (colour: topic)', x + 22, y);
  y += 22;
  circle(ctx, x + 7, y - 4, 6, theme.labelMuted);
  circle(ctx, x + 7, y - 4, 3.5, mix(theme.labelMuted, theme.card, 0.65));
  ctx.fillStyle = theme.label;
  ctx.fillText('Concept shared by papers', x + 22, y);
  y += 22;
  circle(ctx, x + 4, y - 4, 3, theme.labelMuted);
  circle(ctx, x + 11, y - 4, 5, theme.labelMuted);
  ctx.fillStyle = theme.label;
  ctx.fillText('Size: number of links', x + 22, y);
  y += 30;
  ctx.fillStyle = theme.labelMuted;
  ctx.font = font(700, 11);
  ctx.fillText('TOPICS', x, y);
  y += 20;
  const hidden = new Set(legend.hiddenClusters);
  for (const c of legend.clusters) {
    const off = hidden.has(c.id);
    circle(ctx, x + 6, y - 4, 5, off ? mix(c.color, theme.card, 0.7) : c.color);
    ctx.fillStyle = off ? theme.labelMuted : theme.label;
    ctx.font = font(400, 13);
    ctx.fillText(truncate(c.label, 30) + (off ? ' (hidden)' : ''), x + 20, y);
    ctx.fillStyle = theme.labelMuted;
    const n = String(c.size);
    ctx.fillText(n, left + LEGEND_WIDTH - 20 - ctx.measureText(n).width, y);
    y += 22;
  }
}

function circle(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, color: string): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = color;
  ctx.fill();
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
