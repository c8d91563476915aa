// ForceAtlas2 iterations on flat arrays: a port of graphology-layout-forceatlas2's `iterate` (v0.10) for the settings
// the layout uses (no adjustSizes), with the same arithmetic in the same order — same Float32 node matrix, float64
// Barnes-Hut regions — so the positions are the library's, bit for bit. What changes is the memory: the library
// builds its Barnes-Hut tree in a new JavaScript array every iteration (tens of MB of garbage each time on 100,000
// nodes, and a heap that size makes every collection slow); here the tree lives in typed arrays reused across
// iterations, and the edges' endpoints are integers.

/** Floats per node in the node matrix (as in the library): x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed. */
export const PPN = 10;
const NODE_X = 0;
const NODE_Y = 1;
const NODE_DX = 2;
const NODE_DY = 3;
const NODE_OLD_DX = 4;
const NODE_OLD_DY = 5;
const NODE_MASS = 6;
const NODE_CONVERGENCE = 7;
const NODE_FIXED = 9;

const SUBDIVISION_ATTEMPTS = 3;

export interface Fa2Settings {
  linLogMode: boolean;
  outboundAttractionDistribution: boolean;
  adjustSizes: boolean;
  edgeWeightInfluence: number;
  scalingRatio: number;
  strongGravityMode: boolean;
  gravity: number;
  slowDown: number;
  barnesHutOptimize: boolean;
  barnesHutTheta: number;
}

/**
 * The Barnes-Hut quadtree as the repulsion reads it. Region r takes 64 bytes (one cache line) at float64 slot r * 8:
 * mass centre x, y, size, mass, centre x, y (floats), then first child, next sibling, node (int32s at r * 16 + 12…14).
 * The library keeps the same nine values per region; one region per cache line makes the repulsion's walk of a large
 * tree several times cheaper than nine separate arrays would. `visit` lists the node offsets in the tree's order.
 */
export interface RegionArrays {
  f64: Float64Array;
  i32: Int32Array;
  visit: Int32Array;
}

const R_MCX = 0;
const R_MCY = 1;
const R_SIZE = 2;
const R_MASS = 3;
const R_CX = 4;
const R_CY = 5;
const R_FIRST = 12;
const R_NEXT = 13;
const R_NODE = 14;

/** The quadtree, grown as needed and reused across iterations; in shared memory when worker threads help. */
class Regions implements RegionArrays {
  capacity = 0;
  /** Bumped whenever the arrays are replaced (workers must then map the new ones). */
  generation = 0;
  f64: Float64Array = new Float64Array(0);
  i32: Int32Array = new Int32Array(0);
  visit: Int32Array;

  constructor(
    private readonly shared: boolean,
    order: number,
  ) {
    this.visit = new Int32Array(this.buffer(order * 4));
  }

  private buffer(bytes: number): ArrayBufferLike {
    return this.shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  }

  ensure(count: number): void {
    if (count <= this.capacity) return;
    const capacity = Math.max(count, this.capacity * 2, 1024);
    const buffer = this.buffer(capacity * 64);
    const f64 = new Float64Array(buffer);
    f64.set(this.f64);
    this.f64 = f64;
    this.i32 = new Int32Array(buffer);
    this.capacity = capacity;
    this.generation++;
  }

  init(r: number, centerX: number, centerY: number, size: number, nextSibling: number): void {
    const f = r * 8;
    const i = r * 16;
    this.f64[f + R_MCX] = 0;
    this.f64[f + R_MCY] = 0;
    this.f64[f + R_SIZE] = size;
    this.f64[f + R_MASS] = 0;
    this.f64[f + R_CX] = centerX;
    this.f64[f + R_CY] = centerY;
    this.i32[i + R_FIRST] = -1;
    this.i32[i + R_NEXT] = nextSibling;
    this.i32[i + R_NODE] = -1;
  }
}

/** A whole Barnes-Hut repulsion pass over the quadtree of the given generation (done by a pool of threads). */
export type Repulsion = (N: Float32Array, R: RegionArrays, generation: number) => void;

/**
 * Runs `iterations` ForceAtlas2 iterations on `nodes` (PPN floats per node, as the library's node matrix) with the
 * edges given as node indices and weights.
 */
export function forceAtlas2(
  settings: Fa2Settings,
  nodes: Float32Array,
  source: Int32Array,
  target: Int32Array,
  weight: Float32Array,
  iterations: number,
  repulsion?: Repulsion,
): void {
  if (settings.adjustSizes) throw new Error('forceAtlas2: adjustSizes is not supported');
  const regions = new Regions(nodes.buffer instanceof SharedArrayBuffer, nodes.length / PPN);
  for (let i = 0; i < iterations; i++) iterate(settings, nodes, source, target, weight, regions, repulsion);
}

function iterate(options: Fa2Settings, N: Float32Array, source: Int32Array, target: Int32Array, weight: Float32Array, R: Regions, repulsion?: Repulsion): void {
  const order = N.length;
  const thetaSquared = options.barnesHutTheta * options.barnesHutTheta;
  let outboundAttCompensation = 0;
  let coefficient: number;
  let xDist: number;
  let yDist: number;
  let distance: number;
  let factor: number;

  // 1) Initializing layout data
  for (let n = 0; n < order; n += PPN) {
    N[n + NODE_OLD_DX] = N[n + NODE_DX]!;
    N[n + NODE_OLD_DY] = N[n + NODE_DY]!;
    N[n + NODE_DX] = 0;
    N[n + NODE_DY] = 0;
  }
  if (options.outboundAttractionDistribution) {
    outboundAttCompensation = 0;
    for (let n = 0; n < order; n += PPN) outboundAttCompensation += N[n + NODE_MASS]!;
    outboundAttCompensation /= order / PPN;
  }

  // 1.bis) Barnes-Hut tree
  if (options.barnesHutOptimize) {
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let n = 0; n < order; n += PPN) {
      minX = Math.min(minX, N[n + NODE_X]!);
      maxX = Math.max(maxX, N[n + NODE_X]!);
      minY = Math.min(minY, N[n + NODE_Y]!);
      maxY = Math.max(maxY, N[n + NODE_Y]!);
    }
    const dx = maxX - minX;
    const dy = maxY - minY;
    if (dx > dy) {
      minY -= (dx - dy) / 2;
      maxY = minY + dx;
    } else {
      minX -= (dy - dx) / 2;
      maxX = minX + dy;
    }
    R.ensure(1);
    R.init(0, (minX + maxX) / 2, (minY + maxY) / 2, Math.max(maxX - minX, maxY - minY), -1);
    let l = 1;
    for (let n = 0; n < order; n += PPN) {
      let r = 0;
      let subdivisionAttempts = SUBDIVISION_ATTEMPTS;
      const nx = N[n + NODE_X]!;
      const ny = N[n + NODE_Y]!;
      const nm = N[n + NODE_MASS]!;
      while (true) {
        // Read each time: a split may have replaced the arrays by bigger ones.
        const F = R.f64;
        const I = R.i32;
        const f = r * 8;
        const first = I[r * 16 + R_FIRST]!;
        if (first >= 0) {
          const q = nx < F[f + R_CX]! ? (ny < F[f + R_CY]! ? first : first + 1) : ny < F[f + R_CY]! ? first + 2 : first + 3;
          F[f + R_MCX] = (F[f + R_MCX]! * F[f + R_MASS]! + nx * nm) / (F[f + R_MASS]! + nm);
          F[f + R_MCY] = (F[f + R_MCY]! * F[f + R_MASS]! + ny * nm) / (F[f + R_MASS]! + nm);
          F[f + R_MASS] = F[f + R_MASS]! + nm;
          r = q;
          continue;
        }
        if (I[r * 16 + R_NODE]! < 0) {
          I[r * 16 + R_NODE] = n;
          break;
        }
        // A node is already here: split the region in four and place both.
        R.ensure(l + 4);
        const Fg = R.f64;
        const Ig = R.i32;
        const child = l;
        Ig[r * 16 + R_FIRST] = child;
        const w = Fg[f + R_SIZE]! / 2;
        const cx = Fg[f + R_CX]!;
        const cy = Fg[f + R_CY]!;
        R.init(child, cx - w, cy - w, w, child + 1);
        R.init(child + 1, cx - w, cy + w, w, child + 2);
        R.init(child + 2, cx + w, cy - w, w, child + 3);
        R.init(child + 3, cx + w, cy + w, w, Ig[r * 16 + R_NEXT]!);
        l += 4;

        const old = Ig[r * 16 + R_NODE]!;
        const ox = N[old + NODE_X]!;
        const oy = N[old + NODE_Y]!;
        const q = ox < cx ? (oy < cy ? child : child + 1) : oy < cy ? child + 2 : child + 3;
        Fg[f + R_MASS] = N[old + NODE_MASS]!;
        Fg[f + R_MCX] = ox;
        Fg[f + R_MCY] = oy;
        Ig[q * 16 + R_NODE] = old;
        Ig[r * 16 + R_NODE] = -1;
        const q2 = nx < cx ? (ny < cy ? child : child + 1) : ny < cy ? child + 2 : child + 3;
        if (q === q2) {
          if (subdivisionAttempts--) {
            r = q;
            continue;
          }
          subdivisionAttempts = SUBDIVISION_ATTEMPTS;
          break;
        }
        Ig[q2 * 16 + R_NODE] = n;
        break;
      }
    }
    visitOrder(R, order);
  }

  // 2) Repulsion
  coefficient = options.scalingRatio;
  if (options.barnesHutOptimize) {
    if (repulsion) repulsion(N, R, R.generation);
    else repulseRange(N, R, 0, order / PPN, coefficient, thetaSquared);
  } else {
    for (let n1 = 0; n1 < order; n1 += PPN) {
      for (let n2 = 0; n2 < n1; n2 += PPN) {
        xDist = N[n1 + NODE_X]! - N[n2 + NODE_X]!;
        yDist = N[n1 + NODE_Y]! - N[n2 + NODE_Y]!;
        distance = Math.sqrt(xDist * xDist + yDist * yDist);
        if (distance > 0) {
          factor = (coefficient * N[n1 + NODE_MASS]! * N[n2 + NODE_MASS]!) / distance / distance;
          N[n1 + NODE_DX]! += xDist * factor;
          N[n1 + NODE_DY]! += yDist * factor;
          N[n2 + NODE_DX]! -= xDist * factor;
          N[n2 + NODE_DY]! -= yDist * factor;
        }
      }
    }
  }

  // 3) Gravity
  const g = options.gravity / options.scalingRatio;
  coefficient = options.scalingRatio;
  for (let n = 0; n < order; n += PPN) {
    factor = 0;
    xDist = N[n + NODE_X]!;
    yDist = N[n + NODE_Y]!;
    distance = Math.sqrt(Math.pow(xDist, 2) + Math.pow(yDist, 2));
    if (options.strongGravityMode) {
      if (distance > 0) factor = coefficient * N[n + NODE_MASS]! * g;
    } else if (distance > 0) factor = (coefficient * N[n + NODE_MASS]! * g) / distance;
    N[n + NODE_DX]! -= xDist * factor;
    N[n + NODE_DY]! -= yDist * factor;
  }

  // 4) Attraction
  coefficient = 1 * (options.outboundAttractionDistribution ? outboundAttCompensation : 1);
  for (let e = 0; e < source.length; e++) {
    const n1 = source[e]!;
    const n2 = target[e]!;
    const ewc = Math.pow(weight[e]!, options.edgeWeightInfluence);
    xDist = N[n1 + NODE_X]! - N[n2 + NODE_X]!;
    yDist = N[n1 + NODE_Y]! - N[n2 + NODE_Y]!;
    distance = Math.sqrt(Math.pow(xDist, 2) + Math.pow(yDist, 2));
    factor = 0;
    if (options.linLogMode) {
      if (distance > 0) {
        factor = options.outboundAttractionDistribution
          ? (-coefficient * ewc * Math.log(1 + distance)) / distance / N[n1 + NODE_MASS]!
          : (-coefficient * ewc * Math.log(1 + distance)) / distance;
      }
    } else {
      distance = 1;
      factor = options.outboundAttractionDistribution ? (-coefficient * ewc) / N[n1 + NODE_MASS]! : -coefficient * ewc;
    }
    if (distance > 0) {
      N[n1 + NODE_DX]! += xDist * factor;
      N[n1 + NODE_DY]! += yDist * factor;
      N[n2 + NODE_DX]! -= xDist * factor;
      N[n2 + NODE_DY]! -= yDist * factor;
    }
  }

  // 5) Apply forces
  for (let n = 0; n < order; n += PPN) {
    if (N[n + NODE_FIXED] === 1) continue;
    const ddx = N[n + NODE_OLD_DX]! - N[n + NODE_DX]!;
    const ddy = N[n + NODE_OLD_DY]! - N[n + NODE_DY]!;
    const sdx = N[n + NODE_OLD_DX]! + N[n + NODE_DX]!;
    const sdy = N[n + NODE_OLD_DY]! + N[n + NODE_DY]!;
    const swinging = N[n + NODE_MASS]! * Math.sqrt(ddx * ddx + ddy * ddy);
    const traction = Math.sqrt(sdx * sdx + sdy * sdy) / 2;
    const nodespeed = (N[n + NODE_CONVERGENCE]! * Math.log(1 + traction)) / (1 + Math.sqrt(swinging));
    N[n + NODE_CONVERGENCE] = Math.min(1, Math.sqrt((nodespeed * (Math.pow(N[n + NODE_DX]!, 2) + Math.pow(N[n + NODE_DY]!, 2))) / (1 + Math.sqrt(swinging))));
    N[n + NODE_X] = N[n + NODE_X]! + N[n + NODE_DX]! * (nodespeed / options.slowDown);
    N[n + NODE_Y] = N[n + NODE_Y]! + N[n + NODE_DY]! * (nodespeed / options.slowDown);
  }
}

/**
 * The nodes in the order of a walk of the tree (nodes left out of it — when four subdivisions could not separate two
 * nodes — at the end): neighbours in space come one after the other, so the repulsion walks mostly the same regions,
 * hot in the cache, from one node to the next. The order changes no force: each node's sum is its own.
 */
function visitOrder(R: Regions, order: number): void {
  const I = R.i32;
  const visit = R.visit;
  const count = order / PPN;
  let k = 0;
  for (let r = 0; r >= 0; ) {
    const first = I[r * 16 + R_FIRST]!;
    if (first >= 0) {
      r = first;
      continue;
    }
    const node = I[r * 16 + R_NODE]!;
    if (node >= 0) visit[k++] = node;
    r = I[r * 16 + R_NEXT]!;
  }
  if (k < count) {
    const seen = new Uint8Array(count);
    for (let i = 0; i < k; i++) seen[visit[i]! / PPN] = 1;
    for (let i = 0; i < count; i++) if (!seen[i]) visit[k++] = i * PPN;
  }
}

/** Barnes-Hut repulsion on the nodes visit[from] … visit[to - 1]. Each node's force depends on nothing else. */
export function repulseRange(N: Float32Array, R: RegionArrays, from: number, to: number, coefficient: number, thetaSquared: number): void {
  for (let k = from; k < to; k++) repulse(N, R.f64, R.i32, R.visit[k]!, coefficient, thetaSquared);
}

/** Barnes-Hut repulsion on node n (its offset in the node matrix): far regions act as one body. */
function repulse(N: Float32Array, F: Float64Array, I: Int32Array, n: number, coefficient: number, thetaSquared: number): void {
  const nx = N[n + NODE_X]!;
  const ny = N[n + NODE_Y]!;
  const nm = N[n + NODE_MASS]!;
  let r = 0;
  while (true) {
    const first = I[r * 16 + R_FIRST]!;
    if (first >= 0) {
      const f = r * 8;
      const distance = Math.pow(nx - F[f + R_MCX]!, 2) + Math.pow(ny - F[f + R_MCY]!, 2);
      const s = F[f + R_SIZE]!;
      if ((4 * s * s) / distance < thetaSquared) {
        const xDist = nx - F[f + R_MCX]!;
        const yDist = ny - F[f + R_MCY]!;
        if (distance > 0) {
          const factor = (coefficient * nm * F[f + R_MASS]!) / distance;
          N[n + NODE_DX]! += xDist * factor;
          N[n + NODE_DY]! += yDist * factor;
        }
        r = I[r * 16 + R_NEXT]!;
        if (r < 0) break;
        continue;
      }
      r = first;
      continue;
    }
    const rn = I[r * 16 + R_NODE]!;
    if (rn >= 0 && rn !== n) {
      const xDist = nx - N[rn + NODE_X]!;
      const yDist = ny - N[rn + NODE_Y]!;
      const distance = xDist * xDist + yDist * yDist;
      if (distance > 0) {
        const factor = (coefficient * nm * N[rn + NODE_MASS]!) / distance;
        N[n + NODE_DX]! += xDist * factor;
        N[n + NODE_DY]! += yDist * factor;
      }
    }
    r = I[r * 16 + R_NEXT]!;
    if (r < 0) break;
  }
}
