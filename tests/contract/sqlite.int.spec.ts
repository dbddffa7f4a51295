import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import { eventStoreContract } from './event-store.contract';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

eventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'inr-es-contract-'));
  dirs.push(dir);
  return SqliteEventStore.open({ dataDir: dir, pollMs: 50 });
});
