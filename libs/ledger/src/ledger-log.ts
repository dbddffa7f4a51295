import type { EventStore, RecordedEvent } from '@inr/event-store';
import {
  CanonicalJsonError,
  CompactRange,
  consistencyProof,
  encodeLeaf,
  inclusionProof,
  leafHash,
  bytesEqual,
  treeRoot,
} from '@inr/transparency';
import { bufferTime, filter, type Subscription } from 'rxjs';
import { rotationOf } from './key-rotation';
import { logResetOf } from './log-reset';
import type { TransactionalHashStore } from './sqlite-hash-store';

/** An event arrived whose position is not the next leaf index: the log would fork or gap. */
export class LeafOrderError extends Error {
  constructor(
    readonly expected: number,
    readonly got: number,
  ) {
    super(`expected the event at position ${expected}, got position ${got}`);
    this.name = 'LeafOrderError';
  }
}

/**
 * The event at this position has no leaf encoding (RFC 8785 has no form for it). The store's
 * append validation refuses such events; one can only be there if written around it.
 */
export class LeafEncodingError extends Error {
  constructor(
    readonly position: number,
    reason: string,
  ) {
    super(`the event at position ${position} cannot be hashed into the log: ${reason}`);
    this.name = 'LeafEncodingError';
  }
}

/** Leaves, rotations and resets all derive from the events: a lost batch is integrated again. */
const RECOMPUTABLE = { recomputable: true } as const;

/** The event store no longer holds the bytes the tree committed to at this index. */
export class LeafMismatchError extends Error {
  constructor(
    readonly index: number,
    reason: string,
  ) {
    super(`leaf ${index}: ${reason}`);
    this.name = 'LeafMismatchError';
  }
}

export interface LedgerEntry {
  index: number;
  /** The exact leaf bytes (UTF-8 canonical JSON) whose hash is in the tree. */
  leaf: Uint8Array;
}

export interface FollowOptions {
  /** Gather live events for at most this long before one transaction (default 50 ms). */
  batchMs?: number;
  maxBatch?: number;
  onIntegrated?: (size: number) => void;
  onError?: (error: unknown) => void;
}

/**
 * The Merkle log over the event store's global order: leaf i is the event at position i.
 * Every instance integrating the same store computes the same tree, so there is no leader.
 */
export class LedgerLog {
  private range: CompactRange;

  constructor(
    private readonly events: EventStore,
    private readonly hashes: TransactionalHashStore,
  ) {
    this.range = CompactRange.load(hashes, hashes.size());
  }

  size(): number {
    return this.range.size();
  }

  /** Append events in global order, in one transaction; all or nothing. */
  integrate(batch: readonly RecordedEvent[]): number {
    if (batch.length === 0) return this.size();
    let scratch = CompactRange.empty();
    this.hashes.transaction(() => {
      // A shared store's size was read under its lock: it may be past ours, since another
      // replica integrated the same events (the same global order, so the same leaves).
      scratch = CompactRange.load(this.hashes, this.hashes.size());
      for (const event of batch) {
        if (this.hashes.shared && event.position < scratch.size()) continue;
        if (event.position !== scratch.size())
          throw new LeafOrderError(scratch.size(), event.position);
        for (const n of scratch.append(leafHash(leafOf(event))))
          this.hashes.put(n.level, n.index, n.hash);
        this.noteRotation(event);
        this.noteReset(event);
      }
      this.hashes.setSize(scratch.size());
    }, RECOMPUTABLE);
    this.range = scratch; // only after the commit: a failed batch leaves the log as it was
    return this.size();
  }

  /**
   * A shared store (PostgreSQL) may hold more of the tree than this process integrated: take
   * it as ours. Call inside the store's transaction, where its size was read under the lock.
   */
  adoptSharedTree(): void {
    if (this.hashes.shared && this.hashes.size() > this.range.size())
      this.range = CompactRange.load(this.hashes, this.hashes.size());
  }

  /** Integrate everything the store holds beyond our size, batch by batch; throws as integrate does. */
  async catchUp(batchSize = 1000): Promise<number> {
    for (;;) {
      const batch = await this.events.readAll({ fromPosition: this.size(), maxCount: batchSize });
      if (batch.length === 0) return this.size();
      this.integrate(batch);
    }
  }

  /** Follow the store live from our size; batches of events become one transaction each. */
  follow(options: FollowOptions = {}): Subscription {
    return this.events
      .subscribeToAll({ fromPosition: this.size() })
      .pipe(
        bufferTime(options.batchMs ?? 50, null, options.maxBatch ?? 1000),
        filter((b) => b.length > 0),
      )
      .subscribe({
        next: (batch) => {
          try {
            options.onIntegrated?.(this.integrate(batch));
          } catch (e) {
            options.onError?.(e);
          }
        },
        error: (e: unknown) => options.onError?.(e),
      });
  }

  /** Drop the stored hashes and recompute them from the store (e.g. a lost ledger.sqlite). */
  async rebuild(reset: () => void, batchSize = 1000): Promise<number> {
    reset();
    this.range = CompactRange.empty();
    return this.catchUp(batchSize);
  }

  root(size = this.size()): Uint8Array {
    this.assertSize(size);
    return size === this.size() ? this.range.root() : treeRoot(this.hashes, size);
  }

  inclusionProof(index: number, size = this.size()): Uint8Array[] {
    this.assertSize(size);
    return inclusionProof(this.hashes, index, size);
  }

  consistencyProof(first: number, second = this.size()): Uint8Array[] {
    this.assertSize(second);
    return consistencyProof(this.hashes, first, second);
  }

  /** Leaves [start, end) re-read from the event store, checked against the stored leaf hashes. */
  async entries(start: number, end: number): Promise<LedgerEntry[]> {
    if (!(start >= 0 && start <= end && end <= this.size())) {
      throw new RangeError(`entries [${start}, ${end}) outside a log of size ${this.size()}`);
    }
    const out: LedgerEntry[] = [];
    while (out.length < end - start) {
      const from = start + out.length;
      const batch = await this.events.readAll({
        fromPosition: from,
        maxCount: Math.min(1000, end - from),
      });
      if (batch.length === 0) throw new LeafMismatchError(from, 'missing from the event store');
      for (const event of batch) {
        const index = start + out.length;
        if (event.position !== index)
          throw new LeafMismatchError(index, `store returned position ${event.position}`);
        const leaf = encodeLeaf(event);
        const stored = this.hashes.get(0, index);
        if (stored === undefined || !bytesEqual(stored, leafHash(leaf))) {
          throw new LeafMismatchError(index, 'event bytes differ from the logged leaf');
        }
        out.push({ index, leaf });
      }
    }
    return out;
  }

  /**
   * A key rotation is recorded in the same transaction as its leaf, so the store never holds a
   * tree that contains a rotation without knowing which key the next checkpoint needs.
   */
  private noteRotation(event: RecordedEvent): void {
    const rotation = this.hashes.recordRotation === undefined ? undefined : rotationOf(event);
    if (rotation === undefined) return;
    this.hashes.recordRotation?.({
      vkey: rotation.newVerifierKey,
      fromSize: event.position + 1,
      rotation: { ...rotation, position: event.position },
    });
  }

  /** A reset decision, likewise recorded with its leaf; the checkpointer checks its signature. */
  private noteReset(event: RecordedEvent): void {
    const reset = this.hashes.recordReset === undefined ? undefined : logResetOf(event);
    if (reset !== undefined) this.hashes.recordReset?.({ position: event.position, reset });
  }

  private assertSize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size()) {
      throw new RangeError(`size ${size} is beyond the log (size ${this.size()})`);
    }
  }
}

function leafOf(event: RecordedEvent): Uint8Array {
  try {
    return encodeLeaf(event);
  } catch (error) {
    if (error instanceof CanonicalJsonError)
      throw new LeafEncodingError(event.position, error.message);
    throw error;
  }
}
