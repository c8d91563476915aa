// Safe DOM building: every piece of data becomes a text node or an attribute value, never parsed markup.

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

/** `el('p', { class: 'x' }, 'text', child)`: strings become text nodes; `false`/`null` attributes are left out. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** The URL if it is an absolute http(s) URL, else null (no javascript:, data:, relative tricks). */
export function safeHttpUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link that opens in a new tab, or null when the URL is not http(s). */
export function externalLink(raw: string | undefined, text: string, className?: string): HTMLAnchorElement | null {
  const href = safeHttpUrl(raw);
  if (!href) return null;
  const a = el('a', { href, class: className, target: '_blank', rel: 'noopener noreferrer' }, text);
  return a;
}

/** A button that selects node `key` when clicked (the panel listens for clicks on [data-node]). */
export function nodeButton(key: string, className: string, ...children: Child[]): HTMLButtonElement {
  return el('button', { type: 'button', class: className, 'data-node': key }, ...children);
}

/** A colour from the data, only if it is a plain hex/rgb()/hsl() value (so no url() can reach CSS). */
export function safeColor(color: unknown, fallback = '#888888'): string {
  if (typeof color !== 'string') return fallback;
  const c = color.trim();
  return /^#[0-9a-f]{3,8}$/i.test(c) || /^(rgb|hsl)a?\([\d\s.,%/]+\)$/i.test(c) ? c : fallback;
}

/** A number shown compactly ("7") that screen readers hear in full ("7 papers"). */
export function count(n: number, spoken: string, className = 'chip-count'): HTMLSpanElement {
  return el('span', { class: className }, String(n), el('span', { class: 'visually-hidden' }, ` ${spoken}`));
}

export function swatch(color: string, className = 'swatch'): HTMLSpanElement {
  const span = el('span', { class: className, 'aria-hidden': 'true' });
  span.style.setProperty('--swatch', safeColor(color));
  return span;
}

/** Adds event listeners and returns one function that removes them all (UI parts return it as their cleanup). */
export function listen(...bindings: Array<[EventTarget, string, (event: never) => void]>): () => void {
  for (const [target, type, handler] of bindings) target.addEventListener(type, handler as EventListener);
  return () => {
    for (const [target, type, handler] of bindings) target.removeEventListener(type, handler as EventListener);
  };
}
