// Pure appearance rules: the focused neighbourhood, and each node's and edge's display data for sigma's reducers.
import type { Attributes } from 'graphology-types';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { Atlas } from '../data/atlas.ts';
import { truncate } from '../data/text.ts';
import { mix } from './color.ts';
import type { MapTheme } from './theme.ts';

/** The hovered (else selected) node and what is shown with it. */
export interface Focus {
  readonly center: string;
  /** Every node whose looks change: center, neighbours, related papers and the faint 2-hop papers. */
  readonly nodes: ReadonlySet<string>;
  /** Papers reached through the center's concepts (paper → concept → paper) that are not related papers: drawn faintly. */
  readonly faint: ReadonlySet<string>;
  /** The center and its direct neighbours (their labels win space before related papers'). */
  readonly direct: ReadonlySet<string>;
  /** Edges touching the center. */
  readonly strong: ReadonlySet<string>;
  /** Edges from related papers to the concepts they share with the center. */
  readonly weak: ReadonlySet<string>;
  /** The same edges by their ends (a reduced map draws them itself: focus-edges.ts). */
  readonly links: readonly { paper: string; concept: string; strong: boolean }[];
}

/** The 2-hop walk skips concepts used by more papers than this (they would light half of a big map) … */
const FAINT_VIA_MAX_PAPERS = 60;
/** … and stops at this many papers. */
const FAINT_MAX = 400;

export interface AppearanceContext {
  readonly atlas: Atlas;
  readonly theme: MapTheme;
  readonly focus: Focus | null;
  readonly selected: string | null;
  readonly hovered: string | null;
  /** Node size multiplier (smaller on small screens, where the whole map is squeezed into a few hundred pixels). */
  readonly nodeScale: number;
  /** Nodes the filters hide (the selection is always drawn). */
  readonly hidden: ReadonlySet<string>;
  /** Nodes that stay lit (concept filter matches, highlighted cluster); the rest fade. Null: everything is lit. */
  readonly lit: ReadonlySet<string> | null;
  /**
   * A reduced map (display.ts): a focus does not restyle the nodes outside it — a veil fades them all and the
   * neighbourhood is drawn again above it (focus-layer.ts) — so hovering costs the neighbourhood, not the map.
   */
  readonly veil?: boolean;
}

/** Extra display fields read by the ring program and the label drawers. */
export interface AtlasDisplayData extends NodeDisplayData {
  kind: 'paper' | 'concept';
  fill: string;
  /** Order in which labels claim space (higher first), and whether the label is bold. */
  labelPriority: number;
  labelStrong: boolean;
}

const FADE = 0.86;
/** Papers two hops away while hovering: visible, but well behind the neighbourhood. */
const FAINT = 0.55;
/** Nodes outside a concept filter or highlighted cluster. */
const DIM = 0.8;

export function focusOf(atlas: Atlas, center: string): Focus | null {
  const a = atlas.node(center);
  if (!a) return null;
  const nodes = new Set<string>([center]);
  const direct = new Set<string>([center]);
  const strong = new Set<string>();
  const weak = new Set<string>();
  const faint = new Set<string>();
  const links: { paper: string; concept: string; strong: boolean }[] = [];
  for (const m of atlas.mentions(center)) {
    const other = a.kind === 'paper' ? m.concept : m.paper;
    nodes.add(other);
    direct.add(other);
    strong.add(m.key);
    links.push({ paper: m.paper, concept: m.concept, strong: true });
  }
  if (a.kind === 'paper') {
    for (const r of a.related) {
      if (!atlas.has(r.key)) continue;
      nodes.add(r.key);
      const shared = new Set(r.shared);
      for (const m of atlas.mentions(r.key)) {
        if (!shared.has(m.concept)) continue;
        weak.add(m.key);
        links.push({ paper: m.paper, concept: m.concept, strong: false });
      }
    }
    // 2-hop: other papers that mention one of this paper's concepts (through specific concepts, up to FAINT_MAX).
    walk: for (const m of atlas.mentions(center)) {
      const papers = atlas.mentions(m.concept);
      if (papers.length > FAINT_VIA_MAX_PAPERS) continue;
      for (const p of papers) {
        if (faint.size >= FAINT_MAX) break walk;
        if (!nodes.has(p.paper)) faint.add(p.paper);
      }
    }
    for (const p of faint) nodes.add(p);
  }
  return { center, nodes, faint, direct, strong, weak, links };
}

export function nodeAppearance(key: string, data: Attributes, ctx: AppearanceContext): Partial<AtlasDisplayData> {
  const { atlas, theme, selected } = ctx;
  // Under a veil the node layer keeps its unfocused looks: focus-layer.ts draws the neighbourhood above it.
  const focus = ctx.veil ? null : ctx.focus;
  const kind: 'paper' | 'concept' = data.kind === 'concept' ? 'concept' : 'paper';
  const type = kind === 'concept' ? 'ring' : 'circle';
  if (ctx.hidden.has(key) && key !== selected) return { ...data, type, hidden: true, label: null };
  const base = String(data.color);
  const fillAmount = theme.dark ? 0.55 : 0.68;
  let color = base;
  let fill = kind === 'concept' ? mix(base, theme.background, fillAmount) : base;
  let label: string | null = atlas.mapLabel(key);
  const size = (typeof data.size === 'number' ? data.size : 4) * ctx.nodeScale;
  let zIndex = kind === 'paper' ? 1 : 0;
  let priority = size;
  let forceLabel = false;
  const inFocus = !focus || (focus.nodes.has(key) && !focus.faint.has(key));
  if (focus && !inFocus) {
    const amount = focus.faint.has(key) ? FAINT : FADE;
    color = mix(color, theme.background, amount);
    fill = mix(fill, theme.background, amount);
    label = null;
    zIndex = amount === FAINT ? 0 : -1;
  } else if (!focus && ctx.lit && !ctx.lit.has(key)) {
    color = mix(color, theme.background, DIM);
    fill = mix(fill, theme.background, DIM);
    label = null;
    zIndex = -1;
  } else if (!focus && ctx.lit) {
    // Lit by a filter: labels win space over the faded rest.
    zIndex += 2;
    priority += 100;
    forceLabel = true;
  } else if (focus) {
    // The whole neighbourhood competes for label space (label-layer.ts drops overlaps), strongest links first.
    zIndex += focus.center === key ? 4 : 2;
    forceLabel = true;
    priority += focus.direct.has(key) ? 200 : 100;
  }
  const isSelected = key === selected;
  const isCenter = ctx.focus?.center === key;
  if (isSelected || isCenter) priority = isCenter ? 1000 : 900;
  return {
    ...data,
    kind,
    type,
    size,
    color,
    fill,
    label: isSelected || isCenter ? atlas.mapLabel(key) : label,
    zIndex: isSelected ? 6 : zIndex,
    forceLabel: forceLabel || isSelected,
    highlighted: isSelected || isCenter,
    labelPriority: priority,
    labelStrong: isSelected || isCenter,
  };
}

/** The paper's colour and both ends of an edge (the display graph's edge attributes: display.ts). */
export interface EdgeInfo {
  paperColor: string;
  source: string;
  target: string;
}

export function edgeAppearance(edge: string, data: Attributes, info: EdgeInfo | undefined, ctx: AppearanceContext): Partial<EdgeDisplayData> {
  const { theme, focus, lit } = ctx;
  const paperColor = info?.paperColor ?? theme.edge;
  const weight = typeof data.weight === 'number' ? data.weight : 1;
  const size = 0.5 + Math.min(weight, 8) * 0.12;
  if (!focus) {
    if (lit && info && !(lit.has(info.source) && lit.has(info.target))) return { ...data, hidden: true, label: null };
    if (lit) return { ...data, color: mix(paperColor, theme.background, 0.55), size, zIndex: 1, label: null };
    return { ...data, color: theme.edge, size, zIndex: 0, label: null };
  }
  if (focus.strong.has(edge)) return { ...data, color: mix(paperColor, theme.background, 0.25), size: size + 0.8, zIndex: 2, label: null };
  if (focus.weak.has(edge)) return { ...data, color: mix(paperColor, theme.background, 0.62), size, zIndex: 1, label: null };
  return { ...data, hidden: true, label: null };
}

const hoverTexts = new WeakMap<Atlas, Map<string, { title: string; detail: string; named: boolean }>>();

/** The hover card's two lines for a node, computed once (again once the titles are in). */
export function hoverText(key: string, atlas: Atlas): { title: string; detail: string } {
  let cache = hoverTexts.get(atlas);
  if (!cache) hoverTexts.set(atlas, (cache = new Map()));
  let text = cache.get(key);
  if (!text || text.named !== atlas.text.namesReady) cache.set(key, (text = { title: truncate(atlas.name(key), 90), detail: detail(key, atlas), named: atlas.text.namesReady }));
  return text;
}

function detail(key: string, atlas: Atlas): string {
  const concept = atlas.concept(key);
  if (concept) return `Concept · ${concept.papers} ${concept.papers === 1 ? 'paper' : 'papers'}`;
  const cluster = atlas.cluster(atlas.paper(key)?.cluster ?? -1);
  return cluster ? `Paper · ${truncate(cluster.label, 48)}` : 'Paper';
}
