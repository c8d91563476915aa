// ForceAtlas2's Barnes-Hut repulsion shared out over worker threads. Each iteration this thread builds the quadtree
// in shared memory, then it and the workers claim chunks of nodes from an atomic counter and compute their
// repulsion. A node's force depends only on the tree and the positions, never on which thread computes it or when,
// so the layout is the same, bit for bit, with any number of threads.
//
// Control words (Int32, shared): EPOCH is bumped to start a pass; NEXT hands out chunks; COMPLETED counts finished
// chunks; GEN is the generation of the quadtree's arrays (they are replaced when the tree outgrows them, and a
// worker maps the new ones from its port before computing anything); QUIT ends the workers.
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startWorker } from './pool.ts';
import { PPN, repulseRange, type RegionArrays, type Repulsion } from './forceatlas2.ts';

export const EPOCH = 0;
export const NEXT = 1;
export const COMPLETED = 2;
export const GEN = 3;
export const QUIT = 4;
/** Workers started and serving. */
export const READY = 5;
/** Chunks computed by workers (for tests and curiosity). */
export const WORKED = 6;
/** Nodes per chunk of work. */
export const CHUNK = 256;

/** Below this many nodes a pass is too short to share (a few ms) and starting workers (~0.5 s) does not pay. */
export const PARALLEL_LAYOUT_FROM = 5_000;

export const defaultLayoutThreads = (order: number): number => (order >= PARALLEL_LAYOUT_FROM ? Math.max(1, Math.min(2, availableParallelism())) : 1);

export interface LayoutWorkerSetup {
  entry: string;
  port: MessagePort;
  /** Start-up failures are counted here (by worker.mjs); the pool then simply works without that worker. */
  signal: SharedArrayBuffer;
  control: SharedArrayBuffer;
  nodes: SharedArrayBuffer;
  coefficient: number;
  thetaSquared: number;
}

export interface RegionsMessage {
  generation: number;
  arrays: RegionArrays;
}

export interface RepulsionPool {
  repulsion: Repulsion;
  /** Waits (blocking) until every worker serves, or `ms` passed; true if all do. Never needed for correctness. */
  waitReady(ms: number): boolean;
  /** Chunks the workers computed so far. */
  workerChunks(): number;
  close(): void;
}

/** Starts `threads - 1` workers; `nodes` must live in a SharedArrayBuffer. */
export function startRepulsionPool(threads: number, nodes: Float32Array, coefficient: number, thetaSquared: number, stallMs = 120_000): RepulsionPool {
  if (!(nodes.buffer instanceof SharedArrayBuffer)) throw new Error('startRepulsionPool: the node matrix must be in shared memory');
  const control = new SharedArrayBuffer(8 * 4);
  const ctrl = new Int32Array(control);
  // Nothing to claim before the first pass.
  Atomics.store(ctrl, NEXT, 1 << 30);
  const signal = new SharedArrayBuffer(4);
  const workers: Array<{ worker: Worker; port: MessagePort }> = [];
  for (let i = 0; i < threads - 1; i++) {
    const { port1, port2 } = new MessageChannel();
    const setup: LayoutWorkerSetup = { entry: './layout-worker.ts', port: port2, signal, control, nodes: nodes.buffer, coefficient, thetaSquared };
    workers.push({ worker: startWorker(setup), port: port1 });
  }
  let posted = -1;

  const repulsion: Repulsion = (N, R, generation) => {
    const count = N.length / PPN;
    const chunks = Math.ceil(count / CHUNK);
    if (generation !== posted) {
      const message: RegionsMessage = { generation, arrays: { f64: R.f64, i32: R.i32, visit: R.visit } };
      for (const w of workers) w.port.postMessage(message);
      posted = generation;
      Atomics.store(ctrl, GEN, generation);
    }
    Atomics.store(ctrl, COMPLETED, 0);
    Atomics.store(ctrl, NEXT, 0);
    Atomics.add(ctrl, EPOCH, 1);
    Atomics.notify(ctrl, EPOCH);
    for (let c = Atomics.add(ctrl, NEXT, 1); c < chunks; c = Atomics.add(ctrl, NEXT, 1)) {
      repulseRange(N, R, c * CHUNK, Math.min(count, (c + 1) * CHUNK), coefficient, thetaSquared);
      Atomics.add(ctrl, COMPLETED, 1);
    }
    let last = performance.now();
    let seen = Atomics.load(ctrl, COMPLETED);
    while (seen < chunks) {
      Atomics.wait(ctrl, COMPLETED, seen, 1000);
      const now = Atomics.load(ctrl, COMPLETED);
      if (now !== seen) last = performance.now();
      else if (performance.now() - last > stallMs) throw new Error(`a layout worker stopped (no progress for ${Math.round(stallMs / 1000)} s)`);
      seen = now;
    }
  };

  return {
    repulsion,
    waitReady: (ms) => {
      const until = performance.now() + ms;
      for (let ready = Atomics.load(ctrl, READY); ready < workers.length; ready = Atomics.load(ctrl, READY)) {
        const left = until - performance.now();
        if (left <= 0) return false;
        Atomics.wait(ctrl, READY, ready, Math.min(left, 100));
      }
      return true;
    },
    workerChunks: () => Atomics.load(ctrl, WORKED),
    close: () => {
      Atomics.store(ctrl, QUIT, 1);
      Atomics.add(ctrl, EPOCH, 1);
      Atomics.notify(ctrl, EPOCH);
      for (const w of workers) {
        w.port.close();
        void w.worker.terminate();
      }
    },
  };
}

/** The worker's side (run by layout-worker.ts): waits for passes and computes chunks until told to quit. */
export function serveRepulsion(setup: LayoutWorkerSetup): void {
  const ctrl = new Int32Array(setup.control);
  const N = new Float32Array(setup.nodes);
  const count = N.length / PPN;
  const chunks = Math.ceil(count / CHUNK);
  let regions: RegionArrays | undefined;
  let generation = -1;
  /** The quadtree of the current generation, mapped from the port; undefined if its message has not come. */
  const current = (): RegionArrays | undefined => {
    const wanted = Atomics.load(ctrl, GEN);
    while (generation !== wanted) {
      const m = receiveMessageOnPort(setup.port);
      if (!m) return undefined;
      const message = m.message as RegionsMessage;
      regions = message.arrays;
      generation = message.generation;
    }
    return regions;
  };
  let seen = -1;
  Atomics.add(ctrl, READY, 1);
  Atomics.notify(ctrl, READY);
  while (Atomics.load(ctrl, QUIT) === 0) {
    const epoch = Atomics.load(ctrl, EPOCH);
    if (epoch === seen) {
      Atomics.wait(ctrl, EPOCH, epoch);
      continue;
    }
    seen = epoch;
    // A chunk is claimed before the tree is checked: the claim comes after this thread published the pass's tree.
    for (let c = Atomics.add(ctrl, NEXT, 1); c < chunks; c = Atomics.add(ctrl, NEXT, 1)) {
      const R = current();
      if (!R) throw new Error('layout worker: quadtree message missing');
      repulseRange(N, R, c * CHUNK, Math.min(count, (c + 1) * CHUNK), setup.coefficient, setup.thetaSquared);
      Atomics.add(ctrl, WORKED, 1);
      Atomics.add(ctrl, COMPLETED, 1);
      Atomics.notify(ctrl, COMPLETED);
    }
  }
}
