// Colour arithmetic for the map: parse #rgb/#rrggbb/rgb() and mix opaque colours (WebGL blending wants opaque).

export type RGB = [number, number, number];

const cache = new Map<string, RGB | null>();

export function parse(color: string): RGB | null {
  const hit = cache.get(color);
  if (hit !== undefined) return hit;
  let rgb: RGB | null = null;
  const c = color.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(c);
  if (hex?.[1]) {
    const h = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
    rgb = [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  } else {
    const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(c);
    if (m) rgb = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  cache.set(color, rgb);
  return rgb;
}

export function toHex([r, g, b]: RGB): string {
  const h = (v: number): string => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0');
  return `#${h(r)}${h(g)}${h(b)}`;
}

/** `amount` 0 keeps `color`, 1 gives `toward`. Unparseable colours come back unchanged. */
export function mix(color: string, toward: string, amount: number): string {
  const key = `${color}|${toward}|${amount}`;
  const hit = mixCache.get(key);
  if (hit !== undefined) return hit;
  const a = parse(color);
  const b = parse(toward);
  const out = a && b ? toHex([a[0] + (b[0] - a[0]) * amount, a[1] + (b[1] - a[1]) * amount, a[2] + (b[2] - a[2]) * amount]) : color;
  mixCache.set(key, out);
  return out;
}

/** Few distinct inputs (cluster colours × theme backgrounds × a handful of amounts): memoized for the reducers. */
const mixCache = new Map<string, string>();
