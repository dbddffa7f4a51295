import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import { accreditation, enrolment, RVI, thrombectomyCase } from '../e2e/support/fixtures';
import { expectIntact } from './kill-rounds';
import { startLedgerServer, type LedgerServer } from './ledger-server';

interface Answer {
  status: number;
  etag: string | undefined;
  body: Record<string, unknown>;
}

// Idempotency and ordering with two HTTP workers in front of the one writer. Every request
// here opens a connection of its own, and the cluster hands each new connection to the next
// worker in turn, so the two requests of a pair are served by two processes.
describe('HTTP workers in front of one writer', () => {
  let server: LedgerServer;
  let dataDir: string;
  const acked = new Set<string>();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'inr-http-workers-'));
    server = await startLedgerServer(
      {
        LEDGER_HTTP_WORKERS: '2',
        TEST_TOKENS: JSON.stringify({
          rviAdmin: { role: 'admin', sub: 'adm-1', institution: RVI },
          kim: { role: 'trainee', sub: 'trn-kim', institution: RVI },
        }),
      },
      dataDir,
    );
    const admin = server.tokens['rviAdmin']!;
    expect((await send('POST', '/v1/trainees', admin, enrolment('trn-kim'), 'e-kim')).status).toBe(
      201,
    );
    const sup = accreditation();
    expect(
      (await send('POST', '/v1/supervisors/sup-ann/accreditations', admin, sup, 'a-ann')).status,
    ).toBe(201);
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const send = (
    method: string,
    path: string,
    token: string,
    body?: unknown,
    key?: string,
  ): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const url = new URL(path, server.url);
      const req = request(
        {
          agent: false,
          host: url.hostname,
          port: url.port,
          method,
          path: url.pathname,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(key === undefined ? {} : { 'idempotency-key': key }),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (c: string) => (text += c));
          res.on('end', () => {
            const answer = {
              status: res.statusCode ?? 0,
              etag: res.headers.etag,
              body: JSON.parse(text || '{}') as Record<string, unknown>,
            };
            if (answer.status === 201)
              for (const id of answer.body['eventIds'] as string[]) acked.add(id);
            resolve(answer);
          });
        },
      );
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });

  /** Keys of the commands acknowledged, with the events each answer named. */
  const written = new Map<string, string[]>();
  const pair = async (bodies: [unknown, unknown], key: string): Promise<[Answer, Answer]> => {
    const [a, b] = await Promise.all(
      bodies.map((body) => send('POST', '/v1/cases', kim(), body, key)),
    );
    for (const answer of [a!, b!])
      if (answer.status === 201) written.set(key, answer.body['eventIds'] as string[]);
    return [a!, b!];
  };
  const kim = (): string => server.tokens['kim']!;

  it('writes a key sent to two workers at once once, and answers both alike', async () => {
    for (let i = 0; i < 8; i++) {
      const body = thrombectomyCase({ localRef: `MT-PAIR-${i}` });
      const [a, b] = await pair([body, body], `pair-${i}`);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body).toEqual(a.body);
      expect(b.etag).toBe(a.etag);
      const record = await send('GET', `/v1/cases/${String(a.body['id'])}`, kim());
      expect(record.body['revision']).toBe(0);
    }
  }, 60_000);

  it('refuses the same key with another body on the other worker, and writes only the first', async () => {
    for (let i = 0; i < 8; i++) {
      const bodies = ['A', 'B'].map((side) =>
        thrombectomyCase({ localRef: `MT-REUSE-${i}-${side}` }),
      );
      const answers = await pair(bodies as [unknown, unknown], `reuse-${i}`);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
      const refused = answers.find((a) => a.status === 422)!;
      expect(refused.body['code']).toBe('IDEMPOTENCY_KEY_REUSED');
      const first = answers.findIndex((a) => a.status === 201);
      const record = await send('GET', `/v1/cases/${String(answers[first]!.body['id'])}`, kim());
      expect(JSON.stringify(record.body['state'])).toContain(
        `MT-REUSE-${i}-${first === 0 ? 'A' : 'B'}`,
      );
    }
  }, 60_000);

  it("keeps a stream's events in order, each answer matching its place, and reads see them", async () => {
    const logged = await send('POST', '/v1/cases', kim(), thrombectomyCase(), 'case-1');
    expect(logged.status).toBe(201);
    const caseId = String(logged.body['id']);
    // Two clients amend the one case at once; a lost race (409) is retried with a new key.
    const answers: Answer[] = [];
    await Promise.all(
      ['x', 'y'].map(async (client) => {
        for (let i = 0; i < 6;) {
          const changes = { localRef: `MT-${client}-${i}` };
          const key = `amend-${client}-${i}-${answers.length}`;
          const res = await send(
            'POST',
            `/v1/cases/${caseId}/amendments`,
            kim(),
            { changes, reason: 'typo' },
            key,
          );
          if (res.status === 409) continue;
          expect(res.status).toBe(201);
          answers.push(res);
          const read = await send('GET', `/v1/cases/${caseId}`, kim());
          expect(Number(read.body['revision'])).toBeGreaterThanOrEqual(
            Number(res.body['revision']),
          );
          i++;
        }
      }),
    );
    const byRevision = [...answers].sort(
      (a, b) => Number(a.body['revision']) - Number(b.body['revision']),
    );
    expect(byRevision.map((a) => a.body['revision'])).toEqual(byRevision.map((_, i) => i + 1));
    const positions = byRevision.map((a) => Number(a.body['position']));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  }, 90_000);

  it('leaves a store with every acknowledged event once, positions and revisions gap-free', async () => {
    await server.stop();
    const store = await SqliteEventStore.open({ dataDir });
    try {
      await expectIntact(store, acked);
      // Each key's events are the ones its answer named, and no more.
      const all = await store.readAll();
      for (const [key, ids] of written) {
        const mine = all.filter((e) => e.metadata?.['idempotencyKey'] === key);
        expect(mine.map((e) => e.id)).toEqual(ids);
      }
      expect(written.size).toBe(16);
    } finally {
      await store.close();
    }
  }, 60_000);
});
