import { parentPort, workerData } from 'node:worker_threads';
import { PROJECTIONS } from '../projections';
import { loadProjections, openRebuildFile, type LoadOptions } from './rebuild-file';
import { RebuildEventsReader } from './rebuild-reader';
import { withKeyShare, type KeyShare } from './key-share';

/** What a rebuild thread is asked: its projections into its own side file. */
export interface RebuildWorkerData {
  eventsDir: string;
  dataDir: string;
  file: string;
  projections: readonly string[];
  /** The only event types whose data the group's folds read (all when absent). */
  types?: readonly string[];
  /** Keyed projections folding only a share of their keys, by name. */
  shares?: Readonly<Record<string, KeyShare>>;
  total: number;
  load: Omit<LoadOptions, 'onCommit'>;
}

/** Progress after each commit, then the end (or the failure). */
export type RebuildWorkerMessage = { done: number } | { finished: number } | { error: string };

/**
 * A worker thread's body: reads events.sqlite itself, applies its group of projections and
 * builds their indexes; the caller merges the side files.
 */
export function runRebuildWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runRebuildWorker runs only in a worker thread');
  const post = (message: RebuildWorkerMessage): void => port.postMessage(message);
  rebuildGroup(workerData as RebuildWorkerData, (done) => post({ done }))
    .then((finished) => post({ finished }))
    .catch((error: unknown) =>
      post({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
}

async function rebuildGroup(
  data: RebuildWorkerData,
  onCommit: (done: number) => void,
): Promise<number> {
  const reader = new RebuildEventsReader(data.eventsDir, data.types);
  try {
    const db = openRebuildFile(data.dataDir, data.file);
    try {
      const projections = PROJECTIONS.filter((p) => data.projections.includes(p.name)).map((p) => {
        const share = data.shares?.[p.name];
        return share === undefined ? p : withKeyShare(p, share);
      });
      const read = (from: number, max: number) => reader.range(from, from + max);
      return await loadProjections(db, projections, read, data.total, {
        ...data.load,
        onCommit,
      });
    } finally {
      db.close();
    }
  } finally {
    reader.close();
  }
}
