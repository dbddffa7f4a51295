import { parentPort, workerData } from 'node:worker_threads';
import { EventsFileReader } from '@inr/event-store/file-reader';
import { hashStoredLeaves, type LeafBatch } from './audit-leaves';
import { rangeSubtrees } from './leaf-subtrees';

/** What the audit asks a leaf worker: hash the events at positions [from, to). */
export interface LeafRequest {
  from: number;
  to: number;
  /** Checkpoint sizes inside the range (from < size < to): the tree's border at each. */
  sizes: number[];
}

export type LeafReply = { batch: LeafBatch } | { error: string };

/** A worker thread's body: reads its ranges from events.sqlite itself, answers their leaf hashes. */
export function runAuditLeafWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runAuditLeafWorker runs only in a worker thread');
  const reader = new EventsFileReader((workerData as { dataDir: string }).dataDir);
  port.on('message', (request: LeafRequest | 'close') => {
    if (request === 'close') {
      reader.close();
      port.close();
      return;
    }
    try {
      const batch = hashStoredLeaves(reader.rows(request.from, request.to));
      const sizes = request.sizes.map((size) => size - request.from);
      const subtrees = rangeSubtrees(batch.hashes, sizes);
      port.postMessage({ batch: { ...batch, subtrees } } satisfies LeafReply, [
        batch.positions.buffer as ArrayBuffer,
        batch.hashes.buffer as ArrayBuffer,
        subtrees.border.buffer as ArrayBuffer,
        ...[...subtrees.at.values()].map((b) => b.buffer as ArrayBuffer),
      ]);
    } catch (error) {
      port.postMessage({ error: String(error) } satisfies LeafReply);
    }
  });
}
