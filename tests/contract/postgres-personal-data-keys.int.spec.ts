import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PostgresEventStore } from '@inr/event-store';
import {
  ERASED_VALUE,
  KEY_CACHE_MS,
  PersonalData,
  PostgresPersonalDataKeys,
  SubjectErasedError,
} from '@inr/ledger';
import { runCli } from '../fault/ledger-cli-runner';
import {
  findPostgres,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres';

const NOTE = { caseId: 'c1', traineeId: 'trn-1', notes: 'a note only trn-1 may read' };

/** Two API replicas' key stores on one PostgreSQL database. */
const found = findPostgres();
if ('skip' in found) {
  describe.skip(`personal-data keys on PostgreSQL — skipped: ${found.skip}`, () => {
    it('needs PostgreSQL', () => undefined);
  });
} else {
  describe('personal-data keys on PostgreSQL, shared by replicas', () => {
    let server: ThrowawayPostgres;
    let url: string;
    let sql: Client;
    const opened: PostgresPersonalDataKeys[] = [];
    const replica = async (): Promise<PersonalData> => {
      const keys = await PostgresPersonalDataKeys.open(url);
      opened.push(keys);
      return new PersonalData(keys);
    };
    const storedKey = async (subject: string): Promise<string | null | undefined> =>
      (
        await sql.query<{ wrapped_key: string | null }>(
          'SELECT wrapped_key FROM personal_data_keys WHERE subject_id = $1',
          [subject],
        )
      ).rows[0]?.wrapped_key;

    beforeAll(async () => {
      server = await startThrowawayPostgres();
      url = await server.createDatabase('inr_keys');
      sql = new Client({ connectionString: url });
      await sql.connect();
    }, 60_000);
    afterAll(async () => {
      for (const keys of opened) keys.close();
      await sql?.end();
      await server?.stop();
    });

    it('opens on one replica what the other sealed; the second replica finds the first key, it makes none', async () => {
      const a = await replica();
      const b = await replica();
      const sealed = a.seal('CaseLogged', NOTE, 'trn-1');
      expect(sealed['notes']).toMatch(/^enc:pd1:/);
      expect(b.reveal(sealed)).toEqual(NOTE);
      expect(b.keys.keyFor('trn-1')).toEqual(a.keys.keyFor('trn-1'));
      expect(b.keys.subjects()).toEqual(['trn-1']);
      // Wrapped as in the file store (LOCAL_KEY_WRAPPING: the key in base64).
      expect(Buffer.from((await storedKey('trn-1'))!, 'base64')).toEqual(a.keys.keyFor('trn-1'));
    });

    it('two replicas creating the first key at once end with one key: the loser reads back the winner', async () => {
      const a = await replica();
      // "Replica B" inserts its key for trn-race and holds its transaction open: A then sees
      // no key, makes its own, and its insert waits on B's row; B commits first and wins.
      const other = new Client({ connectionString: url });
      await other.connect();
      const winner = Buffer.alloc(32, 7).toString('base64');
      const racing = other.query(
        `BEGIN;
         INSERT INTO personal_data_keys (subject_id, wrapped_key, wrapping, created_at)
           VALUES ('trn-race', '${winner}', 'local', '2026-12-01T00:00:00Z');
         SELECT pg_sleep(0.5);
         COMMIT;`,
      );
      await waitFor(async () => {
        const { rows } = await sql.query(
          "SELECT 1 FROM pg_stat_activity WHERE wait_event = 'PgSleep'",
        );
        return rows.length > 0;
      });
      expect(a.keys.lookup('trn-race', true)).toEqual({ status: 'unavailable' });
      const sealed = a.seal('CaseLogged', { ...NOTE, traineeId: 'trn-race' }, 'trn-race');
      await racing;
      await other.end();
      expect(a.keys.keyFor('trn-race')).toEqual(Buffer.from(winner, 'base64'));
      const b = await replica();
      expect(b.reveal(sealed)['notes']).toBe(NOTE.notes);
      const { rows } = await sql.query(
        "SELECT count(*)::int AS n FROM personal_data_keys WHERE subject_id = 'trn-race'",
      );
      expect(rows[0]).toEqual({ n: 1 });
    });

    it('an erasure on one replica destroys the key for all: new data refused at once, views erased within the cache time', async () => {
      const a = await replica();
      const b = await replica();
      const sealed = a.seal('CaseLogged', { ...NOTE, traineeId: 'trn-2' }, 'trn-2');
      const kept = a.seal('CaseLogged', { ...NOTE, traineeId: 'trn-3' }, 'trn-3');
      expect(a.reveal(sealed)['notes']).toBe(NOTE.notes); // now in A's cache
      b.keys.erase('trn-2', '2026-12-01');
      expect(await storedKey('trn-2')).toBeNull();
      // Vacuumed straight after, so the row version that held the key goes too.
      const vacuumed = await sql.query(
        "SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = 'personal_data_keys'",
      );
      expect(vacuumed.rows[0]?.last_vacuum).toBeInstanceOf(Date);
      expect(() => a.keys.keyFor('trn-2')).toThrow(SubjectErasedError);
      await new Promise((done) => setTimeout(done, KEY_CACHE_MS + 50));
      // A view of several people reads their keys in one query: one erased, one not.
      expect(a.reveal([sealed, kept]).map((d) => d['notes'])).toEqual([ERASED_VALUE, NOTE.notes]);
      expect(b.reveal(sealed)['notes']).toBe(ERASED_VALUE);
      expect(a.keys.subjects()).not.toContain('trn-2');
      // An erasure before any key: the tombstone stops one being made later.
      a.keys.erase('trn-never', '2026-12-01');
      expect(() => b.keys.keyFor('trn-never')).toThrow(SubjectErasedError);
    });

    it('inr-ledger retention finishes an erasure a crash left half done (recorded, key still held)', async () => {
      const keys = (await replica()).keys;
      keys.keyFor('trn-crash');
      const events = await PostgresEventStore.connect({ url });
      await events.append('subject-trn-crash', [
        {
          id: randomUUID(),
          type: 'SubjectDataErased',
          data: { subjectId: 'trn-crash', erasedOn: '2026-12-01', reason: 'Art. 17 request' },
        },
      ]);
      await events.close();
      const dataDir = mkdtempSync(join(tmpdir(), 'inr-keys-cli-'));
      const previous = process.env['DATABASE_URL'];
      process.env['DATABASE_URL'] = url;
      try {
        const run = await runCli(['retention', '--data-dir', dataDir]);
        expect(run.code).toBe(0);
        expect(run.out).toContain('finished the erasure of trn-crash (recorded 2026-12-01)');
      } finally {
        if (previous === undefined) delete process.env['DATABASE_URL'];
        else process.env['DATABASE_URL'] = previous;
        rmSync(dataDir, { recursive: true, force: true });
      }
      expect(await storedKey('trn-crash')).toBeNull();
      expect(keys.lookup('trn-crash', true)).toEqual({ status: 'erased', erasedOn: '2026-12-01' });
    }, 60_000);
  });
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 20));
  }
}
