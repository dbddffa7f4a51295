import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
import { InvalidRead } from '../port/errors';
import { catchUpSubscription } from '../subscription/catch-up-subscription';
import { validateAppend, type ValidatedAppend } from '../validation/validate-append';
import { validateReadAll, validateReadStream } from '../validation/validate-read';
import { migrate } from './migrations';
import { statement } from './statement-cache';
import { applyAppend, type Head } from './apply-append';

export interface SqliteEventStoreOptions {
  dataDir: string;
  /** How often subscriptions look for commits made by other processes (the CLI). */
  pollMs?: number;
  /** How long a write waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
}

interface Pending {
  append: ValidatedAppend;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

/** Appends per transaction; a bigger queue is split so one flush does not block for long. */
const MAX_BATCH = 512;

/**
 * The embedded adapter: one file `<dataDir>/events.sqlite`.
 *
 * Durability: journal_mode=WAL with synchronous=FULL. In WAL mode NORMAL only fsyncs at
 * checkpoints, so a commit survives SIGKILL but not a power cut; the port promises that an
 * acknowledged append is durable, so every commit fsyncs the WAL (FULL). Group commit pays
 * for that: concurrent append() calls queue up and one transaction (one fsync) writes them all.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly pollMs: number;
  private queue: Pending[] = [];
  private flushScheduled = false;
  private drained: (() => void)[] = [];
  private readonly listeners = new Map<() => void, () => void>();
  private closed = false;

  private constructor(options: SqliteEventStoreOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.pollMs = options.pollMs ?? 150;
    this.db = new Database(join(options.dataDir, 'events.sqlite'));
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    migrate(this.db);
  }

  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    return new SqliteEventStore(options);
  }

  async append(
    streamId: string,
    events: EventData[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (this.closed) throw new Error('event store is closed');
    const append = validateAppend(streamId, events, options.expectedRevision);
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ append, resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    if (typeof streamId !== 'string') throw new InvalidRead('stream id must be a string');
    const { direction, from, maxCount } = validateReadStream(options);
    const sql =
      direction === 'forwards'
        ? 'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?'
        : 'SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?';
    const start = from ?? (direction === 'forwards' ? 0 : Number.MAX_SAFE_INTEGER);
    const rows = statement<[string, number, number], EventRow>(this.db, sql).all(
      streamId,
      start,
      maxCount ?? -1,
    );
    return rows.map(toRecorded);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const { direction, from, maxCount } = validateReadAll(options);
    if (direction === 'forwards') return this.readAllForwards(from ?? 0, maxCount ?? -1);
    const rows = statement<[number, number], EventRow>(
      this.db,
      'SELECT * FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?',
    ).all(from ?? Number.MAX_SAFE_INTEGER, maxCount ?? -1);
    return rows.map(toRecorded);
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    const from = validateReadAll({ fromPosition: options.fromPosition }).from ?? 0;
    return catchUpSubscription(
      {
        pollMs: this.pollMs,
        readPage: (position, maxCount) =>
          this.closed ? [] : this.readAllForwards(position, maxCount),
        onCommit: (wake, end) => {
          this.listeners.set(wake, end);
          return () => this.listeners.delete(wake);
        },
      },
      from,
    );
  }

  async count(): Promise<number> {
    return this.readHead().nextPosition;
  }

  /** Waits for queued appends to commit, ends subscriptions, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.queue.length > 0 || this.flushScheduled) {
      await new Promise<void>((resolve) => this.drained.push(resolve));
    }
    this.closed = true;
    for (const end of [...this.listeners.values()]) end();
    this.listeners.clear();
    this.db.close();
  }

  private readAllForwards(from: number, maxCount: number): RecordedEvent[] {
    return statement<[number, number], EventRow>(
      this.db,
      'SELECT * FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?',
    )
      .all(from, maxCount)
      .map(toRecorded);
  }

  private readHead(): Head {
    const last = statement<[], { position: number; recorded_at: string }>(
      this.db,
      'SELECT position, recorded_at FROM events ORDER BY position DESC LIMIT 1',
    ).get();
    return last
      ? { nextPosition: last.position + 1, lastRecordedMs: Date.parse(last.recorded_at) }
      : { nextPosition: 0, lastRecordedMs: 0 };
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate, not a microtask: appenders that resume in the same turn join this batch.
    setImmediate(() => this.flush());
  }

  /** Writes every queued append in one transaction; each is checked alone and fails alone. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue.splice(0, MAX_BATCH);
    if (this.queue.length > 0) this.scheduleFlush();
    const outcomes: ({ ok: true; result: AppendResult } | { ok: false; error: unknown })[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const head = this.readHead();
        // recordedAt never goes back in global order, even if the wall clock does.
        head.lastRecordedMs = Math.max(head.lastRecordedMs, Date.now());
        const recordedAt = new Date(head.lastRecordedMs).toISOString();
        for (const { append } of batch) {
          this.db.exec('SAVEPOINT one_append');
          const before = head.nextPosition;
          try {
            outcomes.push({ ok: true, result: applyAppend(this.db, append, head, recordedAt) });
            this.db.exec('RELEASE one_append');
          } catch (error) {
            head.nextPosition = before;
            this.db.exec('ROLLBACK TO one_append; RELEASE one_append');
            outcomes.push({ ok: false, error });
          }
        }
        this.db.exec('COMMIT');
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } catch (error) {
      // Nothing of this batch was committed.
      for (const pending of batch) pending.reject(error);
      this.afterFlush();
      return;
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
    for (const wake of this.listeners.keys()) wake();
    this.afterFlush();
  }

  private afterFlush(): void {
    if (this.queue.length > 0 || this.flushScheduled) return;
    for (const resolve of this.drained.splice(0)) resolve();
  }
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as RecordedEvent['data'],
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    recordedAt: row.recorded_at,
  };
}
