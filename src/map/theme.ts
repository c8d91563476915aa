// Map colours read from the page's CSS variables, re-read when prefers-color-scheme flips.

export interface MapTheme {
  dark: boolean;
  background: string;
  label: string;
  labelMuted: string;
  halo: string;
  edge: string;
  card: string;
  cardBorder: string;
  font: string;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function readTheme(root: Element = document.documentElement): MapTheme {
  const style = getComputedStyle(root);
  const v = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    dark: window.matchMedia(DARK_QUERY).matches,
    background: v('--map-bg', '#f7f7f5'),
    label: v('--map-label', '#222222'),
    labelMuted: v('--map-label-muted', '#555555'),
    halo: v('--map-halo', '#f7f7f5'),
    edge: v('--map-edge', '#d5d5d5'),
    card: v('--surface', '#ffffff'),
    cardBorder: v('--border-strong', '#cccccc'),
    font: v('--font-sans', 'system-ui, sans-serif'),
  };
}

/** Calls `onChange` with the new theme whenever the colour scheme changes; returns the cleanup. */
export function watchTheme(onChange: (theme: MapTheme) => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  const listener = (): void => onChange(readTheme());
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}
