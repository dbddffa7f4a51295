import type { PoolClient } from 'pg';
import type { AppendResult, ExpectedRevision } from '../port/event-store';
import { IdempotencyConflict, WrongExpectedVersion } from '../port/errors';
import type { ValidatedAppend } from '../validation/validate-append';

/** Channel the append transaction notifies on commit; subscriptions LISTEN on it. */
export const COMMIT_CHANNEL = 'inr_events';

/**
 * Key of the transaction-scoped advisory lock every append transaction takes first. It makes
 * appends from every process take turns, and PostgreSQL releases a transaction's locks only
 * after its commit is durable and visible: the next holder reads the head that includes it.
 * So positions are assigned in commit order with no gap, and no reader can ever see position
 * n+1 without n (a sequence would hand out numbers in call order, leaving holes on rollback and
 * letting a later number commit first).
 */
export const APPEND_LOCK = 0x696e7202;

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: Error };

/**
 * Writes one group of appends in one transaction (one WAL flush for all of them) and returns
 * each one's outcome; an append refused for its expected revision or ids writes nothing and
 * does not disturb the others. Throws if the transaction itself failed: then nothing committed.
 */
export async function appendBatch(
  client: PoolClient,
  appends: readonly ValidatedAppend[],
): Promise<AppendOutcome[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
    const last = await client.query<{ position: number; recorded_at: string }>(
      'SELECT position, recorded_at FROM events ORDER BY position DESC LIMIT 1',
    );
    const head = { next: (last.rows[0]?.position ?? -1) + 1 };
    // recordedAt never goes back in global order, even if a replica's clock does.
    const lastMs = last.rows[0] ? Date.parse(last.rows[0].recorded_at) : 0;
    const recordedAt = new Date(Math.max(lastMs, Date.now())).toISOString();
    const outcomes: AppendOutcome[] = [];
    for (const append of appends) {
      try {
        outcomes.push({ ok: true, result: await applyOne(client, append, head, recordedAt) });
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion || error instanceof IdempotencyConflict))
          throw error;
        outcomes.push({ ok: false, error });
      }
    }
    if (outcomes.some((o) => o.ok)) {
      await client.query('SELECT pg_notify($1, $2)', [COMMIT_CHANNEL, String(head.next)]);
    }
    await client.query('COMMIT');
    return outcomes;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

interface Existing {
  current: number;
  /** [event_id, stream_id, revision, position] of ids already written. */
  written: [string, string, number, number][];
}

/**
 * Checks, then inserts, one append inside the open transaction; a refusal throws before any
 * write, so no savepoint is needed. Idempotency first: ids already written as exactly this run
 * return the original result whatever the expected revision, so a retry after a lost answer succeeds.
 */
async function applyOne(
  client: PoolClient,
  append: ValidatedAppend,
  head: { next: number },
  recordedAt: string,
): Promise<AppendResult> {
  const { streamId, events } = append;
  const ids = events.map((e) => e.id);
  const { rows } = await client.query<Existing>(
    `SELECT coalesce((SELECT max(revision) FROM events WHERE stream_id = $1), -1) AS current,
            coalesce((SELECT json_agg(json_build_array(event_id, stream_id, revision, position))
                        FROM events WHERE event_id = ANY($2::text[])), '[]') AS written`,
    [streamId, ids],
  );
  const { current, written } = rows[0]!;
  if (written.length > 0) return sameRunOrConflict(append, written);
  if (!matches(append.expectedRevision, current)) {
    throw new WrongExpectedVersion(streamId, append.expectedRevision, current);
  }
  const firstPosition = head.next;
  await client.query(
    `INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, recorded_at)
     SELECT $1::bigint + t.i - 1, $2, $3::bigint + t.i - 1, t.id, t.type, t.data, t.metadata, $4
       FROM unnest($5::text[], $6::text[], $7::text[], $8::text[])
            WITH ORDINALITY AS t(id, type, data, metadata, i)`,
    [
      firstPosition,
      streamId,
      current + 1,
      recordedAt,
      ids,
      events.map((e) => e.type),
      events.map((e) => e.dataJson),
      events.map((e) => e.metadataJson),
    ],
  );
  head.next += events.length;
  return {
    streamId,
    nextExpectedRevision: current + events.length,
    firstPosition,
    lastPosition: head.next - 1,
  };
}

function sameRunOrConflict(append: ValidatedAppend, written: Existing['written']): AppendResult {
  const { streamId, events } = append;
  const byId = new Map(written.map((row) => [row[0], row]));
  const first = byId.get(events[0]!.id);
  const sameRun =
    first !== undefined &&
    events.every((event, i) => {
      const row = byId.get(event.id);
      return (
        row !== undefined &&
        row[1] === streamId &&
        row[2] === first[2] + i &&
        row[3] === first[3] + i
      );
    });
  if (!sameRun) {
    const clash = events.find((e) => byId.has(e.id)) ?? events[0]!;
    throw new IdempotencyConflict(streamId, clash.id);
  }
  return {
    streamId,
    nextExpectedRevision: first[2] + events.length - 1,
    firstPosition: first[3],
    lastPosition: first[3] + events.length - 1,
  };
}

function matches(expected: ExpectedRevision, current: number): boolean {
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
}
