// The related-papers pass shared out over worker threads. The similarity index lives in shared memory; this thread and
// the workers claim chunks of papers from an atomic counter, and each relates the papers of its chunks (a paper's
// list depends only on the index, never on which thread computes it). Workers post their chunks' lists back; the
// lists are put in paper order, so the result is the same, bit for bit, with any number of threads.
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startWorker } from './pool.ts';
import { RelatedLists, relateRange, RelateScratch, type RelateSettings, type SimilarityIndex } from '../similarity.ts';

/** Control words (Int32, shared): the next chunk to claim, chunks finished, a worker failed while relating. */
export const NEXT = 0;
export const COMPLETED = 1;
export const FAILED = 2;
/** Chunks computed by workers (for tests and curiosity). */
export const WORKED = 3;
/** Workers serving. */
export const READY = 4;
/** Papers per chunk of work. */
export const CHUNK = 512;

export interface RelateWorkerSetup {
  entry: string;
  port: MessagePort;
  /** Bumped by worker.mjs when the worker cannot start: this thread then does the chunks left. */
  signal: SharedArrayBuffer;
  control: SharedArrayBuffer;
  index: SimilarityIndex;
  settings: RelateSettings;
}

export interface ChunkMessage {
  chunk: number;
  ints: Int32Array;
  intCount: number;
  scores: Float64Array;
  scoreCount: number;
}

/** For tests: wait until the workers serve before this thread claims a chunk; hear how many chunks they did. */
export interface ParallelTestHooks {
  waitForWorkersMs?: number;
  onWorkerChunks?: (chunks: number) => void;
}

/** Longest wait for a worker's next finished chunk before giving up on the build. */
const STALL_MS = 120_000;

/**
 * Related lists of every paper, one RelatedLists per chunk in paper order, computed by this thread and `threads - 1`
 * workers. The index's arrays must live in shared memory. `onWorkerChunks` is told how many chunks the workers did.
 */
export function relateInParallel(index: SimilarityIndex, settings: RelateSettings, threads: number, test: ParallelTestHooks = {}): RelatedLists[] {
  const chunks = Math.ceil(index.papers / CHUNK);
  const control = new SharedArrayBuffer(5 * 4);
  const ctrl = new Int32Array(control);
  const signal = new SharedArrayBuffer(4);
  const workers: Array<{ worker: Worker; port: MessagePort }> = [];
  for (let i = 0; i < threads - 1; i++) {
    const { port1, port2 } = new MessageChannel();
    const setup: RelateWorkerSetup = { entry: './relate-worker.ts', port: port2, signal, control, index, settings };
    workers.push({ worker: startWorker(setup), port: port1 });
  }
  const lists = new Array<RelatedLists | undefined>(chunks);
  const scratch = new RelateScratch(index);
  const drain = (): void => {
    for (const w of workers)
      for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
        const message = m.message as ChunkMessage | { type: 'error'; message: string };
        if ('type' in message) {
          // A worker that could not start (worker.mjs counts it in `signal`) claimed nothing: this thread did its share.
          if (!Atomics.load(ctrl, FAILED)) continue;
          throw new Error(`a related-papers worker failed: ${message.message}`);
        }
        const out = new RelatedLists();
        out.ints = message.ints;
        out.intCount = message.intCount;
        out.scores = message.scores;
        out.scoreCount = message.scoreCount;
        lists[message.chunk] = out;
      }
  };
  try {
    if (test.waitForWorkersMs) {
      const until = performance.now() + test.waitForWorkersMs;
      for (let ready = 0; ready < workers.length && performance.now() < until; ready = Atomics.load(ctrl, READY)) Atomics.wait(ctrl, READY, ready, 50);
    }
    for (let c = Atomics.add(ctrl, NEXT, 1); c < chunks; c = Atomics.add(ctrl, NEXT, 1)) {
      const out = new RelatedLists();
      relateRange(index, settings, c * CHUNK, Math.min(index.papers, (c + 1) * CHUNK), scratch, out);
      lists[c] = out;
      Atomics.add(ctrl, COMPLETED, 1);
    }
    let last = performance.now();
    let seen = Atomics.load(ctrl, COMPLETED);
    while (seen < chunks) {
      Atomics.wait(ctrl, COMPLETED, seen, 1000);
      if (Atomics.load(ctrl, FAILED)) drain();
      const now = Atomics.load(ctrl, COMPLETED);
      if (now !== seen) last = performance.now();
      else if (performance.now() - last > STALL_MS) throw new Error(`a related-papers worker stopped (no progress for ${STALL_MS / 1000} s)`);
      seen = now;
    }
    drain();
    test.onWorkerChunks?.(Atomics.load(ctrl, WORKED));
  } finally {
    for (const w of workers) {
      w.port.close();
      void w.worker.terminate();
    }
  }
  return lists.map((l, c) => {
    if (!l) throw new Error(`related papers: chunk ${c} was never computed`);
    return l;
  });
}

/** The worker's side (run by relate-worker.ts): claims chunks until none are left, posting each chunk's lists. */
export function serveRelate(setup: RelateWorkerSetup): void {
  const ctrl = new Int32Array(setup.control);
  const { index, settings } = setup;
  const chunks = Math.ceil(index.papers / CHUNK);
  const scratch = new RelateScratch(index);
  Atomics.add(ctrl, READY, 1);
  Atomics.notify(ctrl, READY);
  for (let c = Atomics.add(ctrl, NEXT, 1); c < chunks; c = Atomics.add(ctrl, NEXT, 1)) {
    const out = new RelatedLists();
    relateRange(index, settings, c * CHUNK, Math.min(index.papers, (c + 1) * CHUNK), scratch, out);
    const message: ChunkMessage = { chunk: c, ints: out.ints, intCount: out.intCount, scores: out.scores, scoreCount: out.scoreCount };
    // Posted before the chunk counts as done, so this thread finds it on the port once COMPLETED says so.
    setup.port.postMessage(message, [out.ints.buffer as ArrayBuffer, out.scores.buffer as ArrayBuffer]);
    Atomics.add(ctrl, WORKED, 1);
    Atomics.add(ctrl, COMPLETED, 1);
    Atomics.notify(ctrl, COMPLETED);
  }
  setup.port.close();
}
