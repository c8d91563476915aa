// Connects the sigma map to the store: reducers derive looks from state, pointer events dispatch actions.
import type { Atlas } from '../data/atlas.ts';
import type { View } from '../data/view.ts';
import { clearSelection, hover, select, type AppState, type Filters } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import { edgeAppearance, focusOf, nodeAppearance, type AppearanceContext, type EdgeInfo, type Focus } from './appearance.ts';
import { frameNode, frameNodes, visibleArea, type CameraView } from './camera.ts';
import { clusterAnchors, clusterNameCandidates } from './cluster-names.ts';
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
}

const focusKey = (s: AppState): string | null => s.hovered ?? s.selected;

/** 1 on desktop-sized maps, down to 0.55 on a phone. */
export function nodeScaleFor(width: number, height: number): number {
  return Math.min(1, Math.max(0.55, Math.min(width, height) / 760));
}

export function setupMap(sigma: AtlasSigma, store: Store<AppState>, atlas: Atlas, options: MapOptions): () => void {
  const container = sigma.getContainer();
  const focusCache = new Map<string, Focus | null>();
  const focusFor = (key: string | null): Focus | null => {
    if (key === null) return null;
    if (!focusCache.has(key)) focusCache.set(key, focusOf(atlas, key));
    return focusCache.get(key) ?? null;
  };
  const edgeInfo = new Map<string, EdgeInfo>();
  atlas.graph.forEachEdge((edge, _attrs, source, target, sa, ta) => {
    edgeInfo.set(edge, { paperColor: sa.kind === 'paper' ? sa.color : ta.color, source, target });
  });
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
    nodeScale: nodeScaleFor(dims.width, dims.height),
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
    defaultDrawNodeHover: createHoverDrawer(() => ctx.theme, () => visibleArea(container, options.covers?.() ?? []).right),
    nodeReducer: (node, data) => nodeAppearance(node, data, ctx),
    edgeReducer: (edge, data) => edgeAppearance(edge, data, edgeInfo.get(edge), ctx),
  });

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
    if (!narrowed && before && after) {
      // Focus moves from one neighbourhood to another: only those two neighbourhoods change looks.
      const nodes = new Set([...before.nodes, ...after.nodes]);
      for (const key of [state.selected, previous.selected, state.hovered, previous.hovered]) if (key !== null && atlas.has(key)) nodes.add(key);
      const edges = new Set([...before.strong, ...before.weak, ...after.strong, ...after.weak]);
      sigma.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] }, skipIndexation: true });
    } else {
      // Everything fades or comes back: one full pass (reducers only; positions and sizes never change).
      sigma.refresh({ skipIndexation: true });
    }
    if (state.hovered !== previous.hovered) measure('atlas:hover', started);
    if (state.selected !== null && state.selected !== previous.selected) frame(state.selected);
    if (state.cluster !== null && state.clusterRequest !== previous.clusterRequest) frameCluster(state.cluster);
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

  const onEnter = ({ node }: { node: string }): void => {
    container.classList.add('is-pointing');
    store.set((s) => hover(s, node));
  };
  const onLeave = ({ node }: { node: string }): void => {
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
    const nodeScale = nodeScaleFor(width, height);
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
  if (options.initialCamera) sigma.getCamera().setState({ ...options.initialCamera, angle: 0 });
  else if (initial !== null) frame(initial);
  else if (store.get().cluster !== null) frameCluster(store.get().cluster ?? 0);

  return () => {
    unsubscribe();
    unwatch();
    labels.cleanup();
    sigma.off('enterNode', onEnter);
    sigma.off('leaveNode', onLeave);
    sigma.off('clickNode', onClickNode);
    sigma.off('clickStage', onClickStage);
    sigma.off('resize', onResize);
  };
}

/** Records a User Timing measure (read by the browser tests; visible in the browser's performance panel). */
function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Older browsers without the options form: timings are only informative.
  }
}
