import type { LedgerEvent } from '../events/ledger-event';
import { openReadModelsDb } from '../store/read-models-db';
import { InMemoryEventStore } from '@inr/event-store/testing';
import { writeSampleLedger } from '../testing/sample-ledger';
import { tempDir } from '../testing/temp-dir';
import { documentProjection } from './document-projection';
import { ProjectionRunner } from './projection-runner';
import { activeTables, readVersions } from './projection-versions';

/** A toy read model: events per type. Version 2 counts only case events, so the two differ. */
const eventTypes = (version: number, keep: (e: LedgerEvent) => boolean) =>
  documentProjection<{ type: string; n: number }>({
    name: 'event-types',
    version,
    fold: {
      keyOf: (e) => (keep(e) ? e.type : undefined),
      evolve: (doc, e) => ({ type: e.type, n: (doc?.n ?? 0) + 1 }),
    },
    columns: [{ name: 'n', type: 'INTEGER', value: (d) => d.n }],
  });

describe('projection versions', () => {
  it('a version bump rebuilds into new tables side by side, then switches and drops the old ones', async () => {
    const dir = tempDir();
    const store = new InMemoryEventStore();
    await writeSampleLedger(store, 2, 6);
    const total = await store.count();
    const db = openReadModelsDb(dir.path);

    const v1 = new ProjectionRunner(store, db, [eventTypes(1, () => true)], { batchSize: 10 });
    v1.start();
    await v1.waitFor(total);
    await v1.stop();
    expect(activeTables(db, 'event-types')).toEqual({ event_types: 'event_types_v1' });

    // New version deployed while the ledger moved on: v1 stays active (frozen) until v2 catches up.
    await writeSampleLedger(store, 1, 3, 'late');
    const head = await store.count();
    let sawBuilding = false;
    const v2 = new ProjectionRunner(store, db, [eventTypes(2, (e) => e.type.startsWith('Case'))], {
      batchSize: 10,
      hooks: {
        beforeCommit: () => {
          const rows = readVersions(db, 'event-types');
          if (rows.some((r) => r.version === 2 && r.status === 'building')) {
            sawBuilding = true;
            expect(rows.find((r) => r.version === 1)).toMatchObject({
              status: 'active',
              checkpoint: total,
            });
          }
        },
      },
    });
    v2.start();
    await v2.waitFor(head);
    await v2.stop();

    expect(sawBuilding).toBe(true);
    expect(readVersions(db, 'event-types').map((r) => [r.version, r.status, r.checkpoint])).toEqual(
      [
        [1, 'retired', total],
        [2, 'active', head],
      ],
    );
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'event_types%'")
      .all();
    expect(tables).toEqual([{ name: 'event_types_v2' }]);
    const types = db.prepare('SELECT key FROM event_types_v2 ORDER BY key').all() as {
      key: string;
    }[];
    expect(types.every((t) => t.key.startsWith('Case'))).toBe(true);
    db.close();
    dir.remove();
  });
});
