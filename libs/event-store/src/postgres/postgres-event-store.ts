import type { Pool } from 'pg';
import type { Observable } from 'rxjs';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../port/event-store';
import { InvalidAppend, InvalidRead } from '../port/errors';
import { catchUpSubscription } from '../subscription/catch-up-subscription';
import { EVENT_COLUMNS, rowToRecorded, type EventRow, type PendingAppend } from '../sql/event-row';
import { validateAppend } from '../validation/validate-append';
import {
  validatePositions,
  validateReadAll,
  validateReadStream,
} from '../validation/validate-read';
import { appendBatch, COMMIT_CHANNEL } from './append-batch';
import { CommitListener } from './commit-listener';
import { openPool, type PostgresConnection } from './pg-pool';
import { EVENT_STORE_MIGRATIONS, migratePostgres } from './postgres-migrations';

export interface PostgresEventStoreOptions extends PostgresConnection {
  /** Fallback poll for subscriptions, should a notification be lost (default 1000 ms). */
  pollMs?: number;
}

/** Appends per transaction; a longer queue is split so one transaction stays short. */
const MAX_BATCH = 512;
/** bigint's upper bound: "no limit" and "from the head" in one parameterised statement. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * The PostgreSQL adapter (node-postgres), shared by any number of API replicas.
 *
 * Durability: an append is acknowledged after COMMIT returned with synchronous_commit on (the
 * server default), i.e. after the WAL was flushed. Group commit: concurrent append() calls in
 * this process queue up and one transaction writes them all (one flush); across processes,
 * the append lock (see appendBatch) makes transactions take turns, which is what keeps global
 * positions gap-free and in commit order. Subscriptions are woken by LISTEN/NOTIFY.
 */
export class PostgresEventStore implements EventStore {
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private writing = false;
  private drained: (() => void)[] = [];
  private readonly ends = new Map<() => void, () => void>();
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly listener: CommitListener,
    private readonly pollMs: number,
  ) {}

  /** Connects and runs the schema migrations (idempotent, safe with replicas starting together). */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const pool = openPool(options);
    // An idle client's error (server restart) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    try {
      await migratePostgres(pool, 'events', EVENT_STORE_MIGRATIONS);
    } catch (error) {
      await pool.end();
      throw error;
    }
    const listener = new CommitListener(options.url, COMMIT_CHANNEL);
    return new PostgresEventStore(pool, listener, options.pollMs ?? 1000);
  }

  async append(
    streamId: string,
    events: EventData[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (this.closed) throw new Error('event store is closed');
    const append = validateAppend(streamId, events, options.expectedRevision);
    for (const event of append.events) {
      // PostgreSQL text cannot hold U+0000 (in JSON it is escaped, so data and metadata can).
      if (event.type.includes('\u0000')) throw new InvalidAppend('event type contains U+0000');
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ append, resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    if (typeof streamId !== 'string') throw new InvalidRead('stream id must be a string');
    const { direction, from, maxCount } = validateReadStream(options);
    const forwards = direction === 'forwards';
    const { rows } = await this.pool.query<EventRow>(
      forwards
        ? `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`
        : `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`,
      [streamId, from ?? (forwards ? 0 : NO_LIMIT), maxCount ?? NO_LIMIT],
    );
    return rows.map(rowToRecorded);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const { direction, from, maxCount } = validateReadAll(options);
    if (direction === 'forwards') return this.readForwards(from ?? 0, maxCount ?? NO_LIMIT);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position <= $1 ORDER BY position DESC LIMIT $2`,
      [from ?? NO_LIMIT, maxCount ?? NO_LIMIT],
    );
    return rows.map(rowToRecorded);
  }

  async readPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    const wanted = validatePositions(positions);
    if (wanted.length === 0) return [];
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position = ANY($1::bigint[]) ORDER BY position`,
      [wanted],
    );
    return rows.map(rowToRecorded);
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    const from = validateReadAll({ fromPosition: options.fromPosition }).from ?? 0;
    return catchUpSubscription(
      {
        pollMs: this.pollMs,
        readPage: (position, maxCount) =>
          this.closed ? [] : this.readForwards(position, maxCount),
        onCommit: (wake, end) => {
          const unlisten = this.listener.add(wake);
          this.ends.set(wake, end);
          return () => {
            unlisten();
            this.ends.delete(wake);
          };
        },
      },
      from,
    );
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ next: number }>(
      'SELECT coalesce(max(position) + 1, 0) AS next FROM events',
    );
    return rows[0]!.next;
  }

  /** Waits for queued appends to commit, ends subscriptions, then closes the connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.queue.length > 0 || this.flushScheduled || this.writing) {
      await new Promise<void>((resolve) => this.drained.push(resolve));
    }
    this.closed = true;
    for (const end of [...this.ends.values()]) end();
    this.ends.clear();
    await this.listener.close();
    await this.pool.end();
  }

  private async readForwards(from: number, maxCount: number): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= $1 ORDER BY position LIMIT $2`,
      [from, maxCount],
    );
    return rows.map(rowToRecorded);
  }

  private scheduleFlush(): void {
    // One batch in flight: appends arriving meanwhile form the next one.
    if (this.flushScheduled || this.writing) return;
    this.flushScheduled = true;
    // setImmediate, not a microtask: appenders that resume in the same turn join this batch.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const batch = this.queue.splice(0, MAX_BATCH);
    this.writing = true;
    try {
      const client = await this.pool.connect();
      try {
        const outcomes = await appendBatch(
          client,
          batch.map((p) => p.append),
        );
        client.release();
        batch.forEach((pending, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) pending.resolve(outcome.result);
          else pending.reject(outcome.error);
        });
        this.listener.wakeAll();
      } catch (error) {
        // A broken connection goes back destroyed, not to the pool.
        client.release(error instanceof Error ? error : true);
        throw error;
      }
    } catch (error) {
      // Nothing of this batch committed (or, if the connection died during COMMIT, unknown:
      // a retry with the same event ids is then answered from what was written).
      for (const pending of batch) pending.reject(error);
    } finally {
      this.writing = false;
      if (this.queue.length > 0) this.scheduleFlush();
      else for (const resolve of this.drained.splice(0)) resolve();
    }
  }
}
