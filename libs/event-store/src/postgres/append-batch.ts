import type { PoolClient } from 'pg';
import type { AppendResult } from '../port/event-store';
import { IdempotencyConflict, WrongExpectedVersion } from '../port/errors';
import { expectedRevisionHolds, replayedAppend, type WrittenEvent } from '../port/append-rules';
import type { ValidatedAppend } from '../validation/validate-append';

/** Channel the append transaction notifies on commit; subscriptions LISTEN on it. */
export const COMMIT_CHANNEL = 'inr_events';

/**
 * Key of the transaction-scoped advisory lock every append transaction takes first. It makes
 * appends from every process take turns, and PostgreSQL releases a transaction's locks only
 * after its commit is durable and visible: the next holder reads a head that includes it.
 * So positions are assigned in commit order with no gap, and no reader can ever see position
 * n+1 without n (a sequence would hand out numbers in call order, leaving holes on rollback and
 * letting a later number commit first).
 */
export const APPEND_LOCK = 0x696e7202;

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: Error };

/** The rows of one INSERT, column by column (unnest of parallel arrays). */
interface Rows {
  positions: number[];
  streams: string[];
  revisions: number[];
  ids: string[];
  types: string[];
  data: string[];
  metadata: string[];
}

/**
 * Writes one group of appends in one transaction (one WAL flush for all of them) and returns
 * each one's outcome; an append refused for its expected revision or ids writes nothing and
 * does not disturb the others. Four round trips whatever the group's size: lock and head, what
 * the store already holds for these streams and ids, one INSERT, notify and commit. Throws if
 * the transaction itself failed: then nothing was committed.
 */
export async function appendBatch(
  client: PoolClient,
  appends: readonly ValidatedAppend[],
): Promise<AppendOutcome[]> {
  // Simple-protocol statements without parameters may share one round trip.
  const opened = await client.query(
    `BEGIN; SELECT pg_advisory_xact_lock(${APPEND_LOCK});
     SELECT position, recorded_at FROM events ORDER BY position DESC LIMIT 1`,
  );
  try {
    const head = (opened as unknown as { rows: { position: number; recorded_at: string }[] }[])[2]!
      .rows[0];
    let next = (head?.position ?? -1) + 1;
    // recordedAt never goes back in global order, even if a replica's clock does.
    const lastMs = head ? Date.parse(head.recorded_at) : 0;
    const recordedAt = new Date(Math.max(lastMs, Date.now())).toISOString();
    const { revisions, written } = await existing(client, appends);
    const rows: Rows = {
      positions: [],
      streams: [],
      revisions: [],
      ids: [],
      types: [],
      data: [],
      metadata: [],
    };
    const outcomes = appends.map((append): AppendOutcome => {
      try {
        const result = decide(append, revisions, written, next);
        if (result.firstPosition === next) {
          // A new write (not an idempotent repeat): queue its rows, advance the head.
          append.events.forEach((event, i) => {
            const row = {
              streamId: append.streamId,
              revision: result.nextExpectedRevision - append.events.length + 1 + i,
              position: next + i,
            };
            written.set(event.id, row);
            rows.positions.push(row.position);
            rows.streams.push(row.streamId);
            rows.revisions.push(row.revision);
            rows.ids.push(event.id);
            rows.types.push(event.type);
            rows.data.push(event.dataJson);
            rows.metadata.push(event.metadataJson);
          });
          revisions.set(append.streamId, result.nextExpectedRevision);
          next = result.lastPosition + 1;
        }
        return { ok: true, result };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion || error instanceof IdempotencyConflict))
          throw error;
        return { ok: false, error };
      }
    });
    if (rows.ids.length > 0) {
      await client.query(
        `INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, recorded_at)
         SELECT t.position, t.stream_id, t.revision, t.event_id, t.type, t.data, t.metadata, $8
           FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[])
                AS t(position, stream_id, revision, event_id, type, data, metadata)`,
        [
          rows.positions,
          rows.streams,
          rows.revisions,
          rows.ids,
          rows.types,
          rows.data,
          rows.metadata,
          recordedAt,
        ],
      );
      // The payload is an integer we computed, so inlining it is safe.
      await client.query(`SELECT pg_notify('${COMMIT_CHANNEL}', '${next}'); COMMIT`);
    } else {
      await client.query('COMMIT');
    }
    return outcomes;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Each stream's last revision and each already-written id, for every append of the group at once. */
async function existing(
  client: PoolClient,
  appends: readonly ValidatedAppend[],
): Promise<{ revisions: Map<string, number>; written: Map<string, WrittenEvent> }> {
  const streams = [...new Set(appends.map((a) => a.streamId))];
  const ids = appends.flatMap((a) => a.events.map((e) => e.id));
  const { rows } = await client.query<{
    revisions: [string, number][];
    written: [string, string, number, number][];
  }>(
    `SELECT coalesce((SELECT json_agg(json_build_array(stream_id, last)) FROM (
                        SELECT stream_id, max(revision) AS last FROM events
                         WHERE stream_id = ANY($1::text[]) GROUP BY stream_id) s), '[]') AS revisions,
            coalesce((SELECT json_agg(json_build_array(event_id, stream_id, revision, position))
                        FROM events WHERE event_id = ANY($2::text[])), '[]') AS written`,
    [streams, ids],
  );
  const found = rows[0]!;
  return {
    revisions: new Map(found.revisions),
    written: new Map(
      found.written.map(([id, streamId, revision, position]) => [
        id,
        { streamId, revision, position },
      ]),
    ),
  };
}

/**
 * One append's result against the store as it stands (the group's earlier appends included).
 * Idempotency first: ids already written as exactly this run return the original result
 * whatever the expected revision, so a retry after a lost answer succeeds.
 */
function decide(
  append: ValidatedAppend,
  revisions: ReadonlyMap<string, number>,
  written: ReadonlyMap<string, WrittenEvent>,
  next: number,
): AppendResult {
  const { streamId, events } = append;
  const rows = events.map((e) => written.get(e.id));
  if (rows.some((row) => row !== undefined)) return replayedAppend(streamId, events, rows);
  const current = revisions.get(streamId) ?? -1;
  if (!expectedRevisionHolds(append.expectedRevision, current)) {
    throw new WrongExpectedVersion(streamId, append.expectedRevision, current);
  }
  return {
    streamId,
    nextExpectedRevision: current + events.length,
    firstPosition: next,
    lastPosition: next + events.length - 1,
  };
}
