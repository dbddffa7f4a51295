import { InMemoryEventStore } from '@inr/event-store/testing';
import { dumpReadModels } from '../testing/dump-read-models';
import { writeSampleLedger } from '../testing/sample-ledger';
import { tempDir } from '../testing/temp-dir';
import { LedgerBuilder } from '../testing/ledger-builder';
import { openReadModelsDb } from '../store/read-models-db';
import { PROJECTIONS } from '../projections';
import { ProjectionRunner } from './projection-runner';
import { rebuild } from './rebuild';
import { readVersions } from './projection-versions';

describe('rebuild and incremental processing', () => {
  const dirs: { remove(): void }[] = [];
  const dir = (): string => {
    const d = tempDir();
    dirs.push(d);
    return d.path;
  };
  afterAll(() => dirs.forEach((d) => d.remove()));

  it('a full rebuild produces exactly the read models that live, batched processing produced', async () => {
    const store = new InMemoryEventStore();
    const live = dir();
    const db = openReadModelsDb(live);
    // Small batches and events arriving while the runner is live exercise checkpoint resumption.
    const runner = new ProjectionRunner(store, db, PROJECTIONS, { batchSize: 7 });
    runner.start();
    await writeSampleLedger(store, 3, 10);
    await runner.waitFor(await store.count());
    await runner.stop();
    // A second runner on the same file resumes from its checkpoint for the rest.
    const resumed = new ProjectionRunner(store, db, PROJECTIONS, { batchSize: 3 });
    resumed.start();
    await writeSampleLedger(store, 2, 5, 'late');
    await new LedgerBuilder(store).retract('tr-1-c0', 'tr-1');
    await resumed.waitFor(await store.count());
    await resumed.stop();
    const incremental = dumpReadModels(db);
    db.close();

    const fresh = dir();
    const progress: [number, number][] = [];
    const result = await rebuild(store, fresh, {
      pageSize: 13,
      onProgress: (done, total) => progress.push([done, total]),
    });
    const rebuiltDb = openReadModelsDb(fresh);
    const rebuilt = dumpReadModels(rebuiltDb);
    rebuiltDb.close();

    const total = await store.count();
    expect(result.events).toBe(total);
    expect(progress[progress.length - 1]).toEqual([total, total]);
    expect(rebuilt).toEqual(incremental);
    expect(incremental['case-registry.checkpoint']).toBe(total);
    expect((incremental['case-registry.case_registry'] as string[]).length).toBe(3 * 10 + 2 * 5);
  });

  it('counts every event exactly once per projection, however it was batched', async () => {
    const store = new InMemoryEventStore();
    await writeSampleLedger(store, 2, 6);
    const path = dir();
    await rebuild(store, path, { pageSize: 4 });
    const db = openReadModelsDb(path);
    const total = await store.count();
    for (const row of readVersions(db)) {
      expect(row).toMatchObject({ status: 'active', checkpoint: total, applied: total });
    }
    db.close();
  });
});
