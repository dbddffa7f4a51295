import { Worker } from 'node:worker_threads';
import type {
  WriterAppend,
  WriterInit,
  WriterMessage,
  WriterReply,
  WriterRequest,
} from './writer-protocol';
import { writerThread } from './writer-thread';

interface InFlight {
  resolve: (reply: WriterReply) => void;
  reject: (error: unknown) => void;
}

/**
 * The main thread's handle on the writer thread, which owns the store's write connection so
 * that a COMMIT's fsync no longer stops the event loop. One batch at a time: the store sends
 * the next batch after this one's reply, so positions need no coordination across threads.
 */
export class SqliteWriter {
  private worker: Worker | undefined;
  private inFlight: InFlight | undefined;

  private constructor(private readonly init: WriterInit) {}

  /** Resolves once the thread's connection is open, so the first append does not pay for it. */
  static async start(init: WriterInit): Promise<SqliteWriter> {
    const writer = new SqliteWriter(init);
    await new Promise<void>((resolve, reject) => writer.spawn(resolve, reject));
    return writer;
  }

  write(appends: WriterAppend[]): Promise<WriterReply> {
    if (this.inFlight) return Promise.reject(new Error('a batch is already in flight'));
    // After a crash: a new thread, whose messages queue until its connection is open.
    const worker = this.worker ?? this.spawn();
    // Referenced only while a batch is in flight: an idle store must not keep the process alive,
    // but a pending commit must (as the synchronous commit it replaces did).
    worker.ref();
    return new Promise<WriterReply>((resolve, reject) => {
      this.inFlight = { resolve, reject };
      worker.postMessage({ kind: 'write', appends } satisfies WriterRequest);
    });
  }

  /** Lets the thread close its connection and exit; call with no batch in flight. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    worker.ref();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ kind: 'close' } satisfies WriterRequest);
    await exited;
  }

  private spawn(ready?: () => void, failed?: (error: unknown) => void): Worker {
    const worker = new Worker(`(${writerThread.toString()})()`, {
      eval: true,
      workerData: this.init,
      // Not the parent's flags: a --require'd TypeScript hook would cost the thread a second to start.
      execArgv: [],
    });
    worker.unref();
    worker.on('message', (message: WriterMessage) => {
      if ('ready' in message) ready?.();
      else this.settle((pending) => pending.resolve(message));
    });
    worker.on('error', (error) => this.lost(worker, error, failed));
    worker.on('exit', (code) =>
      this.lost(worker, new Error(`writer thread exited (${code})`), failed),
    );
    this.worker = worker;
    return worker;
  }

  /** A dead thread fails its batch (its fate unknown, as after a crash); the next write restarts it. */
  private lost(worker: Worker, error: unknown, failed?: (error: unknown) => void): void {
    if (this.worker === worker) this.worker = undefined;
    failed?.(error);
    this.settle((pending) => pending.reject(error));
  }

  private settle(finish: (pending: InFlight) => void): void {
    const pending = this.inFlight;
    this.inFlight = undefined;
    this.worker?.unref();
    if (pending) finish(pending);
  }
}
