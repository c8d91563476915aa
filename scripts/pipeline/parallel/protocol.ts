// Messages between the extraction pool (main thread) and its workers. Kept apart so both sides import only types.
import type { MessagePort } from 'node:worker_threads';
import type { ExtractInput } from '../extract/index.ts';
import type { PackedTerms } from '../extract/packed.ts';

export interface WorkerSetup {
  /** Where the worker reads tasks and posts results. */
  port: MessagePort;
  /** Int32 counter the worker bumps (and notifies) after every message it posts, so a blocked main thread wakes. */
  signal: SharedArrayBuffer;
  /** Strings the worker's table holds before it starts over (default 1,000,000). */
  tableLimit?: number;
}

export interface Task {
  id: number;
  papers: ExtractInput[];
}

/**
 * Packed terms as a worker sends them: each string as its number in the worker's string table, so a word key that
 * arrives thousands of times crosses over, and is stored on this side, once.
 */
export type WireTerms = Omit<PackedTerms, 'strings' | 'tagWords'> & { strings: Int32Array; tagWords: Int32Array };

export type Reply =
  | { type: 'ready' }
  | {
      type: 'done';
      id: number;
      terms: WireTerms[];
      /** Strings new to the worker's table since its last reply, in number order; after `reset` the table began anew. */
      newStrings: string[];
      reset: boolean;
    }
  | { type: 'error'; id: number; message: string };
