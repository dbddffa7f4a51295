import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import { PROJECTIONS } from '../projections';
import { openReadModelsDb } from '../store/read-models-db';
import { dumpReadModels } from '../testing/dump-read-models';
import { InMemoryEventStore } from '@inr/event-store/testing';
import { writeSampleLedger } from '../testing/sample-ledger';
import { tempDir } from '../testing/temp-dir';
import { ProjectionRunner } from './projection-runner';
import { readVersions } from './projection-versions';
import { rebuild } from './rebuild';

const CHILD = join(__dirname, '..', 'testing', 'crash-child.ts');
const REGISTER = join(__dirname, '..', '..', '..', '..', 'tests', 'support', 'register-ts.js');

describe('projection runner after a crash', () => {
  it('SIGKILLed between apply and commit, again and again, it neither skips nor double-counts an event', async () => {
    const dir = tempDir();
    try {
      const store = await SqliteEventStore.open({ dataDir: dir.path });
      await writeSampleLedger(store, 4, 12);
      const total = await store.count();
      await store.close();

      // Kill in batch 2, 3, 1, 4 ... of successive runs until a run gets to the end.
      const killAts = [2, 3, 1, 4];
      let kills = 0;
      let finished = false;
      for (const killAt of [...killAts, 0]) {
        const child = spawnSync(
          process.execPath,
          ['-r', REGISTER, CHILD, dir.path, String(killAt), '17'],
          {
            encoding: 'utf8',
          },
        );
        if (child.signal === 'SIGKILL') kills++;
        else {
          expect({ status: child.status, stderr: child.stderr }).toEqual({ status: 0, stderr: '' });
          finished = true;
          break;
        }
        const db = openReadModelsDb(dir.path);
        for (const row of readVersions(db)) expect(row.applied).toBe(row.checkpoint);
        db.close();
      }
      expect(kills).toBeGreaterThanOrEqual(2);
      expect(finished).toBe(true);

      const db = openReadModelsDb(dir.path);
      for (const row of readVersions(db))
        expect(row).toMatchObject({ checkpoint: total, applied: total });
      const afterKills = dumpReadModels(db);
      db.close();

      const clean = tempDir();
      const reopened = await SqliteEventStore.open({ dataDir: dir.path });
      await rebuild(reopened, clean.path);
      await reopened.close();
      const cleanDb = openReadModelsDb(clean.path);
      expect(afterKills).toEqual(dumpReadModels(cleanDb));
      cleanDb.close();
      clean.remove();
    } finally {
      dir.remove();
    }
  }, 60_000);

  it('an injected failure between apply and commit rolls the whole batch back; a new runner redoes it once', async () => {
    const dir = tempDir();
    const store = new InMemoryEventStore();
    await writeSampleLedger(store, 2, 8);
    const total = await store.count();
    const db = openReadModelsDb(dir.path);
    let batches = 0;
    const failing = new ProjectionRunner(store, db, PROJECTIONS, {
      batchSize: 10,
      hooks: {
        beforeCommit: () => {
          if (++batches === 3) throw new Error('crash between apply and commit');
        },
      },
    });
    failing.start();
    await expect(failing.waitFor(total)).rejects.toThrow('crash between apply and commit');
    expect(failing.state).toBe('failed');
    expect(failing.checkpoint).toBe(20);
    for (const row of readVersions(db)) expect(row).toMatchObject({ checkpoint: 20, applied: 20 });

    const runner = new ProjectionRunner(store, db, PROJECTIONS, { batchSize: 10 });
    runner.start();
    await runner.waitFor(total);
    await runner.stop();
    for (const row of readVersions(db))
      expect(row).toMatchObject({ checkpoint: total, applied: total });
    const clean = tempDir();
    await rebuild(store, clean.path);
    const cleanDb = openReadModelsDb(clean.path);
    expect(dumpReadModels(db)).toEqual(dumpReadModels(cleanDb));
    cleanDb.close();
    db.close();
    clean.remove();
    dir.remove();
  });
});
