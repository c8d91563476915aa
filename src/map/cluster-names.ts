// Topic names over their region when zoomed out: an anchor per cluster (the trimmed centroid of its papers), drawn by the label layer.
import type { Atlas } from '../data/atlas.ts';
import { truncate } from '../data/text.ts';
import { mix } from './color.ts';
import type { Candidate } from './label-layer.ts';
import type { AtlasSigma } from './renderer.ts';
import type { MapTheme } from './theme.ts';

export interface ClusterAnchor {
  id: number;
  label: string;
  color: string;
  /** Graph coordinates. */
  x: number;
  y: number;
  papers: number;
}

/** Names show while the camera ratio is at least this (the whole map is 1; zooming in lowers it). */
export const CLUSTER_NAMES_MIN_RATIO = 0.45;
const FONT_SIZE = 15;

/** Centroid of the cluster's papers, recomputed without the third farthest from it (outliers pull names into other topics). */
export function clusterAnchors(atlas: Atlas): ClusterAnchor[] {
  const anchors: ClusterAnchor[] = [];
  for (const c of atlas.clusters) {
    if (c.top.length === 0) continue; // "Unclustered papers" has no region
    const points = atlas.members(c.id).papers.flatMap((k) => {
      const p = atlas.paper(k);
      return p ? [{ x: p.x, y: p.y }] : [];
    });
    if (points.length < 2) continue;
    const mean = (ps: { x: number; y: number }[]): { x: number; y: number } => ({
      x: ps.reduce((s, p) => s + p.x, 0) / ps.length,
      y: ps.reduce((s, p) => s + p.y, 0) / ps.length,
    });
    const m = mean(points);
    const dist = (p: { x: number; y: number }): number => Math.hypot(p.x - m.x, p.y - m.y);
    const core = [...points].sort((a, b) => dist(a) - dist(b)).slice(0, Math.max(2, Math.ceil(points.length * 0.67)));
    const center = mean(core);
    anchors.push({ id: c.id, label: shortName(c.label), color: c.color, x: center.x, y: center.y, papers: points.length });
  }
  return anchors;
}

/** "information bottleneck · domain generalization" → "information bottleneck": whole parts of the name, up to ~28 characters. */
export function shortName(label: string, max = 28): string {
  const parts = label.split(' · ');
  let out = parts[0] ?? label;
  for (const part of parts.slice(1)) {
    if (`${out} · ${part}`.length > max) break;
    out = `${out} · ${part}`;
  }
  return truncate(out, max);
}

export interface ClusterNameState {
  theme: MapTheme;
  /** Clusters whose papers are all hidden get no name. */
  hiddenClusters: readonly number[];
  /** The highlighted cluster (drawn first), if any. */
  highlighted: number | null;
  /** A hover or selection is showing: names give way to its labels. */
  focused: boolean;
  /** A filter is lighting some nodes: names give way to their labels too. */
  filtered: boolean;
}

/** Label-layer candidates for the cluster names at the current camera (none when zoomed in). */
export function clusterNameCandidates(sigma: AtlasSigma, anchors: readonly ClusterAnchor[], state: ClusterNameState): Candidate[] {
  // Zoomed in, or a hover or selection is showing its neighbourhood: the names would only crowd its labels.
  if (state.focused || sigma.getCamera().ratio < CLUSTER_NAMES_MIN_RATIO) return [];
  const hidden = new Set(state.hiddenClusters);
  const yieldToOthers = state.filtered;
  const out: Candidate[] = [];
  for (const a of anchors) {
    if (hidden.has(a.id)) continue;
    const p = sigma.graphToViewport({ x: a.x, y: a.y });
    const highlighted = state.highlighted === a.id;
    out.push({
      x: p.x,
      y: p.y,
      size: 0,
      label: a.label,
      concept: false,
      strong: true,
      // Bigger topics claim space first; under a filter, after the labels of what it lit.
      priority: (highlighted ? 6000 : yieldToOthers ? 50 : 5000) + a.papers,
      fontSize: sigma.getContainer().clientWidth < 640 ? FONT_SIZE - 2 : FONT_SIZE,
      // Under a filter the names step back with the faded map.
      area: { color: mix(mix(a.color, state.theme.label, state.theme.dark ? 0.15 : 0.4), state.theme.background, state.filtered ? 0.5 : 0) },
    });
  }
  return out;
}
