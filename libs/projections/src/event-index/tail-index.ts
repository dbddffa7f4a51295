import type { ReadModelDb } from '../store/read-model-db';
import type { EventStore } from '@inr/event-store';
import { str, type LedgerEvent } from '../events/ledger-event';
import { table, type TableNames } from '../runner/projection';
import { scanRange } from '../time-travel/read-positions';
import { indexKeys, type IndexLookups } from './event-index-projection';
import { countBelow, mergeByPosition } from './key-event-cache';

/** A tail longer than this is scanned per query instead of kept (a stopped or rebuilding index). */
const TAIL_LIMIT = 50_000;

interface Filed {
  value: string;
  position: number;
}

interface TailIds {
  cases: Map<string, Filed>;
  apps: Map<string, Filed>;
}

function remember(seen: TailIds, event: LedgerEvent): void {
  const caseId = str(event.data, 'caseId');
  const institutionId = str(event.data, 'institutionId');
  if (event.type === 'CaseLogged' && caseId && institutionId)
    seen.cases.set(caseId, { value: institutionId, position: event.position });
  const applicationId = str(event.data, 'applicationId');
  const traineeId = str(event.data, 'traineeId');
  if (event.type === 'CredentialApplicationSubmitted' && applicationId && traineeId)
    seen.apps.set(applicationId, { value: traineeId, position: event.position });
}

/**
 * The events between the index's checkpoint and the ledger's head, filed by key in memory.
 * The projection runner trails the ledger by a batch or more under load, and every command that
 * asks "what does the ledger say about this trainee now" needs that tail: scanning it per
 * request made each request's cost grow with the lag, and the lag with each request's cost.
 * Here each tail event is read and filed once; a query reads only what arrived since the last,
 * and the events the index has since filed are dropped as its checkpoint moves on.
 */
export class TailIndex {
  private source = '';
  /** Every event in [from, to) is filed in `byKey`. */
  private from = 0;
  private to = 0;
  private byKey = new Map<string, LedgerEvent[]>();
  /** Case institutions and application trainees first seen in the tail (not yet in the tables). */
  private seen: TailIds = { cases: new Map(), apps: new Map() };
  /** One scan at a time: concurrent queries wait for it rather than reading the same events. */
  private scanning: Promise<void> = Promise.resolve();
  /** The lookups' statements, prepared once per index version. */
  private prepared?: IndexLookups & { source: string };

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
  ) {}

  /** Events in [from, below) filed under any of `keys`, ascending, each once. */
  async events(
    names: TableNames,
    keys: readonly string[],
    from: number,
    below: number,
  ): Promise<LedgerEvent[]> {
    if (below - from > TAIL_LIMIT) return this.scanOnce(names, keys, from, below);
    // Extend and read in one turn of the queue, so no later query drops what this one reads.
    const answer = this.scanning.then(async () => {
      await this.extend(names, from, below);
      return this.collect(keys, from, below);
    });
    this.scanning = answer.then(noop, noop);
    return answer;
  }

  private collect(keys: readonly string[], from: number, below: number): LedgerEvent[] {
    let out: LedgerEvent[] = [];
    for (const key of new Set(keys)) {
      const filed = this.byKey.get(key);
      if (!filed) continue;
      const slice = filed.slice(countBelow(filed, from), countBelow(filed, below));
      out = out.length === 0 ? slice : mergeByPosition(out, slice);
    }
    return out;
  }

  private async extend(names: TableNames, from: number, below: number): Promise<void> {
    const source = table(names, 'event_index');
    if (source !== this.source || from < this.from) this.reset(source, from);
    else if (from > this.from) this.drop(from);
    if (below <= this.to) return;
    const lookups = this.lookups(names, this.seen);
    let next = this.to;
    await scanRange(this.store, this.to, below, (event) => {
      next = event.position + 1;
      remember(this.seen, event);
      for (const key of indexKeys(event, lookups)) {
        const filed = this.byKey.get(key);
        if (filed) filed.push(event);
        else this.byKey.set(key, [event]);
      }
    });
    // Only as far as events were found: a size past the head must not hide later appends.
    this.to = next;
  }

  /** The uncached path: scan [from, below) once for these keys. */
  private async scanOnce(
    names: TableNames,
    keys: readonly string[],
    from: number,
    below: number,
  ): Promise<LedgerEvent[]> {
    const wanted = new Set(keys);
    const seen: TailIds = { cases: new Map(), apps: new Map() };
    const lookups = this.lookups(names, seen);
    const out: LedgerEvent[] = [];
    await scanRange(this.store, from, below, (event) => {
      remember(seen, event);
      if (indexKeys(event, lookups).some((key) => wanted.has(key))) out.push(event);
    });
    return out;
  }

  /** Lookups through `seen` first, then the index's tables (statements prepared once). */
  private lookups(names: TableNames, seen: TailIds): IndexLookups {
    const source = table(names, 'event_index');
    if (this.prepared?.source !== source) {
      const getCase = this.db.prepare<[string], { institution_id: string }>(
        `SELECT institution_id FROM ${table(names, 'case_institution')} WHERE case_id = ?`,
      );
      const getApp = this.db.prepare<[string], { trainee_id: string }>(
        `SELECT trainee_id FROM ${table(names, 'application_trainee')} WHERE application_id = ?`,
      );
      this.prepared = {
        source,
        caseInstitution: (id) => getCase.get(id)?.institution_id,
        applicationTrainee: (id) => getApp.get(id)?.trainee_id,
      };
    }
    const stored = this.prepared;
    return {
      caseInstitution: (id) => seen.cases.get(id)?.value ?? stored.caseInstitution(id),
      applicationTrainee: (id) => seen.apps.get(id)?.value ?? stored.applicationTrainee(id),
    };
  }

  private reset(source: string, from: number): void {
    this.source = source;
    this.from = from;
    this.to = from;
    this.byKey = new Map();
    this.seen = { cases: new Map(), apps: new Map() };
  }

  /** The index has filed everything below `from`: forget it (its tables answer for it now). */
  private drop(from: number): void {
    this.from = from;
    if (this.to < from) this.to = from;
    for (const [key, filed] of this.byKey) {
      const keep = countBelow(filed, from);
      if (keep === filed.length) this.byKey.delete(key);
      else if (keep > 0) this.byKey.set(key, filed.slice(keep));
    }
    for (const map of [this.seen.cases, this.seen.apps])
      for (const [id, filed] of map) if (filed.position < from) map.delete(id);
  }
}

function noop(): void {}
