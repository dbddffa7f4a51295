import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import { killRounds } from './kill-rounds';

const KILLS = 24;

describe('sqlite event store under SIGKILL', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'inr-es-fault-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`keeps every acknowledged append, gap-free, across ${KILLS} kills at random moments`, async () => {
    await killRounds(
      KILLS,
      dataDir,
      () => SqliteEventStore.open({ dataDir }),
      (n) => ({ beforeReady: n % 6 === 5 }),
    );
  }, 180_000);
});
