import type { EventStore, RecordedEvent } from '../port/event-store';
import { APPEND_LOCK, COMMIT_CHANNEL } from './append-batch';
import { openPool, type PostgresConnection } from './pg-pool';
import { EVENT_STORE_MIGRATIONS, migratePostgres } from './postgres-migrations';

export interface CopyProgress {
  copied: number;
  total: number;
}

export interface CopyResult {
  /** Events copied by this run. */
  copied: number;
  /** Events the target already held as an identical prefix (an interrupted copy resumed). */
  alreadyThere: number;
  total: number;
}

const BATCH = 2000;

/**
 * Copies every event of `source` into a PostgreSQL database exactly as recorded: same position,
 * stream, revision, id, type, data, metadata and recordedAt, so the Merkle tree over the copy is
 * the tree over the original. Appending through the port would not do: it assigns positions
 * and timestamps anew. The target must be empty or hold an identical prefix of the source (a
 * copy that was interrupted resumes); anything else is refused before writing.
 */
export async function copyEventsToPostgres(
  source: EventStore,
  target: PostgresConnection,
  onProgress: (progress: CopyProgress) => void = () => undefined,
): Promise<CopyResult> {
  const pool = openPool({ ...target, poolSize: 2 });
  try {
    await migratePostgres(pool, 'events', EVENT_STORE_MIGRATIONS);
    const total = await source.count();
    const targetCount = await countOf(pool);
    if (targetCount > total)
      throw new Error(`the target holds ${targetCount} events, more than the source (${total})`);
    await checkPrefix(source, pool, targetCount);
    for (let from = targetCount; from < total; from += BATCH) {
      const events = await source.readAll({ fromPosition: from, maxCount: BATCH });
      await insertBatch(pool, from, events);
      onProgress({ copied: from + events.length - targetCount, total: total - targetCount });
    }
    return { copied: total - targetCount, alreadyThere: targetCount, total };
  } finally {
    await pool.end();
  }
}

async function countOf(pool: ReturnType<typeof openPool>): Promise<number> {
  const { rows } = await pool.query<{ next: number }>(
    'SELECT coalesce(max(position) + 1, 0) AS next FROM events',
  );
  return rows[0]!.next;
}

/** The target's events must equal the source's, field for field, or nothing is written. */
async function checkPrefix(
  source: EventStore,
  pool: ReturnType<typeof openPool>,
  count: number,
): Promise<void> {
  for (let from = 0; from < count; from += BATCH) {
    const mine = await source.readAll({ fromPosition: from, maxCount: BATCH });
    const { rows } = await pool.query<{ position: number; line: string }>(
      `SELECT position, json_build_array(stream_id, revision, event_id, type, data, metadata, recorded_at)::text AS line
         FROM events WHERE position >= $1 ORDER BY position LIMIT $2`,
      [from, BATCH],
    );
    rows.forEach((row, i) => {
      const event = mine[i];
      const expected =
        event === undefined
          ? undefined
          : JSON.stringify([
              event.streamId,
              event.revision,
              event.id,
              event.type,
              JSON.stringify(event.data),
              JSON.stringify(event.metadata),
              event.recordedAt,
            ]);
      if (row.position !== from + i || expected !== normalise(row.line))
        throw new Error(`the target already holds a different event at position ${from + i}`);
    });
  }
}

/** json_build_array's text has spaces after separators; compare as parsed JSON instead. */
function normalise(line: string): string {
  return JSON.stringify(JSON.parse(line));
}

async function insertBatch(
  pool: ReturnType<typeof openPool>,
  from: number,
  events: readonly RecordedEvent[],
): Promise<void> {
  events.forEach((event, i) => {
    if (event.position !== from + i)
      throw new Error(
        `the source has a gap: expected position ${from + i}, read ${event.position}`,
      );
  });
  const client = await pool.connect();
  try {
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${APPEND_LOCK})`);
    await client.query(
      `INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, recorded_at)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
      [
        events.map((e) => e.position),
        events.map((e) => e.streamId),
        events.map((e) => e.revision),
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
        events.map((e) => e.recordedAt),
      ],
    );
    await client.query(`SELECT pg_notify('${COMMIT_CHANNEL}', '${from + events.length}'); COMMIT`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
