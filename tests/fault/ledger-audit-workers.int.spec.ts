import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditResult } from '@inr/ledger';
import { auditBothWays } from './audit-both-ways';
import { signedDataDir, type SignedDataDir } from './ledger-fixtures';

/**
 * The audit with its leaves hashed by worker threads (each reading events.sqlite itself) must
 * answer exactly what the single-threaded audit answers, on an intact ledger and on each kind of
 * tampering, wherever the damage falls relative to the threads' ranges.
 */
describe('audit in worker threads gives the single-threaded answer', () => {
  let dir: SignedDataDir;
  beforeAll(async () => {
    dir = await signedDataDir({ cases: 8 });
  });
  afterAll(() => rmSync(dir.dataDir, { recursive: true, force: true }));

  const both = () => auditBothWays(dir);

  /** Runs `sql` on a copy's events and restores them after `check`. */
  async function tampered(sql: string, check: (r: AuditResult) => void): Promise<void> {
    const db = new Database(join(dir.dataDir, 'events.sqlite'));
    db.exec('CREATE TABLE saved AS SELECT * FROM events');
    try {
      db.exec(sql);
      const { threaded, single } = await both();
      expect(threaded).toEqual(single);
      check(threaded);
    } finally {
      db.exec('DELETE FROM events; INSERT INTO events SELECT * FROM saved; DROP TABLE saved');
      db.close();
    }
  }

  it('passes an intact ledger with the same size, root, checkpoints and keys', async () => {
    const { threaded, single } = await both();
    expect(threaded).toEqual(single);
    expect(threaded).toMatchObject({ ok: true, checkpoints: 2 });
  });

  it.each([
    [
      'a changed event',
      'UPDATE events SET data = replace(data, \'"c3"\', \'"c4"\') WHERE position = 13',
      'leaf-changed',
    ],
    ['an event deleted inside a range', 'DELETE FROM events WHERE position = 9', 'leaf-missing'],
    ['a range deleted whole', 'DELETE FROM events WHERE position BETWEEN 8 AND 15', 'leaf-missing'],
    ['the store truncated', 'DELETE FROM events WHERE position >= 10', 'truncated'],
  ])('%s: the same failure at the same leaf', async (_name, sql, reason) => {
    await tampered(sql, (r) => expect(r).toMatchObject({ ok: false, reason }));
  });
});
