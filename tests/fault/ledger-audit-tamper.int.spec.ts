import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatSignerKey, generateNoteKey } from '@inr/transparency';
import { runCli } from './ledger-cli-runner';
import { ORIGIN, signedDataDir, type SignedDataDir } from './ledger-fixtures';

/** Edits events.sqlite behind the ledger's back, as an insider with file access could. */
function tamper(dir: SignedDataDir, sql: (db: Database.Database) => void): void {
  const db = new Database(join(dir.dataDir, 'events.sqlite'));
  try {
    db.transaction(() => sql(db))();
  } finally {
    db.close();
  }
}

describe('inr-ledger audit on a real sqlite data directory', () => {
  let dir: SignedDataDir;
  beforeEach(async () => {
    dir = await signedDataDir({ cases: 6 });
  });
  afterEach(() => rmSync(dir.dataDir, { recursive: true, force: true }));

  const audit = () => runCli(['audit', '--data-dir', dir.dataDir]);

  it('passes an untouched ledger: every leaf, both checkpoints, consistent', async () => {
    const r = await audit();
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toMatch(/ok local-trust\/inr-ledger: \d+ leaves/);
    expect(r.out).toContain('2 signed checkpoints agree');
  });

  it('one byte of one event changed: leaf-changed at that leaf', async () => {
    tamper(dir, (db) =>
      db
        .prepare('UPDATE events SET data = replace(data, \'"c3"\', \'"c4"\') WHERE position = 12')
        .run(),
    );
    const r = await audit();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAILED leaf-changed at leaf 12:/);
  });

  it('one event deleted: leaf-missing at its position', async () => {
    tamper(dir, (db) => db.prepare('DELETE FROM events WHERE position = 9').run());
    const r = await audit();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAILED leaf-missing at leaf 9:/);
  });

  it('two events swapped: leaf-reordered at the first', async () => {
    tamper(dir, (db) => {
      const cols = 'stream_id, revision, event_id, type, data, metadata, recorded_at';
      const row = db.prepare<[number], Record<string, unknown>>(
        `SELECT ${cols} FROM events WHERE position = ?`,
      );
      const a = row.get(7)!;
      const b = row.get(8)!;
      const set = db.prepare(
        `UPDATE events SET stream_id = @stream_id, revision = @revision, event_id = @event_id, type = @type,
           data = @data, metadata = @metadata, recorded_at = @recorded_at WHERE position = @position`,
      );
      // Park one row on placeholder keys first: event_id and (stream_id, revision) are unique.
      db.prepare("UPDATE events SET event_id = 'tmp', stream_id = 'tmp' WHERE position = 7").run();
      set.run({ ...a, position: 8 });
      set.run({ ...b, position: 7 });
    });
    const r = await audit();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAILED leaf-reordered at leaf 7:/);
  });

  it('the store truncated below the signed size: truncated', async () => {
    tamper(dir, (db) => db.prepare('DELETE FROM events WHERE position >= 10').run());
    const r = await audit();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAILED truncated at leaf 10:/);
  });

  it('the log key replaced: key-replaced', async () => {
    writeFileSync(join(dir.dataDir, 'log-key'), `${formatSignerKey(generateNoteKey(ORIGIN))}\n`, {
      mode: 0o600,
    });
    const r = await audit();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAILED key-replaced:/);
  });

  it('runs as the real binary: exit 1 and the reason on stdout', () => {
    tamper(dir, (db) =>
      db
        .prepare("UPDATE events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE position = 3")
        .run(),
    );
    const root = resolve(__dirname, '..', '..');
    const r = spawnSync(
      process.execPath,
      [
        '--require',
        './tests/support/register-ts.js',
        'apps/ledger-cli/src/main.ts',
        'audit',
        '-d',
        dir.dataDir,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAILED leaf-changed at leaf 3/);
  });

  it('a missing data directory is an environment error (exit 3), not an empty pass', async () => {
    const r = await runCli(['audit', '--data-dir', join(dir.dataDir, 'nope')]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('no ledger in');
  });
});
