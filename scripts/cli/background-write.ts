// Writes a big file from a worker thread: this thread fills buffers and hands them over, the worker copies them into
// the file while this thread goes on filling the next. At 100,000 papers the graph file is ~900 MB and the copying
// (~2 s) then overlaps the stringifying instead of adding to it. The buffers travel back and forth (transferred, never
// copied), so a few of them serve the whole file. Synchronous for the caller, like the rest of the build: it waits on
// a shared counter the worker bumps after each buffer.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** The worker, as CommonJS source: it needs nothing of the project (no TypeScript loader to start). */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { fd, port, signal } = workerData;
const counter = new Int32Array(signal);
let failed;
port.on('message', ({ buffer, length }) => {
  if (failed === undefined) {
    try {
      const bytes = new Uint8Array(buffer, 0, length);
      for (let at = 0; at < length; ) at += writeSync(fd, bytes, at, length - at);
    } catch (e) {
      failed = e instanceof Error ? e.message : String(e);
    }
  }
  port.postMessage({ buffer, failed }, [buffer]);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
});
`;

interface Returned {
  buffer: ArrayBuffer;
  failed?: string;
}

export class BackgroundWrite {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #counter: Int32Array;
  readonly #free: ArrayBuffer[] = [];
  #made = 0;
  #inFlight = 0;
  #failed: string | undefined;

  /** Writes to `fd` (which the caller opened and closes after `finish`) with up to `buffers` buffers of `size` bytes. */
  constructor(
    fd: number,
    private readonly file: string,
    readonly size: number,
    private readonly buffers = 3,
    private readonly stallMs = 120_000,
  ) {
    const signal = new SharedArrayBuffer(4);
    this.#counter = new Int32Array(signal);
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { fd, port: port2, signal }, transferList: [port2] });
    this.#worker.on('error', (e) => (this.#failed ??= e.message));
  }

  /** A buffer to fill: a new one while fewer than `buffers` exist, else the next the worker gives back. */
  take(): Buffer {
    if (this.#free.length === 0 && this.#made < this.buffers) {
      this.#made++;
      return Buffer.from(new ArrayBuffer(this.size));
    }
    while (this.#free.length === 0) this.#wait();
    return Buffer.from(this.#free.pop()!);
  }

  /** Hands the first `length` bytes of a buffer from `take` to the worker; the buffer is not to be used again. */
  give(buffer: Buffer, length: number): void {
    this.#check();
    this.#port.postMessage({ buffer: buffer.buffer, length }, [buffer.buffer as ArrayBuffer]);
    this.#inFlight++;
  }

  /** Waits until every buffer is in the file; throws if a write failed. */
  finish(): void {
    try {
      while (this.#inFlight > 0) this.#wait();
      this.#check();
    } finally {
      this.#port.close();
      void this.#worker.terminate();
    }
  }

  #check(): void {
    if (this.#failed !== undefined) throw new Error(`cannot write ${this.file}: ${this.#failed}`);
  }

  /** Blocks until the worker gives a buffer back (or fails). */
  #wait(): void {
    const started = performance.now();
    for (;;) {
      const seen = Atomics.load(this.#counter, 0);
      let got = false;
      for (let m = receiveMessageOnPort(this.#port); m; m = receiveMessageOnPort(this.#port)) {
        const { buffer, failed } = m.message as Returned;
        this.#free.push(buffer);
        this.#inFlight--;
        this.#failed ??= failed;
        got = true;
      }
      this.#check();
      if (got) return;
      if (performance.now() - started > this.stallMs) throw new Error(`cannot write ${this.file}: the writing thread stopped answering`);
      Atomics.wait(this.#counter, 0, seen, 1000);
    }
  }
}
