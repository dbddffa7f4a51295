import type { ReadModelDb, ReadModelStatement } from '../store/read-model-db';
import type { EventStore } from '@inr/event-store';
import type { LedgerEvent } from '../events/ledger-event';
import { readVersions } from '../runner/projection-versions';
import { table, tableNamesFor } from '../runner/projection';
import { readPositions } from '../time-travel/read-positions';
import { EVENT_INDEX } from './event-index-projection';
import { EventCache } from './event-cache';
import { mergeByPosition } from './key-event-cache';
import { decodePositions } from './position-chunks';
import { TailIndex } from './tail-index';

/**
 * Finds the events filed under some index keys below a ledger size. The index may trail the
 * ledger; the tail between its checkpoint and the size is scanned and filed the same way, so
 * answers are exact whatever the projection lag.
 */
export class EventIndexReader {
  private readonly cache = new EventCache();
  private readonly tail: TailIndex;
  private readonly statements = new Map<
    string,
    ReadModelStatement<unknown[], { positions: Buffer }>
  >();

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
  ) {
    this.tail = new TailIndex(store, db);
  }

  async events(keys: readonly string[], below: number): Promise<LedgerEvent[]> {
    const active = readVersions(this.db, EVENT_INDEX).find((row) => row.status === 'active');
    if (!active) throw new Error(`read model ${EVENT_INDEX} has no active version`);
    const names = tableNamesFor(JSON.parse(active.tables) as string[], active.version);
    const checkpoint = active.checkpoint;
    const indexedBelow = Math.min(below, checkpoint);
    const source = table(names, 'event_index');
    const uncached = keys.filter((key) => !EventCache.cacheable(key));
    let events =
      uncached.length > 0
        ? await readPositions(this.store, this.positions(names, uncached, indexedBelow))
        : [];
    for (const key of keys) {
      if (!EventCache.cacheable(key)) continue;
      const cached = await this.cache.below(source, key, indexedBelow, (from) =>
        readPositions(
          this.store,
          this.positions(names, [key], indexedBelow).filter((position) => position >= from),
        ),
      );
      events = events.length === 0 ? cached : mergeByPosition(events, cached);
    }
    if (indexedBelow < below)
      events.push(...(await this.tail.events(names, keys, indexedBelow, below)));
    return events;
  }

  /** Ascending distinct positions filed under any of `keys`, below `below`. */
  private positions(
    names: Readonly<Record<string, string>>,
    keys: readonly string[],
    below: number,
  ): number[] {
    const placeholders = keys.map(() => '?').join(', ');
    const sql = `SELECT positions FROM ${table(names, 'event_index')}
         WHERE key IN (${placeholders}) AND first < ? ORDER BY key, first`;
    // Prepared once per SQL text: preparing cost more than the lookup (one or two keys mostly).
    let select = this.statements.get(sql);
    if (!select) this.statements.set(sql, (select = this.db.prepare(sql)));
    const rows = select.all(...keys, below);
    const all: number[] = [];
    for (const row of rows) decodePositions(row.positions, all);
    const wanted = all.filter((position) => position < below);
    if (keys.length < 2) return wanted;
    wanted.sort((a, b) => a - b);
    return wanted.filter((position, i) => i === 0 || position !== wanted[i - 1]);
  }
}
