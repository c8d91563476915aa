// Hover drawer for sigma: a ring around hovered and selected nodes, plus a themed card with the full name for the hovered one.
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from 'sigma/rendering';
import type { MapTheme } from './theme.ts';


const PAPER_WEIGHT = '600';

function font(theme: MapTheme, weight: string, size: number): string {
  return `${weight} ${size}px ${theme.font}`;
}

/**
 * `getRightEdge` is the x where the visible map ends (the panel's left edge when it is open); `getCard` gives the card's
 * two lines for the hovered node (null for others: a selected node gets only the ring).
 */
export function createHoverDrawer(
  getTheme: () => MapTheme,
  getRightEdge: () => number,
  getCard: (key: string) => { title: string; detail: string } | null,
): NodeHoverDrawingFunction {
  return (ctx, raw, settings) => {
    const data = raw;
    const theme = getTheme();
    const card = getCard(data.key);
    const size = settings.labelSize + 1;
    const small = Math.max(10, settings.labelSize - 1);
    const padX = 10;
    const padY = 7;
    // A long title is cut to the map's width (at most 560 px) rather than run off it or under the cards.
    const right = Math.min(getRightEdge(), ctx.canvas.clientWidth || Infinity);
    const room = Math.max(120, Math.min(560, right - 8) - padX * 2);
    ctx.font = font(theme, PAPER_WEIGHT, size);
    const title = fitText(ctx, card?.title || data.label || '', room);
    const titleWidth = ctx.measureText(title).width;
    ctx.font = font(theme, '400', small);
    const detail = fitText(ctx, card?.detail ?? '', room);
    const detailWidth = detail ? ctx.measureText(detail).width : 0;
    const width = Math.ceil(Math.max(titleWidth, detailWidth) + padX * 2);
    const height = Math.ceil(size + (detail ? small + 5 : 0) + padY * 2);

    // The ring around the node.
    ctx.beginPath();
    ctx.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
    ctx.lineWidth = 2;
    ctx.strokeStyle = theme.label;
    ctx.stroke();
    if (!card) return;

    // The card, to the right of the node unless that runs off the canvas.
    let left = data.x + data.size + 8;
    if (left + width > right - 4) left = Math.max(4, data.x - data.size - 8 - width);
    const top = Math.max(4, data.y - height / 2);
    ctx.save();
    ctx.shadowColor = theme.dark ? 'rgba(0,0,0,0.55)' : 'rgba(0,0,0,0.18)';
    ctx.shadowBlur = 12;
    ctx.shadowOffsetY = 2;
    ctx.fillStyle = theme.card;
    roundRect(ctx, left, top, width, height, 8);
    ctx.fill();
    ctx.restore();
    ctx.lineWidth = 1;
    ctx.strokeStyle = theme.cardBorder;
    roundRect(ctx, left + 0.5, top + 0.5, width - 1, height - 1, 8);
    ctx.stroke();

    ctx.fillStyle = theme.label;
    ctx.font = font(theme, PAPER_WEIGHT, size);
    ctx.fillText(title, left + padX, top + padY + size * 0.82);
    if (detail) {
      ctx.fillStyle = theme.labelMuted;
      ctx.font = font(theme, '400', small);
      ctx.fillText(detail, left + padX, top + padY + size + 5 + small * 0.82);
    }
  };
}

/** `text` cut at a word (or character) boundary with an ellipsis so it is at most `width` px in the current font. */
export function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (!text || ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid).trimEnd()}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  const cut = text.slice(0, lo);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > lo * 0.6 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}
