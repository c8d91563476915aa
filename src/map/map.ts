// Connects the sigma map to the store: reducers derive looks from state, pointer events dispatch actions.
import type { Atlas } from '../data/atlas.ts';
import type { View } from '../data/view.ts';
import { clearSelection, hover, select, type AppState, type Filters } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import { edgeAppearance, focusOf, hoverText, nodeAppearance, type AppearanceContext, type Focus } from './appearance.ts';
import { frameNode, frameNodes, visibleArea, type CameraView } from './camera.ts';
import { clusterAnchors, clusterNameCandidates } from './cluster-names.ts';
import type { Display } from './display.ts';
import { setupFocusLayer } from './focus-layer.ts';
import { setupLabelLayer } from './label-layer.ts';
import { createHoverDrawer } from './labels.ts';
import type { AtlasSigma } from './renderer.ts';
import { readTheme, watchTheme } from './theme.ts';

export interface MapOptions {
  /** Boxes of the elements floating over the map (panel, header), so the camera frames what stays visible. */
  covers?: () => DOMRect[];
  /** The filtered view for a set of filters (shared, memoized). */
  views: (filters: Filters) => View;
  /** Cards over the map where labels would be hidden (header, legend, panel, zoom buttons). */
  obstacles?: () => DOMRect[];
  /** A camera from the URL: applied at once, and a deep-linked selection is then not re-framed. */
  initialCamera?: CameraView | null;
  /** What sigma draws (display.ts): the whole graph, or a level of detail of a big one. */
  display: Display;
  /** Resolves when the cards over the map are in place (the panel): a deep-linked selection is framed after that. */
  pageReady?: Promise<unknown>;
}

const focusKey = (s: AppState): string | null => s.hovered ?? s.selected;

/** Share of the map's area the nodes may cover at full view before they are drawn smaller. */
const FILL = 0.22;

/**
 * 1 on desktop-sized maps, down to 0.55 on a phone; smaller again when the nodes' discs (`area`: Σ π size², in
 * pixels at nodeScale 1) would cover more than FILL of the map — a map of 10,000 papers is otherwise one solid mat.
 */
export function nodeScaleFor(width: number, height: number, area = 0): number {
  const screen = Math.min(1, Math.max(0.55, Math.min(width, height) / 760));
  const crowded = area > 0 ? Math.sqrt((FILL * width * height) / (area * screen * screen)) : 1;
  return screen * Math.min(1, Math.max(0.3, crowded));
}

export function setupMap(sigma: AtlasSigma, store: Store<AppState>, atlas: Atlas, options: MapOptions): () => void {
  const container = sigma.getContainer();
  const { display } = options;
  const focusCache = new Map<string, Focus | null>();
  // Related papers arrive with the names part, a big site's links after the first frame: neighbourhoods computed
  // before either is in are computed again.
  const arrived = (): string => `${atlas.text.namesReady} ${atlas.text.linksReady}`;
  let known = arrived();
  const unlistenText = atlas.text.subscribe(() => {
    if (known === arrived()) return;
    known = arrived();
    focusCache.clear();
    ctx = { ...ctx, focus: focusFor(focusKey(store.get())) };
  });
  const focusFor = (key: string | null): Focus | null => {
    if (key === null) return null;
    if (!focusCache.has(key)) focusCache.set(key, focusOf(atlas, key));
    return focusCache.get(key) ?? null;
  };
  const anchors = clusterAnchors(atlas);

  /** Hidden nodes and what stays lit: the concept filter's matches, within the highlighted cluster if there is one. */
  const narrowing = (state: AppState): Pick<AppearanceContext, 'hidden' | 'lit'> => {
    const view = options.views(state.filters);
    if (state.cluster === null) return { hidden: view.hidden, lit: view.lit };
    const inCluster = (k: string): boolean => atlas.node(k)?.cluster === state.cluster;
    const lit = new Set<string>();
    for (const k of [...atlas.paperKeys, ...atlas.conceptKeys]) if (inCluster(k) && (!view.lit || view.lit.has(k))) lit.add(k);
    return { hidden: view.hidden, lit };
  };

  const dims = sigma.getDimensions();
  let ctx: AppearanceContext = {
    atlas,
    theme: readTheme(),
    focus: focusFor(focusKey(store.get())),
    selected: store.get().selected,
    hovered: store.get().hovered,
    nodeScale: nodeScaleFor(dims.width, dims.height, display.area),
    veil: display.reduced,
    ...narrowing(store.get()),
  };
  const labels = setupLabelLayer(
    sigma,
    () => ctx.theme,
    () => {
      const s = store.get();
      return clusterNameCandidates(sigma, anchors, {
        theme: ctx.theme,
        hiddenClusters: s.filters.hiddenClusters,
        highlighted: s.cluster,
        focused: ctx.focus !== null,
        filtered: ctx.lit !== null,
      });
    },
    () => options.obstacles?.() ?? [],
  );
  sigma.setSettings({
    labelColor: { color: ctx.theme.label },
    labelFont: ctx.theme.font,
    defaultDrawNodeLabel: labels.drawLabel,
    defaultDrawNodeHover: createHoverDrawer(() => ctx.theme, () => visibleArea(container, options.covers?.() ?? []).right, (key) =>
      key === ctx.hovered ? hoverText(key, atlas) : null,
    ),
    nodeReducer: (node, data) => nodeAppearance(node, data, ctx),
    edgeReducer: (edge, data) => edgeAppearance(edge, data, data as unknown as Parameters<typeof edgeAppearance>[2], ctx),
  });
  const focusLayer = display.reduced ? setupFocusLayer(sigma, atlas, () => ({ ...ctx, blocked: options.obstacles?.() ?? [] })) : null;

  /** A reduced map draws more concepts when zoomed in, and always the selection's neighbourhood and a filter's concepts. */
  let pending = 0;
  const updateDisplay = (): void => {
    if (!display.reduced || pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      const s = store.get();
      const pinned: string[] = [];
      if (s.selected !== null) pinned.push(...(focusFor(s.selected)?.direct ?? []));
      if (ctx.lit) for (const k of ctx.lit) if (atlas.concept(k)) pinned.push(k);
      if (display.update(sigma.getCamera().getState().ratio, pinned)) sigma.setGraph(display.graph);
    });
  };
  sigma.getCamera().on('updated', updateDisplay);

  const onState = (state: AppState, previous: AppState): void => {
    const before = ctx.focus;
    const after = focusFor(focusKey(state));
    const narrowed = state.filters !== previous.filters || state.cluster !== previous.cluster;
    if (!narrowed && before === after && state.selected === previous.selected && state.hovered === previous.hovered) {
      if (state.clusterRequest !== previous.clusterRequest && state.cluster !== null) frameCluster(state.cluster);
      return;
    }
    const started = performance.now();
    ctx = { ...ctx, focus: after, selected: state.selected, hovered: state.hovered, ...(narrowed ? narrowing(state) : {}) };
    const graph = sigma.getGraph();
    if (!narrowed && focusLayer) {
      // Reduced map: the node layer is left as it is; the focus layer veils it and draws the neighbourhood above.
      const changed = [state.selected, previous.selected, state.hovered, previous.hovered].filter((k): k is string => k !== null && graph.hasNode(k));
      // Rings and the hover card of nodes the pointer is not on (selection, a panel's preview) need their display data.
      if (state.selected !== previous.selected || state.hovered !== sigmaHovered()) sigma.refresh({ partialGraph: { nodes: changed }, skipIndexation: true });
      focusLayer.redraw();
    } else if (!narrowed && before && after) {
      // Focus moves from one neighbourhood to another: only those two neighbourhoods change looks.
      const nodes = new Set([...before.nodes, ...after.nodes]);
      for (const key of [state.selected, previous.selected, state.hovered, previous.hovered]) if (key !== null) nodes.add(key);
      const edges = new Set([...before.strong, ...before.weak, ...after.strong, ...after.weak]);
      sigma.refresh({ partialGraph: { nodes: [...nodes].filter((k) => graph.hasNode(k)), edges: [...edges].filter((k) => graph.hasEdge(k)) }, skipIndexation: true });
    } else {
      // Everything fades or comes back: one full pass (reducers only; positions and sizes never change).
      sigma.refresh({ skipIndexation: true });
    }
    if (state.hovered !== previous.hovered) measure('atlas:hover', started);
    // Before framing (both wait a frame, in this order): a reduced map first draws the selection's neighbourhood.
    if (state.selected !== previous.selected || narrowed) updateDisplay();
    if (state.selected !== null && state.selected !== previous.selected) frame(state.selected);
    if (state.cluster !== null && state.clusterRequest !== previous.clusterRequest) frameCluster(state.cluster);
    else if (state.filters.query !== previous.filters.query && state.selected === null) frameMatches();
  };
  /** A concept filter that a few papers match (at most 5% of the map): they are framed, or they would be lost dots. */
  const frameMatches = (): void => {
    const lit = ctx.lit ? [...ctx.lit].filter((k) => atlas.paper(k) && !ctx.hidden.has(k)) : [];
    if (lit.length === 0 || lit.length > FRAME_MATCHES_SHARE * atlas.paperKeys.length) return;
    requestAnimationFrame(() => frameNodes(sigma, lit, area()));
  };
  const area = (): ReturnType<typeof visibleArea> => visibleArea(container, options.covers?.() ?? []);
  // After the panel has rendered (same task), so its size is known.
  const frame = (key: string): void => {
    requestAnimationFrame(() => {
      const focus = focusFor(key);
      if (focus && store.get().selected === key) frameNode(sigma, key, focus.direct, area());
    });
  };
  const frameCluster = (id: number): void => {
    requestAnimationFrame(() => {
      const papers = atlas.members(id).papers.filter((k) => !ctx.hidden.has(k));
      frameNodes(sigma, papers.length ? papers : atlas.members(id).concepts, area());
    });
  };
  const unsubscribe = store.subscribe(onState);

  /** The node under the pointer as sigma sees it (it draws that node's ring and card itself). */
  let pointed: string | null = null;
  const sigmaHovered = (): string | null => pointed;
  const onEnter = ({ node }: { node: string }): void => {
    pointed = node;
    container.classList.add('is-pointing');
    store.set((s) => hover(s, node));
  };
  const onLeave = ({ node }: { node: string }): void => {
    if (pointed === node) pointed = null;
    container.classList.remove('is-pointing');
    // Only if nothing else (the panel) took the hover meanwhile: pointer events there fire before this one.
    store.set((s) => (s.hovered === node ? hover(s, null) : s));
  };
  const onClickNode = ({ node }: { node: string }): void => store.set((s) => select(s, node, 'map'));
  const onClickStage = (): void => store.set((s) => clearSelection(hover(s, null), 'map'));
  sigma.on('enterNode', onEnter);
  sigma.on('leaveNode', onLeave);
  sigma.on('clickNode', onClickNode);
  sigma.on('clickStage', onClickStage);
  const onResize = (): void => {
    const { width, height } = sigma.getDimensions();
    const nodeScale = nodeScaleFor(width, height, display.area);
    if (nodeScale === ctx.nodeScale) return;
    ctx = { ...ctx, nodeScale };
    sigma.refresh();
  };
  sigma.on('resize', onResize);

  const unwatch = watchTheme((theme) => {
    ctx = { ...ctx, theme };
    sigma.setSettings({ labelColor: { color: theme.label }, labelFont: theme.font });
    sigma.refresh();
  });

  // A camera from the URL wins; else frame a selection that was there before the map (a deep link).
  const initial = store.get().selected;
  const pageReady = options.pageReady ?? Promise.resolve();
  // A deep-linked selection or filter on a reduced map: its concepts are drawn from the start.
  if (store.get().selected !== null || ctx.lit) updateDisplay();
  if (options.initialCamera) sigma.getCamera().setState({ ...options.initialCamera, angle: 0 });
  else if (initial !== null) void pageReady.then(() => frame(initial));
  else if (store.get().cluster !== null) void pageReady.then(() => frameCluster(store.get().cluster ?? 0));

  return () => {
    unsubscribe();
    unwatch();
    labels.cleanup();
    focusLayer?.cleanup();
    unlistenText();
    sigma.getCamera().off('updated', updateDisplay);
    cancelAnimationFrame(pending);
    sigma.off('enterNode', onEnter);
    sigma.off('leaveNode', onLeave);
    sigma.off('clickNode', onClickNode);
    sigma.off('clickStage', onClickStage);
    sigma.off('resize', onResize);
  };
}

/** The largest share of the papers a concept filter may match and be framed. */
const FRAME_MATCHES_SHARE = 0.05;

/** Records a User Timing measure (read by the browser tests; visible in the browser's performance panel). */
function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Older browsers without the options form: timings are only informative.
  }
}
