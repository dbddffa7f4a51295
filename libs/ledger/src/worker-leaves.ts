import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LeafReply, LeafRequest } from './audit-leaf-worker';
import type { LeafBatch, LeafSource } from './audit-leaves';

/** Events per request: big enough that messaging is noise, small enough to keep all threads busy. */
const CHUNK = 8192;

// Each thread loads the worker module itself: compiled, it is the .js beside this file; run
// from source (tests, the bench without a build), the repo's TypeScript hook loads the .ts.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.register) require(workerData.register);
require(workerData.entry).runAuditLeafWorker();
`;

export interface WorkerLeavesOptions {
  /** The directory holding events.sqlite. */
  dataDir: string;
  /** Leaves below this are hashed by the threads (the ledger's size when the audit began). */
  until: number;
  /** Where leaves come from otherwise: past `until`, or wherever the threads' ranges disagree. */
  fallback: LeafSource;
  /** Worker threads; default one per core. */
  threads?: number;
  /** Events per request (default 8192; tests use small ones to cross many ranges). */
  chunk?: number;
  /** Checkpoint sizes, ascending: the threads return the tree's border at those inside a range. */
  checkpointSizes?: readonly number[];
}

/** One per core, at least one: the audit's own thread checks and builds the tree meanwhile. */
export function defaultAuditThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Leaf hashes computed by worker threads, each reading its own ranges of events.sqlite (so the
 * audit's thread neither reads nor parses an event), handed out in order. Requests run ahead by
 * two ranges per thread. A range that does not start where the audit stands (a gap or the end
 * of the file) stops the threads; from there the fallback (the store port, on this thread)
 * answers, so what the audit sees is exactly what the single-threaded audit sees.
 */
export function workerLeaves(options: WorkerLeavesOptions): LeafSource {
  const threads = options.threads ?? defaultAuditThreads();
  const chunk = options.chunk ?? CHUNK;
  const workers = Array.from({ length: threads }, () => new LeafWorker(options.dataDir));
  const ahead: Promise<LeafBatch>[] = [];
  let nextFrom: number | undefined;
  let turn = 0;
  let done = false;
  const checkpoints = options.checkpointSizes ?? [];
  let checkpoint = 0; // the first checkpoint size past the ranges asked for so far
  const fill = (): void => {
    while (nextFrom !== undefined && nextFrom < options.until && ahead.length < threads * 2) {
      const to = Math.min(options.until, nextFrom + chunk);
      const from = nextFrom;
      while (checkpoint < checkpoints.length && checkpoints[checkpoint]! <= from) checkpoint++;
      const sizes: number[] = [];
      for (let c = checkpoint; c < checkpoints.length && checkpoints[c]! < to; c++) {
        sizes.push(checkpoints[c]!);
      }
      const reply = workers[turn++ % threads]!.hash({ from, to, sizes });
      reply.catch(() => undefined); // awaited in order below, or dropped after a fallback
      ahead.push(reply);
      nextFrom = to;
    }
  };
  return {
    async next(from) {
      if (!done) {
        nextFrom ??= from;
        fill();
        const batch = await ahead.shift();
        if (batch !== undefined && batch.positions.length > 0 && batch.positions[0] === from) {
          fill();
          return batch;
        }
        done = true;
        ahead.length = 0;
      }
      return options.fallback.next(from);
    },
    async close() {
      done = true;
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}

/** One thread and its replies, which come back in the order asked. */
class LeafWorker {
  private readonly thread: Worker;
  private readonly waiting: { resolve(b: LeafBatch): void; reject(e: unknown): void }[] = [];

  constructor(dataDir: string) {
    const ts = extname(__filename) === '.ts';
    this.thread = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: {
        dataDir,
        entry: join(__dirname, `audit-leaf-worker${extname(__filename)}`),
        register: ts ? typescriptHook() : undefined,
      },
    });
    this.thread.on('message', (reply: LeafReply) => {
      const waiter = this.waiting.shift();
      if ('batch' in reply) waiter?.resolve(reply.batch);
      else waiter?.reject(new Error(`audit worker: ${reply.error}`));
    });
    this.thread.on('error', (error) => {
      for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    });
    this.thread.on('exit', (code) => {
      const gone = new Error(`audit worker exited (${code})`);
      for (const waiter of this.waiting.splice(0)) waiter.reject(gone);
    });
  }

  hash(request: LeafRequest): Promise<LeafBatch> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.thread.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.thread.terminate();
  }
}

/** The repo's require hook for TypeScript (tests/support/register-ts.js), found upwards. */
function typescriptHook(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const hook = join(dir, 'tests', 'support', 'register-ts.js');
    if (existsSync(hook)) return hook;
  }
  throw new Error('running from TypeScript source without tests/support/register-ts.js');
}
