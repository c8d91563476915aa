// Creates the sigma renderer: node programs (papers = discs, concepts = rings) and label density settings.
import Sigma from 'sigma';
import { NodeCircleProgram } from 'sigma/rendering';
import type { AtlasNodeAttributes } from '../contract/types.ts';
import type { DisplayEdge, DisplayGraph } from './display.ts';
import { NodeRingProgram } from './ring-program.ts';

export type AtlasSigma = Sigma<AtlasNodeAttributes, DisplayEdge>;

type WebGLOptions = Parameters<AtlasSigma['createWebGLContext']>[1];

/**
 * Sigma whose WebGL canvases have their pixel size before they get a context. Sigma sizes them afterwards (from
 * 300×150), and resizing a WebGL drawing buffer waits on the GPU process: with software WebGL, ~20–30 ms a canvas.
 */
class PresizedSigma extends Sigma<AtlasNodeAttributes, DisplayEdge> {
  override createWebGLContext(id: string, options: WebGLOptions = {}): WebGLRenderingContext {
    const container = this.getContainer();
    if (options.canvas || !container.offsetWidth || !container.offsetHeight) return super.createWebGLContext(id, options);
    const canvas = this.createCanvas(id, options.style ? { style: options.style } : {});
    // Sigma's own sizing (resize) sets these same values, which then changes nothing.
    const ratio = window.devicePixelRatio || 1;
    canvas.setAttribute('width', `${container.offsetWidth * ratio}px`);
    canvas.setAttribute('height', `${container.offsetHeight * ratio}px`);
    const { style: _style, ...rest } = options;
    return super.createWebGLContext(id, { ...rest, canvas });
  }
}

export function createRenderer(container: HTMLElement, graph: DisplayGraph): AtlasSigma {
  const small = container.clientWidth < 640;
  return new PresizedSigma(graph, container, {
    nodeProgramClasses: { circle: NodeCircleProgram, ring: NodeRingProgram },
    defaultNodeType: 'circle',
    defaultEdgeType: 'line',
    renderEdgeLabels: false,
    zIndex: true,
    // The grid proposes label candidates (biggest nodes per cell); label-layer.ts then drops any that overlap.
    labelGridCellSize: small ? 90 : 120,
    labelDensity: 1,
    labelRenderedSizeThreshold: small ? 4 : 6,
    labelSize: 12,
    labelWeight: '500',
    stagePadding: small ? 24 : 48,
    minCameraRatio: 0.06,
    maxCameraRatio: 3,
    // Keep node sizes steady on zoom-in so a zoomed neighbourhood does not turn into blobs.
    zoomToSizeRatioFunction: (ratio) => Math.sqrt(ratio),
    // Concepts carry a contract field `type` ("acronym", …) that sigma would read as a program name:
    // the first render needs a reducer that maps kinds to programs (setupMap installs the full ones).
    nodeReducer: (_key, data) => ({ ...data, type: data.kind === 'concept' ? 'ring' : 'circle' }),
  });
}
