// The scale run's ingest ("bulk ingest"): the generator's events appended through the store
// port as the ledger appends them (durable group commits, synchronous=FULL, one event per
// append call), with the Merkle log integrated from the store and a checkpoint signed each
// second as the service does. What makes it fast is only the pipelining: the generator runs in
// a worker thread, the store's writer thread commits one batch while the next is queued, and
// the main thread integrates what is committed. No HTTP, no projections (the rebuild row
// builds those from the result).
import { Worker } from 'node:worker_threads';
import { extname, join } from 'node:path';
import { SqliteEventStore, type AppendResult, type EventData } from '@inr/event-store';
import { Checkpointer, LedgerLog, loadOrCreateSigningKey, SqliteHashStore } from '@inr/ledger';

export interface GeneratorThreadData {
  events: number;
  /** Events already in the store: generated again, not sent. */
  skip: number;
  chunk: number;
}

export type GeneratedChunk = { streamId: string; event: EventData }[];

export interface BulkIngestFigures {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Main-thread time spent integrating the Merkle log (inside `seconds`). */
  integrateSeconds: number;
  checkpoints: number;
  treeSize: number;
}

/** Events per chunk the generator thread sends; two chunks are asked for ahead. */
const CHUNK = 2048;
/** The store commits appends in groups; yielding this often lets the next group go out. */
const YIELD_EVERY = 256;
/** The service signs at most once a second (its default checkpoint interval). */
const SIGN_EVERY_MS = 1000;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Generator chunks on demand from a worker thread (the TypeScript hook too, when run from source). */
class GeneratorThread {
  private readonly worker: Worker;
  private readonly waiting: ((chunk: GeneratedChunk) => void)[] = [];
  private readonly ready: GeneratedChunk[] = [];
  private failure: unknown;

  constructor(data: GeneratorThreadData) {
    const file = join(__dirname, `generator-thread${extname(__filename)}`);
    this.worker = new Worker(`require(${JSON.stringify(file)})`, {
      eval: true,
      workerData: data,
      // The parent's flags carry the TypeScript hook from source; --expose-gc is refused in workers.
      execArgv: process.execArgv.filter((flag) => flag !== '--expose-gc'),
    });
    this.worker.on('message', (chunk: GeneratedChunk) => {
      const next = this.waiting.shift();
      if (next) next(chunk);
      else this.ready.push(chunk);
    });
    this.worker.on('error', (error) => (this.failure = error));
    this.worker.postMessage('next');
    this.worker.postMessage('next');
  }

  async next(): Promise<GeneratedChunk> {
    if (this.failure) throw this.failure;
    const chunk =
      this.ready.shift() ?? (await new Promise<GeneratedChunk>((r) => this.waiting.push(r)));
    if (chunk.length > 0) this.worker.postMessage('next');
    return chunk;
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

export async function bulkIngest(
  dataDir: string,
  events: number,
  origin: string,
  onProgress?: (done: number, perSecond: number, sofar: BulkIngestFigures) => void,
): Promise<BulkIngestFigures> {
  const store = await SqliteEventStore.open({ dataDir });
  const hashes = new SqliteHashStore(dataDir);
  const log = new LedgerLog(store, hashes);
  const checkpointer = new Checkpointer(log, hashes, loadOrCreateSigningKey(dataDir, origin), {
    origin,
  });
  const held = await store.count();
  const generator = new GeneratorThread({ events, skip: held, chunk: CHUNK });
  const started = performance.now();
  let integrateMs = 0;
  let checkpoints = 0;
  let lastSigned = started;
  const figures = (written: number): BulkIngestFigures => {
    const seconds = (performance.now() - started) / 1000;
    return {
      events: written,
      seconds,
      eventsPerSecond: Math.round(written / seconds),
      integrateSeconds: Math.round(integrateMs / 100) / 10,
      checkpoints,
      treeSize: log.size(),
    };
  };
  const integrate = async (): Promise<void> => {
    const t0 = performance.now();
    await log.catchUp(CHUNK);
    if (t0 - lastSigned >= SIGN_EVERY_MS && checkpointer.signNow()) {
      checkpoints++;
      lastSigned = t0;
    }
    integrateMs += performance.now() - t0;
  };
  try {
    let done = held;
    let previous: Promise<AppendResult[]> | undefined;
    for (let chunk = await generator.next(); chunk.length > 0; chunk = await generator.next()) {
      const appends: Promise<AppendResult>[] = [];
      for (let i = 0; i < chunk.length; i++) {
        const { streamId, event } = chunk[i]!;
        appends.push(store.append(streamId, [event]));
        if ((i + 1) % YIELD_EVERY === 0) await turn();
      }
      // The chunk before this one is committed: integrate it while this one commits.
      if (previous) await previous;
      await integrate();
      previous = Promise.all(appends);
      done += chunk.length;
      // Progress counts what the tree holds: committed, integrated events only.
      const sofar = figures(log.size() - held);
      onProgress?.(done, sofar.eventsPerSecond, sofar);
    }
    if (previous) await previous;
    await integrate();
    if (checkpointer.signNow()) checkpoints++;
    return figures((await store.count()) - held);
  } finally {
    await generator.stop();
    checkpointer.close();
    hashes.close();
    await store.close();
  }
}
