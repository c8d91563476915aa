// Messages between the extraction pool (main thread) and its workers. Kept apart so both sides import only types.
import type { MessagePort } from 'node:worker_threads';
import type { ExtractInput } from '../extract/index.ts';
import type { PackedTerms } from '../extract/packed.ts';

export interface WorkerSetup {
  /** Where the worker reads tasks and posts results. */
  port: MessagePort;
  /** Int32 counter the worker bumps (and notifies) after every message it posts, so a blocked main thread wakes. */
  signal: SharedArrayBuffer;
}

export interface Task {
  id: number;
  papers: ExtractInput[];
}

export type Reply =
  | { type: 'ready' }
  | { type: 'done'; id: number; terms: PackedTerms[] }
  | { type: 'error'; id: number; message: string };
