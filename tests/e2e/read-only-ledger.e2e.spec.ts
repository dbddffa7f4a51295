import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import {
  Checkpointer,
  LedgerLog,
  LOG_KEY_FILE,
  resetLog,
  SqliteHashStore,
  writeSigningKeyFile,
} from '@inr/ledger';
import { generateNoteKey } from '@inr/transparency';
import { call, startTestApp, type TestApp } from './support/test-app';

const ORIGIN = 'rvi/inr-ledger';
const key = generateNoteKey(ORIGIN);

/** A data directory with 3 events signed, whose witness W1 says it cosigned size 5. */
async function dirBehindItsWitness(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'inr-readonly-'));
  writeSigningKeyFile(join(dir, LOG_KEY_FILE), key);
  const events = await SqliteEventStore.open({ dataDir: dir });
  for (let i = 0; i < 3; i++)
    await events.append(`note-${i}`, [
      { id: `00000000-0000-4000-8000-00000000000${i}`, type: 'Noted', data: { i } },
    ]);
  const hashes = new SqliteHashStore(dir);
  const log = new LedgerLog(events, hashes);
  await log.catchUp();
  new Checkpointer(log, hashes, key, { origin: ORIGIN }).signNow();
  hashes.recordPublished({ size: 5, source: 'witness W1' });
  hashes.close();
  await events.close();
  return dir;
}

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

describe('a ledger that may not sign stays read-only and says why', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LEDGER_INSTITUTION: 'rvi' }, await dirBehindItsWitness());
  });
  afterAll(() => t?.close());

  it('/ready is 503 naming the missing leaves; writes get 503 LEDGER_READ_ONLY; reads work', async () => {
    const ready = await call(t.app, 'GET', '/ready');
    expect(ready.status).toBe(503);
    expect(ready.headers['content-type']).toContain('application/problem+json');
    expect(ready.body).toMatchObject({ code: 'LOG_BEHIND_PUBLISHED_CHECKPOINT' });
    expect(ready.body['detail']).toContain('leaves 3 to 4 (2 events) are missing');
    expect(ready.body['detail']).toContain('witness W1');

    const write = await call(
      t.app,
      'POST',
      '/v1/cases',
      {},
      {
        token: await t.token('trainee', 'trn-1'),
      },
    );
    expect(write.status).toBe(503);
    expect(write.body).toMatchObject({ code: 'LEDGER_READ_ONLY', status: 503 });
    expect(await t.store.count()).toBe(3);

    const checkpoint = await call(t.app, 'GET', '/v1/ledger/checkpoint');
    expect(checkpoint.status).toBe(200);
    expect(checkpoint.text.split('\n')[1]).toBe('3');
  });

  it('an operator-signed log reset lifts it: signing and writes resume', async () => {
    const hashes = new SqliteHashStore(t.dataDir);
    try {
      await resetLog({
        origin: ORIGIN,
        institution: 'rvi',
        key,
        events: t.store,
        log: new LedgerLog(t.store, hashes),
        ledger: hashes,
        decidedBy: 'ops on call',
        reason: 'leaves 3-4 lost with the disk; no copy anywhere',
      });
    } finally {
      hashes.close();
    }
    await until(async () => (await call(t.app, 'GET', '/ready')).status === 200);
    const write = await call(
      t.app,
      'POST',
      '/v1/cases',
      {},
      {
        token: await t.token('trainee', 'trn-1'),
      },
    );
    expect(write.status).toBe(400); // past the gate: now it is the body that is wrong
    await until(
      async () => (await call(t.app, 'GET', '/v1/ledger/checkpoint')).text.split('\n')[1] === '4',
    );
  });
});
