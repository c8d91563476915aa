// Starts the extraction workers a big corpus will want before an entry point loads the pipeline (see
// pipeline/parallel/pool.ts): each worker's second of loading then overlaps this thread's own.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { prestartWorkers } from '../pipeline/parallel/pool.ts';
import { parseArgs } from './args.ts';

/** Corpus files from this size are expected to hold more than the ~500 papers from which extraction uses workers. */
export const PRESTART_FROM_BYTES = 600_000;

/** Starts the workers the build of these arguments will likely use; anything unclear (a bad argument) starts none. */
export function prestartFor(argv: string[]): void {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch {
    return; // the entry point reports it
  }
  if (args.help || args.input === undefined || args.rest.includes('--graph')) return;
  const workers = (args.threads ?? Math.min(2, availableParallelism())) - 1;
  if (workers < 1) return;
  try {
    if (args.threads === undefined && statSync(args.input).size < PRESTART_FROM_BYTES) return;
  } catch {
    return;
  }
  prestartWorkers(workers);
}
