import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { PostgresEventStore, SqliteEventStore } from '@inr/event-store';
import { PersonalData, PersonalDataKeys, PostgresPersonalDataKeys } from '@inr/ledger';
import { runCli } from '../fault/ledger-cli-runner';
import { signedDataDir, type SignedDataDir } from '../fault/ledger-fixtures';
import {
  findPostgres,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres';

/** Runs the CLI with DATABASE_URL set, as an operator would after the copy. */
async function withDatabase<T>(url: string, run: () => Promise<T>): Promise<T> {
  const previous = process.env['DATABASE_URL'];
  process.env['DATABASE_URL'] = url;
  try {
    return await run();
  } finally {
    if (previous === undefined) delete process.env['DATABASE_URL'];
    else process.env['DATABASE_URL'] = previous;
  }
}

const found = findPostgres();
if ('skip' in found) {
  describe.skip(`inr-ledger migrate --to postgres — skipped: ${found.skip}`, () => {
    it('needs PostgreSQL', () => undefined);
  });
} else {
  describe('inr-ledger migrate --from sqlite --to postgres', () => {
    let server: ThrowawayPostgres;
    let dir: SignedDataDir;
    beforeAll(async () => {
      server = await startThrowawayPostgres();
      dir = await signedDataDir({ cases: 6 });
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
      if (dir) rmSync(dir.dataDir, { recursive: true, force: true });
    });

    it('copies every event as recorded, so the audit from PostgreSQL proves the same tree and checkpoints', async () => {
      const url = await server.createDatabase('inr_migrate');
      // A sealed personal field and an erasure in the embedded key store.
      const embedded = new PersonalData(new PersonalDataKeys(dir.dataDir));
      const sealed = embedded.seal('CaseLogged', { traineeId: 'trn-m', notes: 'kept' }, 'trn-m');
      embedded.keys.erase('trn-gone', '2026-11-30');
      const before = await runCli(['audit', '--data-dir', dir.dataDir]);
      expect(before.code).toBe(0);

      const copy = await withDatabase(url, () =>
        runCli(['migrate', '--from', 'sqlite', '--to', 'postgres', '--data-dir', dir.dataDir]),
      );
      expect(copy).toMatchObject({ code: 0 });
      const sqlite = await SqliteEventStore.open({ dataDir: dir.dataDir });
      const pg = await PostgresEventStore.connect({ url });
      try {
        expect(await pg.readAll()).toEqual(await sqlite.readAll());
      } finally {
        await sqlite.close();
        await pg.close();
      }
      expect(copy.out).toMatch(/copied \d+ events \(0 were already there\)/);
      // The checkpoints come along as signed: the audit below reads them from PostgreSQL.
      expect(copy.out).toContain('copied 2 signed checkpoints');

      const after = await withDatabase(url, () => runCli(['audit', '--data-dir', dir.dataDir]));
      expect(after.code).toBe(0);
      // Same size, same root, the same signed checkpoints agree.
      const summary = (out: string) => /leaves, root \S+/.exec(out)?.[0];
      expect(summary(after.out)).toBe(summary(before.out));
      expect(after.out).toContain('2 signed checkpoints agree');
      // The keys came along wrapped as they were: the sealed field opens from PostgreSQL.
      expect(copy.out).toContain('copied 1 personal-data keys');
      const keys = await PostgresPersonalDataKeys.open(url);
      try {
        expect(new PersonalData(keys).reveal(sealed)['notes']).toBe('kept');
        expect(keys.lookup('trn-gone')).toEqual({ status: 'erased', erasedOn: '2026-11-30' });
      } finally {
        keys.close();
      }

      // Run again: nothing to copy, nothing written twice.
      const again = await withDatabase(url, () =>
        runCli(['migrate', '--from', 'sqlite', '--to', 'postgres', '--data-dir', dir.dataDir]),
      );
      expect(again.code).toBe(0);
      expect(again.out).toMatch(/copied 0 events/);
      expect(again.out).toMatch(/copied 0 personal-data keys.*\(1 were already there/);
    }, 60_000);

    it('refuses a target holding another key for one of our people, before copying any event', async () => {
      new PersonalDataKeys(dir.dataDir).keyFor('trn-m');
      const url = await server.createDatabase('inr_migrate_keys');
      const other = await PostgresPersonalDataKeys.open(url);
      other.keyFor('trn-m'); // another ledger's key for the same person
      other.close();
      const copy = await withDatabase(url, () =>
        runCli(['migrate', '--from', 'sqlite', '--to', 'postgres', '--data-dir', dir.dataDir]),
      );
      expect(copy.code).toBe(3);
      expect(copy.err).toMatch(/another personal-data key for trn-m/);
      const pg = await PostgresEventStore.connect({ url });
      try {
        expect(await pg.count()).toBe(0);
      } finally {
        await pg.close();
      }
    }, 60_000);

    it('refuses a target that holds other events, writing nothing', async () => {
      const url = await server.createDatabase('inr_migrate_other');
      const other = await PostgresEventStore.connect({ url });
      await other.append('case-unrelated', [
        { id: '6f1c7f7e-8d0a-4c3e-9a51-2b7f0e6d9c11', type: 'CaseLogged', data: { n: 1 } },
      ]);
      await other.close();
      const copy = await withDatabase(url, () =>
        runCli(['migrate', '--from', 'sqlite', '--to', 'postgres', '--data-dir', dir.dataDir]),
      );
      expect(copy.code).toBe(3);
      expect(copy.err).toMatch(/different event at position 0/);
      const client = new Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM events');
      await client.end();
      expect(rows[0]!.n).toBe('1');
    }, 60_000);
  });
}
