import type { EventStore, RecordedEvent } from '@inr/event-store';
import { HASH_SIZE, leafHash, leafJson } from '@inr/transparency';
import { rotationOf, type LogKeyRotation } from './key-rotation';

/** Leaves the audit checks next: what the store gave, hashed. */
export interface LeafBatch {
  /** The positions the store gave, in order (the audit checks they run on without a gap). */
  positions: Float64Array;
  /** HASH_SIZE bytes per event: SHA-256(0x00 ‖ canonical leaf JSON). */
  hashes: Uint8Array;
  /** The log-key rotations among these events, by offset in the batch, ascending. */
  rotations: [number, LogKeyRotation][];
}

/** Where the audit gets its leaves: the next batch from a position on, empty at the end. */
export interface LeafSource {
  next(from: number): Promise<LeafBatch>;
  close(): Promise<void>;
}

/**
 * The one place events become leaf hashes, in the audit's thread or a worker alike, so both
 * paths give the same bytes by construction.
 */
export function hashLeaves(events: readonly RecordedEvent[]): LeafBatch {
  const positions = new Float64Array(events.length);
  const hashes = new Uint8Array(events.length * HASH_SIZE);
  const rotations: [number, LogKeyRotation][] = [];
  for (let k = 0; k < events.length; k++) {
    const event = events[k]!;
    positions[k] = event.position;
    // Hashes the JSON's UTF-8 without a Buffer per leaf.
    hashes.set(leafHash(leafJson(event)), k * HASH_SIZE);
    const rotation = rotationOf(event);
    if (rotation !== undefined) rotations.push([k, rotation]);
  }
  return { positions, hashes, rotations };
}

/** Leaves read through the store port and hashed on this thread, `batchSize` at a time. */
export function storeLeaves(events: EventStore, batchSize: number): LeafSource {
  return {
    next: async (from) =>
      hashLeaves(await events.readAll({ fromPosition: from, maxCount: batchSize })),
    close: async () => undefined,
  };
}
