import type Database from 'better-sqlite3';
import type { EventStore } from '@inr/event-store';
import type { LedgerEvent } from '../events/ledger-event';
import { str } from '../events/ledger-event';
import { activeTables, readVersions } from '../runner/projection-versions';
import { table } from '../runner/projection';
import { readPositions, scanRange } from '../time-travel/read-positions';
import { EVENT_INDEX, indexKeys, type IndexLookups } from './event-index-projection';
import { EventCache } from './event-cache';
import { mergeByPosition } from './key-event-cache';
import { decodePositions } from './position-chunks';

/**
 * Finds the events filed under some index keys below a ledger size. The index may trail the
 * ledger; the tail between its checkpoint and the size is scanned and filed the same way, so
 * answers are exact whatever the projection lag.
 */
export class EventIndexReader {
  private readonly cache = new EventCache();

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
  ) {}

  async events(keys: readonly string[], below: number): Promise<LedgerEvent[]> {
    const names = activeTables(this.db, EVENT_INDEX);
    const checkpoint =
      readVersions(this.db, EVENT_INDEX).find((row) => row.status === 'active')?.checkpoint ?? 0;
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
      events.push(...(await this.scanTail(names, keys, indexedBelow, below)));
    return events;
  }

  /** Ascending distinct positions filed under any of `keys`, below `below`. */
  private positions(
    names: Readonly<Record<string, string>>,
    keys: readonly string[],
    below: number,
  ): number[] {
    const placeholders = keys.map(() => '?').join(', ');
    const rows = this.db
      .prepare<unknown[], { positions: Buffer }>(
        `SELECT positions FROM ${table(names, 'event_index')}
         WHERE key IN (${placeholders}) AND first < ? ORDER BY key, first`,
      )
      .all(...keys, below);
    const all: number[] = [];
    for (const row of rows) decodePositions(row.positions, all);
    const wanted = all.filter((position) => position < below);
    if (keys.length < 2) return wanted;
    wanted.sort((a, b) => a - b);
    return wanted.filter((position, i) => i === 0 || position !== wanted[i - 1]);
  }

  private async scanTail(
    names: Readonly<Record<string, string>>,
    keys: readonly string[],
    from: number,
    to: number,
  ): Promise<LedgerEvent[]> {
    const wanted = new Set(keys);
    const cases = new Map<string, string>();
    const apps = new Map<string, string>();
    const getCase = this.db.prepare<[string], { institution_id: string }>(
      `SELECT institution_id FROM ${table(names, 'case_institution')} WHERE case_id = ?`,
    );
    const getApp = this.db.prepare<[string], { trainee_id: string }>(
      `SELECT trainee_id FROM ${table(names, 'application_trainee')} WHERE application_id = ?`,
    );
    const lookups: IndexLookups = {
      caseInstitution: (id) => cases.get(id) ?? getCase.get(id)?.institution_id,
      applicationTrainee: (id) => apps.get(id) ?? getApp.get(id)?.trainee_id,
    };
    const out: LedgerEvent[] = [];
    await scanRange(this.store, from, to, (event) => {
      const caseId = str(event.data, 'caseId');
      const institutionId = str(event.data, 'institutionId');
      if (event.type === 'CaseLogged' && caseId && institutionId) cases.set(caseId, institutionId);
      const applicationId = str(event.data, 'applicationId');
      const traineeId = str(event.data, 'traineeId');
      if (event.type === 'CredentialApplicationSubmitted' && applicationId && traineeId)
        apps.set(applicationId, traineeId);
      if (indexKeys(event, lookups).some((key) => wanted.has(key))) out.push(event);
    });
    return out;
  }
}
