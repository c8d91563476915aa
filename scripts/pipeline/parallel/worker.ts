// Extraction worker: receives batches of papers on its port, runs the pure `extractPaper` on each and posts the terms
// back, packed (typed arrays and string arrays clone quickly). After every reply it bumps a shared counter so a main thread that waits
// synchronously (Atomics.wait) wakes up.
import { workerData } from 'node:worker_threads';
import type { Reply, Task, WorkerSetup } from './protocol.ts';

const { port, signal } = workerData as WorkerSetup;
const counter = new Int32Array(signal);

const reply = (message: Reply): void => {
  port.postMessage(message);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
};

try {
  // Imported here rather than at the top so a failure to load the extractor is reported instead of hanging the pool.
  const { extractPacked } = await import('../extract/packed.ts');
  port.on('message', (task: Task) => {
    try {
      reply({ type: 'done', id: task.id, terms: task.papers.map((p) => extractPacked(p)) });
    } catch (e) {
      reply({ type: 'error', id: task.id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
  reply({ type: 'ready' });
} catch (e) {
  reply({ type: 'error', id: -1, message: `could not load the extractor: ${e instanceof Error ? e.message : String(e)}` });
}
