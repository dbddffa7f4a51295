import type Database from 'better-sqlite3';
import type { EventStore } from '@inr/event-store';
import type { LedgerEvent } from '../events/ledger-event';
import { str } from '../events/ledger-event';
import { activeTables, readVersions } from '../runner/projection-versions';
import { table } from '../runner/projection';
import { readPositions, scanRange } from '../time-travel/read-positions';
import { EVENT_INDEX, indexKeys, type IndexLookups } from './event-index-projection';

/**
 * Finds the events filed under some index keys below a ledger size. The index may trail the
 * ledger; the tail between its checkpoint and the size is scanned and filed the same way, so
 * answers are exact whatever the projection lag.
 */
export class EventIndexReader {
  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
  ) {}

  async events(keys: readonly string[], below: number): Promise<LedgerEvent[]> {
    const names = activeTables(this.db, EVENT_INDEX);
    const checkpoint =
      readVersions(this.db, EVENT_INDEX).find((row) => row.status === 'active')?.checkpoint ?? 0;
    const indexedBelow = Math.min(below, checkpoint);
    const placeholders = keys.map(() => '?').join(', ');
    const rows = this.db
      .prepare<unknown[], { position: number }>(
        `SELECT DISTINCT position FROM ${table(names, 'event_index')}
         WHERE key IN (${placeholders}) AND position < ? ORDER BY position`,
      )
      .all(...keys, indexedBelow);
    const events = await readPositions(
      this.store,
      rows.map((row) => row.position),
    );
    if (indexedBelow < below)
      events.push(...(await this.scanTail(names, keys, indexedBelow, below)));
    return events;
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
