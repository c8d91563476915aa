// Worker entry, plain JavaScript: Node 20 does not pass the parent's TypeScript loader (tsx) on to worker threads, so
// the worker registers tsx itself and then loads the TypeScript worker (workerData.entry, default the extraction
// worker). A failure is posted like any other error.
import { workerData } from 'node:worker_threads';

try {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL(workerData.entry ?? './worker.ts', import.meta.url).href);
} catch (e) {
  const { port, signal } = workerData;
  port.postMessage({ type: 'error', id: -1, message: `could not start: ${e instanceof Error ? e.message : String(e)}` });
  const counter = new Int32Array(signal);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}
