// Layout worker: computes chunks of ForceAtlas2's Barnes-Hut repulsion in shared memory (see repulsion.ts).
import { workerData } from 'node:worker_threads';
import { serveRepulsion, type LayoutWorkerSetup } from './repulsion.ts';

serveRepulsion(workerData as LayoutWorkerSetup);
