import type Database from 'better-sqlite3';
import type * as WorkerThreads from 'node:worker_threads';
import type { AppendResult, ExpectedRevision } from '../port/event-store';
import type {
  WriterAppend,
  WriterError,
  WriterInit,
  WriterMessage,
  WriterOutcome,
  WriterReply,
  WriterRequest,
} from './writer-protocol';

/**
 * The body of the writer thread. The thread runs this function's own source text (eval), so it
 * works the same under tsc, ts-jest and the transpile-on-require hook, none of which a worker
 * could load as a .ts file. Hence: it must be self-contained, using nothing from module scope
 * but erased types, and requiring what it needs itself.
 *
 * Each batch is one `BEGIN IMMEDIATE` transaction with a SAVEPOINT per append, so an append is
 * checked alone and fails alone; the reply is posted only after COMMIT (synchronous=FULL) returned.
 * Idempotency comes first: ids already written as exactly this run return the original result
 * whatever the expected revision, so a retried request succeeds even after its first try landed.
 */
/* istanbul ignore next -- runs from its source text, where coverage counters do not exist */
export function writerThread(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- eval'd code has no import statements */
  const { parentPort, workerData } = require('node:worker_threads') as typeof WorkerThreads;
  const init = workerData as WriterInit;
  const Driver = require(init.driverPath) as typeof Database;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const port = parentPort;
  if (!port) throw new Error('writerThread runs only in a worker thread');

  class Refused extends Error {
    constructor(readonly detail: WriterError) {
      super(detail.kind);
    }
  }

  const db = new Driver(init.file);
  db.pragma(`busy_timeout = ${init.busyTimeoutMs}`);
  db.pragma('synchronous = FULL');
  const lastRow = db.prepare<[], { position: number; recorded_at: string }>(
    'SELECT position, recorded_at FROM events ORDER BY position DESC LIMIT 1',
  );
  const byId = db.prepare<[string], { stream_id: string; revision: number; position: number }>(
    'SELECT stream_id, revision, position FROM events WHERE event_id = ?',
  );
  const streamRevision = db.prepare<[string], { revision: number | null }>(
    'SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?',
  );
  const insert = db.prepare(
    'INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );

  const toWriterError = (error: unknown): WriterError => {
    if (error instanceof Refused) return error.detail;
    const code = (error as { code?: unknown } | null)?.code;
    return {
      kind: 'other',
      message: error instanceof Error ? error.message : String(error),
      ...(typeof code === 'string' ? { code } : {}),
    };
  };

  // The same rules as port/append-rules.ts (expectedRevisionHolds, replayedAppend), kept here
  // on purpose: this body runs from its source text in the worker and can import nothing.
  const matches = (expected: ExpectedRevision, current: number): boolean => {
    switch (expected) {
      case 'any':
        return true;
      case 'no_stream':
        return current === -1;
      case 'stream_exists':
        return current >= 0;
      default:
        return expected === current;
    }
  };

  /** Checks and writes one append inside the open transaction, advancing `head.next`. */
  const apply = (
    append: WriterAppend,
    head: { next: number },
    recordedAt: string,
  ): AppendResult => {
    const { streamId, events } = append;
    const written = events.map((event) => byId.get(event.id));
    const first = written[0];
    if (written.some((row) => row !== undefined)) {
      const sameRun =
        first !== undefined &&
        written.every(
          (row, i) =>
            row !== undefined &&
            row.stream_id === streamId &&
            row.revision === first.revision + i &&
            row.position === first.position + i,
        );
      if (!sameRun) {
        const clash = events.find((_, i) => written[i] !== undefined) ?? events[0];
        throw new Refused({ kind: 'idempotency-conflict', streamId, eventId: clash?.id ?? '' });
      }
      return {
        streamId,
        nextExpectedRevision: first.revision + events.length - 1,
        firstPosition: first.position,
        lastPosition: first.position + events.length - 1,
      };
    }
    const current = streamRevision.get(streamId)?.revision ?? -1;
    if (!matches(append.expectedRevision, current)) {
      throw new Refused({
        kind: 'wrong-expected-version',
        streamId,
        expected: append.expectedRevision,
        actual: current,
      });
    }
    const firstPosition = head.next;
    events.forEach((event, i) => {
      insert.run(
        firstPosition + i,
        streamId,
        current + 1 + i,
        event.id,
        event.type,
        event.dataJson,
        event.metadataJson,
        recordedAt,
      );
    });
    head.next += events.length;
    return {
      streamId,
      nextExpectedRevision: current + events.length,
      firstPosition,
      lastPosition: head.next - 1,
    };
  };

  const write = (appends: WriterAppend[]): WriterReply => {
    const outcomes: WriterOutcome[] = [];
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        const last = lastRow.get();
        const head = { next: last ? last.position + 1 : 0 };
        // recordedAt never goes back in global order, even if the wall clock does.
        const lastMs = last ? Date.parse(last.recorded_at) : 0;
        const recordedAt = new Date(Math.max(lastMs, Date.now())).toISOString();
        for (const append of appends) {
          db.exec('SAVEPOINT one_append');
          const before = head.next;
          try {
            outcomes.push({ ok: true, result: apply(append, head, recordedAt) });
            db.exec('RELEASE one_append');
          } catch (error) {
            head.next = before;
            db.exec('ROLLBACK TO one_append; RELEASE one_append');
            outcomes.push({ ok: false, error: toWriterError(error) });
          }
        }
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    } catch (error) {
      return { failed: toWriterError(error) };
    }
    return { committed: outcomes };
  };

  port.on('message', (request: WriterRequest) => {
    if (request.kind === 'close') {
      db.close();
      port.close();
      return;
    }
    port.postMessage(write(request.appends) satisfies WriterMessage);
  });
  port.postMessage({ ready: true } satisfies WriterMessage);
}
