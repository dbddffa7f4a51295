import { existsSync, readdirSync } from 'node:fs';
import { SqliteEventStore } from '@inr/event-store';
import { dumpReadModels } from '../testing/dump-read-models';
import { LedgerBuilder } from '../testing/ledger-builder';
import { writeSampleLedger } from '../testing/sample-ledger';
import { tempDir } from '../testing/temp-dir';
import { openReadModelsDb } from '../store/read-models-db';
import { readVersions } from './projection-versions';
import { rebuild } from './rebuild';

/** Every read model and the versions table (applied counts included), as a rebuild left them. */
function snapshot(dir: string): { dump: Record<string, unknown>; versions: unknown[] } {
  const db = openReadModelsDb(dir);
  try {
    const versions = readVersions(db).sort((a, b) => a.name.localeCompare(b.name));
    return { dump: dumpReadModels(db), versions };
  } finally {
    db.close();
  }
}

describe('rebuild in worker threads (embedded store)', () => {
  const dir = tempDir();
  let store: SqliteEventStore;

  beforeAll(async () => {
    store = await SqliteEventStore.open({ dataDir: dir.path });
    // Every read model, events written at schema version 1 (upcast on the way in), a retraction.
    await writeSampleLedger(store, 4, 9);
    await new LedgerBuilder(store).retract('tr-1-c0', 'tr-1');
  });
  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  it('leaves exactly the read models a one-thread rebuild writing every document at each commit leaves', async () => {
    // The reference writes every document at every commit, as the live runner does.
    await rebuild(store, dir.path, { retainDocuments: 0 });
    const onThread = snapshot(dir.path);
    const progress: number[] = [];
    // Small pages, commits and retained documents: many flushes, each leaving some unwritten.
    const result = await rebuild(store, dir.path, {
      eventsDir: dir.path,
      pageSize: 11,
      commitEvery: 20,
      retainDocuments: 5,
      onProgress: (done) => progress.push(done),
    });
    const threaded = snapshot(dir.path);

    const total = await store.count();
    expect(result.events).toBe(total);
    expect(progress[progress.length - 1]).toBe(total);
    expect(threaded).toEqual(onThread);
    expect((threaded.dump['case-registry.case_registry'] as string[]).length).toBe(4 * 9);
    expect((threaded.dump['applications.applications'] as string[]).length).toBeGreaterThan(0);
    // No side file is left beside the live one.
    expect(readdirSync(dir.path).filter((f) => f.includes('rebuilding'))).toEqual([]);
  });

  it('a failing thread fails the rebuild and leaves the live read models as they were', async () => {
    const before = snapshot(dir.path);
    const elsewhere = tempDir();
    try {
      // No events.sqlite there: the threads cannot read, the rebuild must not swap anything in.
      await expect(rebuild(store, dir.path, { eventsDir: elsewhere.path })).rejects.toThrow();
      expect(existsSync(`${dir.path}/read-models.sqlite`)).toBe(true);
      expect(snapshot(dir.path)).toEqual(before);
      expect(readdirSync(dir.path).filter((f) => f.includes('rebuilding'))).toEqual([]);
    } finally {
      elsewhere.remove();
    }
  });
});
