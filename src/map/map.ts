// Connects the sigma map to the store: reducers derive looks from state, pointer events dispatch actions.
import type { Atlas } from '../data/atlas.ts';
import { clearSelection, hover, select, type AppState } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import { edgeAppearance, focusOf, nodeAppearance, type AppearanceContext, type Focus } from './appearance.ts';
import { frameNode, visibleArea } from './camera.ts';
import { setupLabelLayer } from './label-layer.ts';
import { createHoverDrawer } from './labels.ts';
import type { AtlasSigma } from './renderer.ts';
import { readTheme, watchTheme } from './theme.ts';

export interface MapOptions {
  /** Boxes of the elements floating over the map (panel, header), so the camera frames what stays visible. */
  covers?: () => DOMRect[];
}

const focusKey = (s: AppState): string | null => s.hovered ?? s.selected;

/** 1 on desktop-sized maps, down to 0.55 on a phone. */
export function nodeScaleFor(width: number, height: number): number {
  return Math.min(1, Math.max(0.55, Math.min(width, height) / 760));
}

export function setupMap(sigma: AtlasSigma, store: Store<AppState>, atlas: Atlas, options: MapOptions = {}): () => void {
  const container = sigma.getContainer();
  const focusCache = new Map<string, Focus | null>();
  const focusFor = (key: string | null): Focus | null => {
    if (key === null) return null;
    if (!focusCache.has(key)) focusCache.set(key, focusOf(atlas, key));
    return focusCache.get(key) ?? null;
  };
  const paperColor = new Map<string, string>();
  atlas.graph.forEachEdge((edge, _attrs, _source, _target, sa, ta) => {
    paperColor.set(edge, sa.kind === 'paper' ? sa.color : ta.color);
  });

  const dims = sigma.getDimensions();
  let ctx: AppearanceContext = {
    atlas,
    theme: readTheme(),
    focus: focusFor(focusKey(store.get())),
    selected: store.get().selected,
    hovered: store.get().hovered,
    nodeScale: nodeScaleFor(dims.width, dims.height),
  };
  const labels = setupLabelLayer(sigma, () => ctx.theme);
  sigma.setSettings({
    labelColor: { color: ctx.theme.label },
    labelFont: ctx.theme.font,
    defaultDrawNodeLabel: labels.drawLabel,
    defaultDrawNodeHover: createHoverDrawer(() => ctx.theme, () => visibleArea(container, options.covers?.() ?? []).right),
    nodeReducer: (node, data) => nodeAppearance(node, data, ctx),
    edgeReducer: (edge, data) => edgeAppearance(edge, data, paperColor.get(edge) ?? ctx.theme.edge, ctx),
  });

  const onState = (state: AppState, previous: AppState): void => {
    const before = ctx.focus;
    const after = focusFor(focusKey(state));
    if (before === after && state.selected === previous.selected && state.hovered === previous.hovered) return;
    ctx = { ...ctx, focus: after, selected: state.selected, hovered: state.hovered };
    if (before && after) {
      // Focus moves from one neighbourhood to another: only those two neighbourhoods change looks.
      const nodes = new Set([...before.nodes, ...after.nodes]);
      for (const key of [state.selected, previous.selected, state.hovered, previous.hovered]) if (key !== null && atlas.has(key)) nodes.add(key);
      const edges = new Set([...before.strong, ...before.weak, ...after.strong, ...after.weak]);
      sigma.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] }, skipIndexation: true });
    } else {
      // Everything fades or comes back: one full pass (reducers only; positions and sizes never change).
      sigma.refresh({ skipIndexation: true });
    }
    if (state.selected !== null && state.selected !== previous.selected) frame(state.selected);
  };
  // After the panel has rendered (same task), so its size is known.
  const frame = (key: string): void => {
    requestAnimationFrame(() => {
      const focus = focusFor(key);
      if (focus && store.get().selected === key) frameNode(sigma, key, focus.direct, visibleArea(container, options.covers?.() ?? []));
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

  // Frame a selection that was there before the map (a deep link).
  const initial = store.get().selected;
  if (initial !== null) frame(initial);

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
