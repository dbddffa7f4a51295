import type { ReadModelDb } from './store/read-model-db';
import type { EventStore } from '@inr/event-store';
import { EventIndexReader } from './event-index/event-index-reader';
import { readVersions } from './runner/projection-versions';

/** What every query needs: the ledger, the read-models file and the event index over it. */
export interface ReadModelContext {
  store: EventStore;
  db: ReadModelDb;
  index: EventIndexReader;
}

export function readModelContext(store: EventStore, db: ReadModelDb): ReadModelContext {
  return { store, db, index: new EventIndexReader(store, db) };
}

/** Ledger size a read model reflects: its active version's checkpoint. */
export function projectedSize(db: ReadModelDb, name: string): number {
  return readVersions(db, name).find((row) => row.status === 'active')?.checkpoint ?? 0;
}
