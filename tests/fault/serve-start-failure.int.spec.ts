import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliFromSource } from '../support/run-cli';
import { randomUUID } from 'node:crypto';
import { openEventStore } from '@inr/event-store';

// Finding 1 (its aftermath): with an event the log cannot hash in the store, a restart hung
// without listening. `serve` must say why and exit 3 (environment error) instead.
describe('finding 1: serve cannot start on an event the log cannot hash', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'inr-serve-fail-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  // Also with HTTP workers: the writer refuses before any worker starts.
  it.each([[[]], [['--http-workers', '2']]])(
    'exits 3 with a clear message naming the position, and does not hang (%j)',
    async (extra: string[]) => {
      const store = await openEventStore({ kind: 'sqlite', dataDir });
      await store.append('case-1', [
        { id: randomUUID(), type: 'CaseLogged', data: { notes: 'ok' } },
      ]);
      await store.close();
      // Written around the store's validation, as a pre-fix store could hold it.
      const db = new Database(join(dataDir, 'events.sqlite'));
      db.prepare(`UPDATE events SET data = '{"notes":"\\ud800"}' WHERE position = 0`).run();
      db.close();

      const run = runCliFromSource(['serve', '--port', '0', '--data-dir', dataDir, ...extra], {
        ...process.env,
        LOG_LEVEL: 'silent',
        HOST: '127.0.0.1',
      });
      expect(run.signal).toBeNull(); // not killed by the timeout: it did not hang
      expect(run.status).toBe(3);
      expect(run.stderr).toContain('inr-ledger cannot start');
      expect(run.stderr).toContain('the event at position 0 cannot be hashed into the log');
      expect(run.stderr).toContain('lone surrogate');
    },
    180_000,
  );
});
