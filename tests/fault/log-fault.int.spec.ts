import { openEventStore } from '@inr/event-store';
import { LedgerMetrics, LedgerRuntime } from '@inr/ledger-api';
import { accreditation, enrolment, RVI, thrombectomyCase } from '../e2e/support/fixtures';
import { call, startTestApp, type TestApp } from '../e2e/support/test-app';
import { until } from '../support/until';
import { runCli } from './ledger-cli-runner';

// Finding 11 (first half): one failed write to the Merkle store stopped checkpoints until a
// restart, with /ready still ready. Here the store's writes break mid-run and come back.
describe('finding 11: the signed log survives a failing Merkle store', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LEDGER_CHECKPOINT_INTERVAL_MS: '100' });
  });
  afterAll(async () => {
    await t.close();
  });

  const ready = async (): Promise<{ status: number; code: unknown; detail: unknown }> => {
    const res = await call(t.app, 'GET', '/ready');
    return { status: res.status, code: res.body['code'], detail: res.body['detail'] };
  };
  const metric = async (name: string): Promise<number> => {
    const text = await t.app.get(LedgerMetrics).registry.metrics();
    return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
  };

  it('turns /ready 503 while writes fail, catches up once they work, loses nothing, audits clean', async () => {
    const admin = await t.token('admin', 'adm-1', RVI);
    await call(t.app, 'POST', '/v1/trainees', enrolment('trn-kim'), { token: admin });
    await call(t.app, 'POST', '/v1/supervisors/sup-ann/accreditations', accreditation(), {
      token: admin,
    });
    const trainee = await t.token('trainee', 'trn-kim', RVI);
    const runtime = t.app.get(LedgerRuntime);
    await until(ready, (r) => r.status === 200);

    // Break every write to ledger.sqlite: integration fails, and so would signing.
    const hashes = runtime.hashes;
    const transaction = hashes.transaction.bind(hashes);
    const addCheckpoint = hashes.addCheckpoint.bind(hashes);
    const broken = (): never => {
      throw new Error('SQLITE_IOERR: disk I/O error (injected)');
    };
    hashes.transaction = broken;
    hashes.addCheckpoint = broken;

    const acknowledged: Array<{ position: number; id: string }> = [];
    for (let i = 0; i < 5; i++) {
      const res = await call(t.app, 'POST', '/v1/cases', thrombectomyCase({ localRef: `F-${i}` }), {
        token: trainee,
      });
      expect(res.status).toBe(201);
      acknowledged.push({
        position: Number(res.body['position']),
        id: String((res.body['eventIds'] as string[])[0]),
      });
    }
    const failing = await until(ready, (r) => r.status === 503);
    expect(failing.code).toBe('LOG_FAILING');
    expect(String(failing.detail)).toContain('disk I/O error (injected)');
    expect(await metric('ledger_log_failing')).toBe(1);
    expect(await metric('ledger_log_unintegrated_events')).toBeGreaterThanOrEqual(5);
    expect(await metric('ledger_log_failures_total{stage="integrate"}')).toBeGreaterThan(0);

    // The fault clears: the log catches up on its own, signs, and /ready says so.
    hashes.transaction = transaction;
    hashes.addCheckpoint = addCheckpoint;
    await until(ready, (r) => r.status === 200);
    const count = await t.store.count();
    await until(
      async () => runtime.latest()?.size,
      (size) => size === count,
    );
    expect(runtime.log.size()).toBe(count);
    expect(await metric('ledger_log_unsigned_events')).toBe(0);

    // Signing alone failing is reported the same way, and recovers the same way.
    hashes.addCheckpoint = broken;
    await call(t.app, 'POST', '/v1/cases', thrombectomyCase({ localRef: 'F-sign' }), {
      token: trainee,
    });
    const signing = await until(ready, (r) => r.status === 503);
    expect(String(signing.detail)).toContain('signing checkpoints');
    hashes.addCheckpoint = addCheckpoint;
    await until(ready, (r) => r.status === 200);
    await until(
      async () => runtime.latest()?.size,
      (size) => size === count + 1,
    );

    await t.app.close();
    const audit = await runCli(['audit', '--data-dir', t.dataDir]);
    expect([audit.code, audit.err]).toEqual([0, '']);
    const store = await openEventStore({ kind: 'sqlite', dataDir: t.dataDir });
    try {
      const stored = await store.readPositions(acknowledged.map((a) => a.position));
      expect(stored.map((e) => ({ position: e.position, id: e.id }))).toEqual(acknowledged);
    } finally {
      await store.close();
    }
  }, 60_000);
});

// Finding 11 (the other half of "never stops silently"): a log that works but falls behind is
// reported too. Checkpoints are signed once a minute here, and one second of lag is allowed.
describe('finding 11: /ready reports a signed log that lags (LOG_LAGGING)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      LEDGER_CHECKPOINT_INTERVAL_MS: '60000',
      LEDGER_READY_MAX_LAG_SECONDS: '1',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('turns /ready 503 LOG_LAGGING once an event waits past the allowed lag, 200 once signed', async () => {
    const admin = await t.token('admin', 'adm-1', RVI);
    const enrolled = await call(t.app, 'POST', '/v1/trainees', enrolment('trn-lag'), {
      token: admin,
    });
    expect(enrolled.status).toBe(201);
    const lagging = await until(
      async () => call(t.app, 'GET', '/ready'),
      (res) => res.status === 503,
      5_000,
    );
    expect(lagging.body['code']).toBe('LOG_LAGGING');
    expect(String(lagging.body['detail'])).toMatch(/1 events have waited \d+ s .*allowed: 1 s/);
    await t.app.get(LedgerRuntime).flush();
    expect((await call(t.app, 'GET', '/ready')).status).toBe(200);
  });
});
