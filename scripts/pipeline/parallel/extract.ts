// Extraction on worker threads. `extractPaper` works per paper, so papers are cut into batches that go to whichever
// thread is free — this one or one of `threads - 1` workers — and the results are put back in paper order. A paper's
// terms do not depend on which thread read it, or after which papers (./extract/wink.ts makes the tagger forget the
// words of earlier texts), so the output is the same bytes for any number of threads.
//
// The pool is driven synchronously (the caller gets an array back, no Promise): this thread extracts its own batches
// and in between sleeps in Atomics.wait on a counter that workers bump after each reply, reading replies with
// receiveMessageOnPort. That keeps the CLI's `runGraphBuild` synchronous for every caller. This thread starts at
// once while the workers load (about a second each: tsx, then wink-nlp's model).
import { availableParallelism } from 'node:os';
import { receiveMessageOnPort } from 'node:worker_threads';
import type { ExtractInput } from '../extract/index.ts';
import { extractPacked, type PackedTerms } from '../extract/packed.ts';
import { startWorkers, takePrestarted, type PoolWorker } from './pool.ts';
import type { Reply, Task, WireTerms } from './protocol.ts';

/** Below this many papers one thread is faster: starting a worker (tsx, wink-nlp's model) costs about a second. */
export const PARALLEL_FROM = 500;

/** Batches given to a worker ahead of its replies. */
const IN_FLIGHT = 4;

/** Threads for a corpus when the user did not say: both cores of a 2-core machine for big corpora, else one. */
export function defaultThreads(paperCount: number): number {
  return paperCount > PARALLEL_FROM ? Math.max(1, Math.min(2, availableParallelism())) : 1;
}

export interface ExtractAllOptions {
  /** Threads that extract: this one and `threads - 1` workers; 1 (or a corpus of one batch) uses no worker. */
  threads: number;
  /** Papers per task sent to a worker. */
  batch?: number;
  progress?: (done: number, total: number) => void;
  /** Told when the workers could not start and extraction fell back to this thread. */
  warn?: (line: string) => void;
  /** Longest wait for a worker's first reply (start-up: loading tsx and the tagger's model). */
  startTimeoutMs?: number;
  /** Longest wait for any reply once the workers run. */
  replyTimeoutMs?: number;
  /** Strings a worker's string table holds before it starts over (see WireTerms; tests set it small). */
  tableLimit?: number;
}


/** Terms of every paper, in the order of `papers`, extracted by this thread and `threads - 1` worker threads. */
export function extractAll(papers: ExtractInput[], options: ExtractAllOptions): PackedTerms[] {
  const batch = Math.max(1, Math.floor(options.batch ?? 32));
  const threads = Math.max(1, Math.min(Math.floor(options.threads), Math.ceil(papers.length / batch)));
  const progress = options.progress ?? (() => {});
  const results: PackedTerms[] = new Array<PackedTerms>(papers.length);
  // Workers the CLI started early (while it loaded) are used when they are what this corpus needs, else let go.
  const early = takePrestarted(threads - 1, options.tableLimit);
  if (threads <= 1) return extractHere(papers, 0, papers.length, results, progress);

  const tasks: Task[] = [];
  for (let start = 0, id = 0; start < papers.length; start += batch, id++) tasks.push({ id, papers: papers.slice(start, start + batch).map(inputOf) });
  const signal = early?.signal ?? new SharedArrayBuffer(4);
  const counter = new Int32Array(signal);
  // This thread works while the workers start up; every thread takes the next batch nobody has taken yet.
  const pool = early?.workers ?? startWorkers(threads - 1, signal, options.tableLimit);
  let next = 0;
  const startTimeout = options.startTimeoutMs ?? 120_000;
  const replyTimeout = options.replyTimeoutMs ?? 300_000;
  let done = 0;
  let anyReady = false;
  let lastReply = performance.now();
  const filled = new Uint8Array(tasks.length);
  // Strings that come from workers are copies: with several workers, one copy of each whichever sent it (see
  // WireTerms; one worker's table already holds each of its strings once).
  const strings = pool.length > 1 ? new Map<string, string>() : undefined;
  const put = (id: number, terms: PackedTerms[]): void => {
    if (filled[id]) return;
    filled[id] = 1;
    terms.forEach((t, i) => (results[id * batch + i] = t));
    done += terms.length;
    progress(done, papers.length);
  };
  const received = (w: PoolWorker, reply: Extract<Reply, { type: 'done' }>): void => {
    if (reply.reset) w.table.length = 0;
    for (const s of reply.newStrings) {
      const known = strings?.get(s);
      if (known === undefined) strings?.set(s, s);
      w.table.push(known ?? s);
    }
    put(reply.id, reply.terms.map((t) => fromWire(t, w.table)));
  };
  /** Workers could not start: this thread does every batch not done yet (late replies are ignored). */
  const fallBack = (why: string): PackedTerms[] => {
    options.warn?.(`extraction workers ${why}: extracting in this thread`);
    for (const task of tasks) if (!filled[task.id]) put(task.id, task.papers.map((p) => extractPacked(p)));
    return results;
  };
  try {
    while (done < papers.length) {
      const seen = Atomics.load(counter, 0);
      let got = false;
      for (const w of pool) {
        for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
          got = true;
          const reply = m.message as Reply;
          if (reply.type === 'ready') (w.ready = true), (anyReady = true);
          else if (reply.type === 'error' && reply.id < 0) return fallBack(`could not start (${reply.message})`);
          else if (reply.type === 'error') throw new Error(`extraction worker failed on batch ${reply.id}: ${reply.message}`);
          else {
            received(w, reply);
            w.inFlight--;
          }
        }
        // Tasks in flight per worker, so a worker never idles while this thread extracts a batch, reads replies or
        // collects garbage (a pause can outlast two batches: with two in flight a worker idled 3.6% of a 30k-paper run,
        // with four 1.2%).
        while (w.ready && w.inFlight < IN_FLIGHT && next < tasks.length) {
          w.port.postMessage(tasks[next++]!);
          w.inFlight++;
        }
      }
      if (got) lastReply = performance.now();
      if (next < tasks.length) {
        const task = tasks[next++]!;
        put(task.id, task.papers.map((p) => extractPacked(p)));
        continue;
      }
      if (got) continue;
      const waited = performance.now() - lastReply;
      if (!anyReady && waited > startTimeout) return fallBack(`did not start within ${Math.round(startTimeout / 1000)} s`);
      if (anyReady && waited > replyTimeout) throw new Error(`an extraction worker stopped answering (no reply for ${Math.round(waited / 1000)} s)`);
      Atomics.wait(counter, 0, seen, 1000);
    }
    return results;
  } finally {
    for (const w of pool) {
      w.port.close();
      void w.worker.terminate();
    }
  }
}

function fromWire(t: WireTerms, table: string[]): PackedTerms {
  const text = (numbers: Int32Array): string[] => Array.from(numbers, (n) => table[n]!);
  const terms: PackedTerms = { key: t.key, definitions: t.definitions, tagWords: text(t.tagWords), tagCounts: t.tagCounts, size: t.size, ints: t.ints, strings: text(t.strings) };
  if (t.odd) terms.odd = t.odd;
  return terms;
}

const inputOf = (p: ExtractInput): ExtractInput => ({ key: p.key, title: p.title, abstract: p.abstract });

function extractHere(papers: ExtractInput[], from: number, to: number, out: PackedTerms[], progress: (done: number, total: number) => void): PackedTerms[] {
  for (let i = from; i < to; i++) {
    out[i] = extractPacked(papers[i]!);
    if (i % 50 === 49) progress(i + 1, papers.length);
  }
  return out;
}

