import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '@inr/event-store';
import { enrolment } from '../e2e/support/fixtures';
import {
  findPostgres,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres';
import { storedCheckpointRoots, treeRoots } from '../support/postgres-checkpoints';
import { runCli } from './ledger-cli-runner';
import { checkPersonalDataAcrossReplicas, PERSONAL_DATA_TOKENS } from './replicas-personal-data';
import { startLedgerServer, type LedgerServer } from './ledger-server';
import { expectSharedReadModelsEqualScratch, expectStatusOn } from './replicas-read-models';

const WRITES = 120;
const CONCURRENCY = 12;
/**
 * Replica A (started first: it applies events to the shared read models) is SIGKILLed once this
 * many writes have been answered.
 */
const KILL_AFTER = 40;

interface Replica {
  server: LedgerServer | undefined;
  dataDir: string;
}

interface Answer {
  status: number;
  body: string;
  replayed: boolean;
  by: Replica;
}

function postEnrolment(replica: Replica, i: number, token: string): Promise<Response> {
  return fetch(`${replica.server!.url}/v1/trainees`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      // The same key on the retry: the command's event ids derive from it.
      'idempotency-key': `two-replicas-${i}`,
    },
    body: JSON.stringify(enrolment(`trn-r${i}`)),
  });
}

/** POST an enrolment; on a dead replica (connection refused or cut), retry on the other one. */
async function enrol(i: number, order: Replica[], token: string): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    const replica = order[attempt % 2]!;
    if (replica.server === undefined) continue;
    try {
      const response = await postEnrolment(replica, i, token);
      if (response.status >= 500 && attempt < 6) continue;
      const replayed = response.headers.get('idempotent-replayed') === 'true';
      return { status: response.status, body: await response.text(), replayed, by: replica };
    } catch (error) {
      if (attempt >= 6) throw error;
    }
  }
}

const found = findPostgres();
if ('skip' in found) {
  describe.skip(`two API replicas on one PostgreSQL — skipped: ${found.skip}`, () => {
    it('needs PostgreSQL', () => undefined);
  });
} else {
  describe('two API replicas on one PostgreSQL database', () => {
    let pg: ThrowawayPostgres;
    let url: string;
    const a: Replica = { server: undefined, dataDir: mkdtempSync(join(tmpdir(), 'inr-rep-a-')) };
    const b: Replica = { server: undefined, dataDir: mkdtempSync(join(tmpdir(), 'inr-rep-b-')) };
    const env = (): NodeJS.ProcessEnv => ({
      DATABASE_URL: url,
      LEDGER_CHECKPOINT_INTERVAL_MS: '200',
      TEST_TOKENS: PERSONAL_DATA_TOKENS,
    });
    beforeAll(async () => {
      pg = await startThrowawayPostgres();
      url = await pg.createDatabase('inr_replicas');
    }, 60_000);
    afterAll(async () => {
      await a.server?.stop();
      await b.server?.stop();
      await pg?.stop();
      for (const r of [a, b]) rmSync(r.dataDir, { recursive: true, force: true });
    });

    it('keeps every write exactly once, gap-free, when a replica dies mid-burst; reads through the other replica at once; both serve the same checkpoint; read models equal a rebuild; audit passes', async () => {
      a.server = await startLedgerServer(env(), a.dataDir);
      // One trust, two replicas: the same log key and the same (development) token key.
      for (const file of ['log-key', 'dev-jwt.key'])
        copyFileSync(join(a.dataDir, file), join(b.dataDir, file));
      b.server = await startLedgerServer(env(), b.dataDir);
      const token = a.server.tokens.admin;

      let answered = 0;
      let next = 0;
      const answers: Answer[] = [];
      // Reads already sent to A finish before A is killed: the kill is meant for writes in
      // flight, and a read cut by it would say nothing about the read models.
      const readsOnA: Promise<void>[] = [];
      const worker = async (): Promise<void> => {
        while (next < WRITES) {
          const i = next++;
          const order = i % 2 === 0 ? [a, b] : [b, a];
          answers[i] = await enrol(i, order, token);
          // Read at once through the other replica, while both live (every fifth write).
          const other = answers[i]!.by === a ? b.server : a.server;
          if (i % 5 === 0 && a.server !== undefined && other !== undefined) {
            const read = expectStatusOn(other, `trn-r${i}`, token);
            if (other === a.server) readsOnA.push(read);
            await read;
          }
          if (++answered === KILL_AFTER && a.server !== undefined) {
            const dying = a.server;
            a.server = undefined;
            await Promise.allSettled(readsOnA);
            await dying.kill();
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      expect(answers.filter((s) => s.status === 201)).toHaveLength(WRITES);

      // Retries on B of what the dead A answered: A's response, byte for byte, from PostgreSQL.
      const byA = answers.flatMap((answer, i) => (answer.by === a && !answer.replayed ? [i] : []));
      expect(byA.length).toBeGreaterThan(0);
      for (const i of byA.slice(0, 10)) {
        const retry = await postEnrolment(b, i, token);
        expect(retry.headers.get('idempotent-replayed')).toBe('true');
        expect(await retry.text()).toBe(answers[i]!.body);
      }

      // The store itself: positions gap-free, each enrolment exactly once.
      const store = await PostgresEventStore.connect({ url });
      try {
        const all = await store.readAll();
        expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i));
        // One tree in PostgreSQL, signed by whichever replica got there first: every size
        // stored once, each root the tree of that many events.
        const roots = treeRoots(all);
        const signed = await storedCheckpointRoots(url);
        expect(signed.size).toBeGreaterThan(0);
        for (const [size, root] of signed) expect(root).toBe(roots.get(size));
        const enrolled = all.filter((e) => e.type === 'TraineeEnrolled').map((e) => e.streamId);
        expect(enrolled.sort()).toEqual(
          Array.from({ length: WRITES }, (_, i) => `trainee-trn-r${i}`).sort(),
        );
      } finally {
        await store.close();
      }

      // A comes back on its old data directory and catches up from the shared database.
      a.server = await startLedgerServer(env(), a.dataDir);
      const sizeA = await a.server.flush();
      const sizeB = await b.server.flush();
      expect(sizeB).toBe(sizeA);
      const [checkpointA, checkpointB] = await Promise.all(
        [a, b].map(async (r) => (await fetch(`${r.server!.url}/v1/ledger/checkpoint`)).text()),
      );
      expect(checkpointA).toContain(`\n${sizeA}\n`);
      expect(checkpointB).toBe(checkpointA);
      // Whatever sizes each signed along the way, a size signed by both is the same bytes.
      const pages = await Promise.all(
        [a, b].map(async (r) => {
          const body = (await (
            await fetch(`${r.server!.url}/v1/ledger/checkpoints?limit=1000`)
          ).json()) as { checkpoints: { size: number; note: string }[] };
          return new Map(body.checkpoints.map((c) => [c.size, c.note]));
        }),
      );
      for (const [size, note] of pages[0]!)
        if (pages[1]!.has(size)) expect(pages[1]!.get(size)).toBe(note);
      // One key store in PostgreSQL: what A sealed B opens; B's erasure reaches A.
      await checkPersonalDataAcrossReplicas(a.server, b.server);
      await a.server.flush();

      await a.server.stop();
      await b.server.stop();
      a.server = b.server = undefined;
      // The read models B took over when A died equal a build from scratch.
      await expectSharedReadModelsEqualScratch(url);
      const previous = process.env['DATABASE_URL'];
      process.env['DATABASE_URL'] = url;
      try {
        for (const r of [a, b]) {
          const audit = await runCli(['audit', '--data-dir', r.dataDir]);
          // The enrolments, plus the accreditation, the case and the erasure of the personal-data check.
          expect(audit.out).toMatch(new RegExp(`${WRITES + 3} leaves`));
          expect(audit.code).toBe(0);
        }
      } finally {
        if (previous === undefined) delete process.env['DATABASE_URL'];
        else process.env['DATABASE_URL'] = previous;
      }
    }, 420_000); // generous: three server starts and two audits on a shared, loaded machine
  });
}
