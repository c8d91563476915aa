// Related-papers worker: relates chunks of papers from the shared similarity index (see relate.ts).
import { workerData } from 'node:worker_threads';
import { COMPLETED, FAILED, serveRelate, type RelateWorkerSetup } from './relate.ts';

const setup = workerData as RelateWorkerSetup;
try {
  serveRelate(setup);
} catch (e) {
  setup.port.postMessage({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  const ctrl = new Int32Array(setup.control);
  Atomics.store(ctrl, FAILED, 1);
  Atomics.notify(ctrl, COMPLETED);
}
