// The extraction workers: starting them, and starting them early. A worker takes about a second to load (tsx, then
// wink-nlp's model); the CLI starts the ones a big corpus will want before it loads the pipeline itself, so that
// second is spent on the other core while this one loads, not at the start of extraction. Only node:worker_threads
// is imported here, so an entry point can call `prestartWorkers` before its heavy imports.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { WorkerSetup } from './protocol.ts';

export interface PoolWorker {
  worker: Worker;
  port: MessagePort;
  ready: boolean;
  inFlight: number;
  /** The worker's string table, as far as its replies have told it. */
  table: string[];
}

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

/**
 * Node options for the workers: none of the parent's (its TypeScript loader is registered by worker.mjs itself, and
 * Vitest's options are not all allowed in workers) except --cpu-prof and --cpu-prof-dir=DIR, so profiling a build
 * profiles its workers too.
 */
const workerExecArgv = (): string[] => process.execArgv.filter((a) => a === '--cpu-prof' || a.startsWith('--cpu-prof-dir='));

/**
 * Starts a worker thread running worker.mjs, which loads `setup.entry` (default the extraction worker) with `setup` as
 * its workerData; the setup's port is transferred to it. It does not keep the process alive.
 */
export function startWorker(setup: { entry?: string; port: MessagePort }): Worker {
  const worker = new Worker(WORKER_URL, { workerData: setup, transferList: [setup.port], execArgv: workerExecArgv() });
  worker.unref();
  // Failures are reported through the port (or end in a timeout); an unhandled 'error' event would kill the process.
  worker.on('error', () => {});
  return worker;
}

export function startWorkers(count: number, signal: SharedArrayBuffer, tableLimit: number | undefined): PoolWorker[] {
  const pool: PoolWorker[] = [];
  for (let i = 0; i < count; i++) {
    const { port1, port2 } = new MessageChannel();
    const setup: WorkerSetup = { port: port2, signal, ...(tableLimit !== undefined ? { tableLimit } : {}) };
    pool.push({ worker: startWorker(setup), port: port1, ready: false, inFlight: 0, table: [] });
  }
  return pool;
}

let early: { workers: PoolWorker[]; signal: SharedArrayBuffer } | undefined;

/** Starts `count` workers now, for the next extraction to take (default string-table limit). */
export function prestartWorkers(count: number): void {
  if (early || count < 1) return;
  const signal = new SharedArrayBuffer(4);
  early = { workers: startWorkers(count, signal, undefined), signal };
}

/**
 * The early workers if there are exactly `count` of them and the pool wants the default table limit; otherwise they
 * are stopped (a corpus smaller than expected) and a fresh pool is started by the caller.
 */
export function takePrestarted(count: number, tableLimit: number | undefined): { workers: PoolWorker[]; signal: SharedArrayBuffer } | undefined {
  const taken = early;
  early = undefined;
  if (!taken) return undefined;
  if (taken.workers.length === count && tableLimit === undefined) return taken;
  for (const w of taken.workers) {
    w.port.close();
    void w.worker.terminate();
  }
  return undefined;
}
