// The scale run's ingest ("bulk ingest"): the generator's events appended through the store
// port as the ledger appends them (durable group commits, synchronous=FULL, one event per
// append call), with the Merkle log integrated from the store and a checkpoint signed each
// second as the service does. What it adds to a plain loop is only the pipelining, which pays
// only where a core is free: three threads each doing one stage (generator; appends, whose
// commits run on the store's writer thread; the integrator and checkpointer), none waiting for
// another except through bounded queues. No HTTP, no projections (the rebuild row builds those
// from the result).
import { Worker } from 'node:worker_threads';
import { extname, join } from 'node:path';
import { SqliteEventStore, type AppendResult, type EventData } from '@inr/event-store';

export interface GeneratorThreadData {
  events: number;
  /** Events already in the store: generated again, not sent. */
  skip: number;
  chunk: number;
}

export interface IntegratorData {
  dataDir: string;
  origin: string;
  /** Events per integrated transaction. */
  batch: number;
  signEveryMs: number;
}

/** What the integrator thread has done so far; `done` once the tree holds every event. */
export interface IntegratorReport {
  size: number;
  busyMs: number;
  checkpoints: number;
  done: boolean;
}

export type GeneratedChunk = { streamId: string; event: EventData }[];

export interface BulkIngestFigures {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** The integrator thread's busy time (reading, hashing, writing the tree; inside `seconds`). */
  integrateSeconds: number;
  /** CPU time of the whole process (every thread) per event ingested. */
  cpuMicrosPerEvent?: number;
  checkpoints: number;
  treeSize: number;
}

/** Events per chunk the generator thread sends. */
const CHUNK = 2048;
/** Chunks the generator runs ahead of the appends (a bounded queue; ~0.6 KiB per event). */
const AHEAD = 8;
/** Chunks appended but not yet committed, at most. */
const IN_FLIGHT = 2;
/** The store commits appends in groups; yielding this often lets the next group go out. */
const YIELD_EVERY = 256;
/** The service signs at most once a second (its default checkpoint interval). */
const SIGN_EVERY_MS = 1000;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A bench worker thread running `<name>.js` (or `.ts` from source, through the parent's hook). */
function benchThread(name: string, workerData: unknown): Worker {
  const file = join(__dirname, `${name}${extname(__filename)}`);
  return new Worker(`require(${JSON.stringify(file)})`, {
    eval: true,
    workerData,
    // The parent's flags carry the TypeScript hook from source; --expose-gc is refused in workers.
    execArgv: process.execArgv.filter((flag) => flag !== '--expose-gc'),
  });
}

/** Generator chunks on demand from a worker thread, AHEAD chunks asked for in advance. */
class GeneratorThread {
  private readonly worker: Worker;
  private readonly waiting: ((chunk: GeneratedChunk) => void)[] = [];
  private readonly ready: GeneratedChunk[] = [];
  private failure: unknown;

  constructor(data: GeneratorThreadData) {
    this.worker = benchThread('generator-thread', data);
    this.worker.on('message', (chunk: GeneratedChunk) => {
      const next = this.waiting.shift();
      if (next) next(chunk);
      else this.ready.push(chunk);
    });
    this.worker.on('error', (error) => (this.failure = error));
    for (let i = 0; i < AHEAD; i++) this.worker.postMessage('next');
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

/** The Merkle log's integrator and checkpointer in a worker thread; `latest` is its last report. */
class IntegratorThread {
  private readonly worker: Worker;
  latest: IntegratorReport = { size: 0, busyMs: 0, checkpoints: 0, done: false };
  private failure: unknown;
  private readonly finished: Promise<IntegratorReport>;

  constructor(data: IntegratorData) {
    this.worker = benchThread('integrator-thread', data);
    this.finished = new Promise((resolve, reject) => {
      this.worker.on('message', (report: IntegratorReport) => {
        this.latest = report;
        if (report.done) resolve(report);
      });
      this.worker.on('error', (error) => {
        this.failure = error;
        reject(error);
      });
    });
    this.finished.catch(() => undefined); // surfaced by check() or finish()
  }

  check(): void {
    if (this.failure) throw this.failure;
  }

  /** Tells the thread the store's final count; resolves once the tree holds it, signed. */
  finish(count: number): Promise<IntegratorReport> {
    this.worker.postMessage(count);
    return this.finished;
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
  const held = await store.count();
  const generator = new GeneratorThread({ events, skip: held, chunk: CHUNK });
  const integrator = new IntegratorThread({
    dataDir,
    origin,
    batch: CHUNK,
    signEveryMs: SIGN_EVERY_MS,
  });
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const figures = (written: number, report: IntegratorReport): BulkIngestFigures => {
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    return {
      events: written,
      seconds,
      eventsPerSecond: Math.round(written / seconds),
      integrateSeconds: Math.round(report.busyMs / 100) / 10,
      cpuMicrosPerEvent: written > 0 ? Math.round((cpu.user + cpu.system) / written) : undefined,
      checkpoints: report.checkpoints,
      treeSize: report.size,
    };
  };
  try {
    const inFlight: Promise<AppendResult[]>[] = [];
    for (let chunk = await generator.next(); chunk.length > 0; chunk = await generator.next()) {
      integrator.check();
      const appends: Promise<AppendResult>[] = [];
      for (let i = 0; i < chunk.length; i++) {
        const { streamId, event } = chunk[i]!;
        appends.push(store.append(streamId, [event]));
        if ((i + 1) % YIELD_EVERY === 0) await turn();
      }
      inFlight.push(Promise.all(appends));
      if (inFlight.length > IN_FLIGHT) await inFlight.shift();
      // Progress counts what the tree holds: committed, integrated (and soon signed) events.
      const sofar = figures(Math.max(0, integrator.latest.size - held), integrator.latest);
      onProgress?.(sofar.events + held, sofar.eventsPerSecond, sofar);
    }
    await Promise.all(inFlight);
    const count = await store.count();
    const last = await integrator.finish(count);
    return figures(count - held, last);
  } finally {
    await generator.stop();
    await integrator.stop();
    await store.close();
  }
}
