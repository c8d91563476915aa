// Extraction worker: receives batches of papers on its port, runs the pure `extractPaper` on each and posts the terms
// back, packed, with each string as its number in this worker's string table (typed arrays clone quickly, and each
// string crosses once). After every reply it bumps a shared counter so a main thread that waits synchronously
// (Atomics.wait) wakes up.
import { workerData } from 'node:worker_threads';
import type { PackedTerms } from '../extract/packed.ts';
import type { Reply, Task, WireTerms, WorkerSetup } from './protocol.ts';

const { port, signal, tableLimit } = workerData as WorkerSetup;
const counter = new Int32Array(signal);

const reply = (message: Reply): void => {
  port.postMessage(message);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
};

/** This worker's string table (see WireTerms); it starts over once past MAX_TABLE strings, which bounds its memory. */
const MAX_TABLE = tableLimit ?? 1_000_000;
const table = new Map<string, number>();
let fresh: string[] = [];
let reset = false;

function numberOf(s: string): number {
  let n = table.get(s);
  if (n === undefined) {
    table.set(s, (n = table.size));
    fresh.push(s);
  }
  return n;
}

function numbers(list: string[]): Int32Array {
  const out = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = numberOf(list[i]!);
  return out;
}

const toWire = ({ strings, tagWords, ...rest }: PackedTerms): WireTerms => ({ ...rest, strings: numbers(strings), tagWords: numbers(tagWords) });

try {
  // Imported here rather than at the top so a failure to load the extractor is reported instead of hanging the pool.
  const { extractPacked } = await import('../extract/packed.ts');
  port.on('message', (task: Task) => {
    try {
      // Started over between batches only: a reply's numbers all refer to one table.
      if (table.size > MAX_TABLE) {
        table.clear();
        reset = true;
      }
      const terms = task.papers.map((p) => toWire(extractPacked(p)));
      reply({ type: 'done', id: task.id, terms, newStrings: fresh, reset });
      fresh = [];
      reset = false;
    } catch (e) {
      reply({ type: 'error', id: task.id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
  reply({ type: 'ready' });
} catch (e) {
  reply({ type: 'error', id: -1, message: `could not load the extractor: ${e instanceof Error ? e.message : String(e)}` });
}
