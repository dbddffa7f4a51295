import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import {
  syncPostgresThread,
  type SyncReply,
  type SyncRequest,
  type SyncStatement,
  type SyncThreadInit,
} from './sync-postgres-thread';

/** PostgreSQL refused a statement (`code` is its SQLSTATE), or could not be reached. */
export class SyncPostgresError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'SyncPostgresError';
  }
}

/**
 * Synchronous PostgreSQL queries over one connection, for code written against synchronous
 * stores (the Merkle tree's hash reads sit inside proof code, as with better-sqlite3). A worker
 * thread holds the node-postgres client; the calling thread posts a request and blocks in
 * Atomics.wait until the reply is on the port. The cost: the event loop waits one round trip
 * per call, as it waits for a disk read with SQLite; callers batch statements per call.
 */
export class SyncPostgres {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 0;
  private failure: Error | undefined;
  private closed = false;

  constructor(
    url: string,
    private readonly timeoutMs = 30_000,
  ) {
    const { port1, port2 } = new MessageChannel();
    const init: SyncThreadInit = {
      url,
      driverPath: require.resolve('pg'),
      port: port2,
      signal: this.signal,
    };
    this.worker = new Worker(`(${syncPostgresThread.toString()})()`, {
      eval: true,
      workerData: init,
      transferList: [port2],
      // Not the parent's flags: a --require'd TypeScript hook would cost the thread a second.
      execArgv: [],
    });
    this.worker.unref();
    this.worker.on('error', (error) => (this.failure = error));
    this.worker.on('exit', (code) => (this.failure ??= new Error(`thread exited (${code})`)));
    this.port = port1;
    this.port.unref();
  }

  /** Runs the statements in order on the connection; returns each one's rows. */
  run(statements: readonly SyncStatement[]): Record<string, unknown>[][] {
    const reply = this.call({ id: ++this.nextId, statements: [...statements] });
    return 'results' in reply ? reply.results : [];
  }

  query<R>(sql: string, params: unknown[] = []): R[] {
    return this.run([{ sql, params }])[0] as R[];
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.failure === undefined) this.call({ id: ++this.nextId, end: true });
    } finally {
      this.port.close();
      void this.worker.terminate();
    }
  }

  private call(request: SyncRequest): SyncReply {
    if (this.failure !== undefined)
      throw new SyncPostgresError(`PostgreSQL thread failed: ${this.failure.message}`);
    this.port.postMessage(request);
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      const received = receiveMessageOnPort(this.port);
      if (received !== undefined) {
        const reply = received.message as SyncReply;
        if (reply.id !== request.id) continue; // a reply to a call that timed out
        if ('error' in reply) throw new SyncPostgresError(reply.error.message, reply.error.code);
        return reply;
      }
      const left = deadline - Date.now();
      const failure = this.failure as Error | undefined; // set by the thread's error event
      if (left <= 0 || failure !== undefined) {
        throw new SyncPostgresError(
          failure?.message ?? `PostgreSQL did not answer within ${this.timeoutMs} ms`,
        );
      }
      Atomics.wait(this.signal, 0, seen, Math.min(left, 1000));
    }
  }
}
