import Database from 'better-sqlite3';
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
import { privateDatabaseFile } from '../files/private-files';
import { InvalidRead } from '../port/errors';
import { catchUpSubscription } from '../subscription/catch-up-subscription';
import { rowToRecorded, type EventRow, type PendingAppend } from '../sql/event-row';
import { validateAppend, type ValidatedAppend } from '../validation/validate-append';
import {
  validatePositions,
  validateReadAll,
  validateReadStream,
} from '../validation/validate-read';
import { migrate } from './migrations';
import { RAW_COLUMNS, rawToRecorded, type RawEventRow } from './raw-row';
import { reviveWriterError } from './revive-writer-error';
import { SqliteWriter } from './sqlite-writer';
import { statement } from './statement-cache';
import type { WriterAppend, WriterReply } from './writer-protocol';

export interface SqliteEventStoreOptions {
  dataDir: string;
  /** How often subscriptions look for commits made by other processes (the CLI). */
  pollMs?: number;
  /** How long a write waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
}

/** Appends per transaction; a bigger queue is split so one flush does not block for long. */
const MAX_BATCH = 512;

/**
 * A bound LIMIT written so SQLite does not re-prepare the statement on every call. Built with
 * SQLITE_ENABLE_STAT4 (better-sqlite3's default), SQLite reads a plain `LIMIT ?`'s bound value
 * while planning and so marks the statement to be re-planned whenever that value is bound again,
 * which better-sqlite3 does on every run: a stream read cost ~60 us instead of ~10 us. `?+0`
 * is the same number (-1 still means no limit) but not a value the planner looks into.
 */
const BOUND_LIMIT = '?+0';

/** Positions per readPositions statement: bounds one statement's work and its JSON parameter. */
const POSITIONS_CHUNK = 1000;

/**
 * The embedded adapter: one file `<dataDir>/events.sqlite`.
 *
 * Durability: journal_mode=WAL with synchronous=FULL. In WAL mode NORMAL only fsyncs at
 * checkpoints, so a commit survives SIGKILL but not a power cut; the port promises that an
 * acknowledged append is durable, so every commit fsyncs the WAL (FULL). Group commit pays
 * for that: concurrent append() calls queue up and one transaction (one fsync) writes them all.
 * The transaction runs on a writer thread with its own connection (see SqliteWriter), so the
 * event loop keeps serving (and queueing the next batch) while a commit fsyncs; reads use this
 * thread's connection, which WAL lets see every committed transaction.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly writer: SqliteWriter;
  private readonly pollMs: number;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private writing = false;
  private drained: (() => void)[] = [];
  private readonly listeners = new Map<() => void, () => void>();
  private closed = false;

  private constructor(db: Database.Database, writer: SqliteWriter, pollMs: number) {
    this.db = db;
    this.writer = writer;
    this.pollMs = pollMs;
  }

  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    const file = privateDatabaseFile(options.dataDir, 'events.sqlite');
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    const db = new Database(file);
    try {
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      migrate(db);
      // The writer's connection opens only after the schema is there.
      const writer = await SqliteWriter.start({
        file,
        busyTimeoutMs,
        driverPath: require.resolve('better-sqlite3'),
      });
      return new SqliteEventStore(db, writer, options.pollMs ?? 150);
    } catch (error) {
      db.close();
      throw error;
    }
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
        ? `SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ${BOUND_LIMIT}`
        : `SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ${BOUND_LIMIT}`;
    const start = from ?? (direction === 'forwards' ? 0 : Number.MAX_SAFE_INTEGER);
    const rows = statement<[string, number, number], EventRow>(this.db, sql).all(
      streamId,
      start,
      maxCount ?? -1,
    );
    return rows.map(rowToRecorded);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const { direction, from, maxCount } = validateReadAll(options);
    if (direction === 'forwards') return this.readAllForwards(from ?? 0, maxCount ?? -1);
    const rows = statement<[number, number], EventRow>(
      this.db,
      `SELECT * FROM events WHERE position <= ? ORDER BY position DESC LIMIT ${BOUND_LIMIT}`,
    ).all(from ?? Number.MAX_SAFE_INTEGER, maxCount ?? -1);
    return rows.map(rowToRecorded);
  }

  async readPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    const wanted = validatePositions(positions);
    const select = this.positionsStatement();
    const out: RecordedEvent[] = [];
    for (let i = 0; i < wanted.length; i += POSITIONS_CHUNK) {
      const chunk = JSON.stringify(wanted.slice(i, i + POSITIONS_CHUNK));
      for (const row of select.all(chunk)) out.push(rawToRecorded(row));
    }
    return out;
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
    if (this.queue.length > 0 || this.flushScheduled || this.writing) {
      await new Promise<void>((resolve) => this.drained.push(resolve));
    }
    this.closed = true;
    for (const end of [...this.listeners.values()]) end();
    this.listeners.clear();
    await this.writer.close();
    this.db.close();
  }

  /**
   * The rebuild's and subscriptions' read path. Raw rows (arrays) and one preallocated result:
   * building an 8-key row object per event, then mapping it to a second object, cost about as
   * much as the SELECT itself. Rows were validated when appended, so only the JSON is parsed.
   */
  private readAllForwards(from: number, maxCount: number): RecordedEvent[] {
    // This SQL text is used here only, so switching its cached statement to raw affects no one.
    const rows = statement<[number, number], RawEventRow>(
      this.db,
      `SELECT ${RAW_COLUMNS} FROM events WHERE position >= ? ORDER BY position ASC LIMIT ${BOUND_LIMIT}`,
    )
      .raw(true)
      .all(from, maxCount);
    const out = new Array<RecordedEvent>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = rawToRecorded(rows[i]!);
    return out;
  }

  /**
   * json_each feeds the list as one bound value (no SQL text per call); the plan looks each
   * position up by rowid (SEARCH events USING INTEGER PRIMARY KEY) and yields rowid order, so
   * ORDER BY costs no sort. Raw rows: building an 8-key object per row cost as much as the lookup.
   */
  private positionsStatement(): Database.Statement<[string], RawEventRow> {
    // This SQL text is used here only, so switching its cached statement to raw affects no one.
    return statement<[string], RawEventRow>(
      this.db,
      `SELECT ${RAW_COLUMNS} FROM events
       WHERE position IN (SELECT value FROM json_each(?)) ORDER BY position`,
    ).raw(true);
  }

  private readHead(): { nextPosition: number } {
    const last = statement<[], { position: number }>(
      this.db,
      'SELECT position FROM events ORDER BY position DESC LIMIT 1',
    ).get();
    return { nextPosition: last ? last.position + 1 : 0 };
  }

  private scheduleFlush(): void {
    // One batch in flight: appends arriving meanwhile form the next one, flushed on the reply.
    if (this.flushScheduled || this.writing) return;
    this.flushScheduled = true;
    // setImmediate, not a microtask: appenders that resume in the same turn join this batch.
    setImmediate(() => this.flush());
  }

  /** Sends the queued appends to the writer thread as one transaction; each fails alone. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue.splice(0, MAX_BATCH);
    this.writing = true;
    this.writer.write(batch.map(({ append }) => toWriterAppend(append))).then(
      (reply) => this.settle(batch, reply),
      (error: unknown) => this.settle(batch, { thrown: error }),
    );
  }

  private settle(batch: PendingAppend[], reply: WriterReply | { thrown: unknown }): void {
    this.writing = false;
    if ('committed' in reply) {
      batch.forEach((pending, i) => {
        const outcome = reply.committed[i];
        if (outcome?.ok) pending.resolve(outcome.result);
        else pending.reject(outcome ? reviveWriterError(outcome.error) : new Error('no outcome'));
      });
      for (const wake of this.listeners.keys()) wake();
    } else {
      // Nothing of this batch was committed (or, if the thread died, its fate is unknown).
      const error = 'failed' in reply ? reviveWriterError(reply.failed) : reply.thrown;
      for (const pending of batch) pending.reject(error);
    }
    if (this.queue.length > 0) this.scheduleFlush();
    else for (const resolve of this.drained.splice(0)) resolve();
  }
}

function toWriterAppend({ streamId, expectedRevision, events }: ValidatedAppend): WriterAppend {
  return {
    streamId,
    expectedRevision,
    events: events.map(({ id, type, dataJson, metadataJson }) => ({
      id,
      type,
      dataJson,
      metadataJson,
    })),
  };
}
