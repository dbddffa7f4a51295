import type { ReadModelDb, ReadModelStatement } from '../store/read-model-db';
import { GenerationCache } from '../runner/generation-cache';
import { upsertSql } from '../store/sql-dialect';
import { appendPositions, type PositionChunk } from './position-chunks';

/** Index keys whose last chunk is remembered, per generation (two are kept). */
const LAST_CHUNK_GENERATION = 20_000;

/**
 * Collects the positions filed under each key during a transaction and, at flush, appends them
 * to the key's chunk rows: one read (often cached) and one write per key touched.
 */
export class ChunkWriter {
  private pending = new Map<string, number[]>();
  private readonly lastChunks = new GenerationCache<PositionChunk>(LAST_CHUNK_GENERATION);
  private readonly selectLast: ReadModelStatement<[string], PositionChunk>;
  private readonly upsert: ReadModelStatement<[string, number, number, number, Buffer]>;

  constructor(db: ReadModelDb, table: string) {
    this.selectLast = db.prepare<[string], PositionChunk>(
      `SELECT first, last, count, positions FROM ${table} WHERE key = ? ORDER BY first DESC LIMIT 1`,
    );
    this.upsert = db.prepare(
      upsertSql(db, table, ['key', 'first', 'last', 'count', 'positions'], ['key', 'first']),
    );
  }

  add(key: string, position: number): void {
    const list = this.pending.get(key);
    if (list) list.push(position);
    else this.pending.set(key, [position]);
  }

  flush(): void {
    for (const [key, positions] of this.pending) {
      const last = this.lastChunks.get(key) ?? this.selectLast.get(key);
      const written = appendPositions(last, positions);
      for (const chunk of written)
        this.upsert.run(key, chunk.first, chunk.last, chunk.count, chunk.positions);
      const newest = written[written.length - 1];
      if (newest) this.lastChunks.set(key, newest);
    }
    this.pending = new Map();
  }

  /** After a rollback: the cached chunks may not be in the file. */
  reset(): void {
    this.pending = new Map();
    this.lastChunks.clear();
  }
}
