import type { EventStore, RecordedEvent } from '@inr/event-store';
import { rawToRecorded, type RawEventRow } from '@inr/event-store/file-reader';
import { HASH_SIZE, leafHashInto, leafJson, leafJsonFromText } from '@inr/transparency';
import { LOG_KEY_ROTATED, rotationOf, type LogKeyRotation } from './key-rotation';
import type { RangeSubtrees } from './leaf-subtrees';

/** Leaves the audit checks next: what the store gave, hashed. */
export interface LeafBatch {
  /** The positions the store gave, in order (the audit checks they run on without a gap). */
  positions: Float64Array;
  /** HASH_SIZE bytes per event: SHA-256(0x00 ‖ canonical leaf JSON). */
  hashes: Uint8Array;
  /** The log-key rotations among these events, by offset in the batch, ascending. */
  rotations: [number, LogKeyRotation][];
  /** From a worker: the tree over these leaves, as subtree roots (see RangeSubtrees). */
  subtrees?: RangeSubtrees;
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
  return leafBatch(events, (e) => e.position, leafJson, rotationOf);
}

/**
 * The same for rows as events.sqlite holds them (the workers' path). Where the stored JSON text
 * lets it, the leaf is built from that text unparsed (leafJsonFromText, members re-ordered as
 * text); any other row is parsed and goes through leafJson. leafJsonFromText only gives what
 * leafJson would write for the parsed row, so these are hashLeaves' hashes of the same events,
 * on any store, old, hand-edited or tampered with.
 */
export function hashStoredLeaves(rows: readonly RawEventRow[]): LeafBatch {
  return leafBatch(
    rows,
    (row) => row[0],
    (row) =>
      leafJsonFromText({
        streamId: row[1],
        revision: row[2],
        id: row[3],
        type: row[4],
        dataText: row[5],
        metadataText: row[6],
        recordedAt: row[7],
      }) ?? leafJson(rawToRecorded(row)),
    (row) => (row[4] === LOG_KEY_ROTATED ? rotationOf(rawToRecorded(row)) : undefined),
  );
}

function leafBatch<T>(
  items: readonly T[],
  position: (item: T) => number,
  leaf: (item: T) => string,
  rotation: (item: T) => LogKeyRotation | undefined,
): LeafBatch {
  const positions = new Float64Array(items.length);
  const hashes = new Uint8Array(items.length * HASH_SIZE);
  const rotations: [number, LogKeyRotation][] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    positions[k] = position(item);
    // Hashes the JSON's UTF-8 without a Buffer per leaf.
    leafHashInto(leaf(item), hashes, k * HASH_SIZE);
    const r = rotation(item);
    if (r !== undefined) rotations.push([k, r]);
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
