import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { openEventStore } from '@inr/event-store';
import { ReadModels } from '@inr/projections';
import { benchPreset, generateLedgerStream, toEventData } from '../fixtures/generator';
import { runCli } from '../fault/ledger-cli-runner';

/** The `inr-ledger` command as a person uses it: help, usage errors, tokens, keys, rebuild. */
describe('inr-ledger command line', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'inr-cli-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lists every command and the exit codes in --help', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of [
      'serve',
      'demo',
      'token',
      'keys',
      'export',
      'verify',
      'audit',
      'rebuild',
      'openapi',
      'backup',
      'verify-backup',
      'restore',
      'reenter',
      'log-reset',
    ]) {
      expect(run.out).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
    expect(run.out).toContain('Exit codes: 0 success, 1 a check failed');
  });

  it('answers a mistyped command with exit 2 and a pointer to --help', async () => {
    const run = await runCli(['verfy', 'bundle.json']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--help');
  });

  it('prints a development token carrying the role, subject and institution asked for', async () => {
    const run = await runCli([
      'token',
      '--role',
      'supervisor',
      '--sub',
      'sup-ann',
      '--institution',
      'rvi',
      '-d',
      dataDir,
    ]);
    expect(run.code).toBe(0);
    const claims = decodeJwt(run.out.trim());
    expect(claims).toMatchObject({ sub: 'sup-ann', role: 'supervisor', institution: 'rvi' });
    expect(claims.exp).toBeGreaterThan(Date.now() / 1000);
  });

  it('refuses a lifetime the service would refuse (finding 7), with exit 2', async () => {
    const args = ['token', '-r', 'admin', '-s', 'adm-1', '-i', 'rvi', '-d', dataDir];
    const long = await runCli([...args, '--expires-in', '7d']);
    expect(long.code).toBe(2);
    expect(long.err).toContain('LEDGER_JWT_MAX_LIFETIME');
    const short = await runCli([...args, '--expires-in', '30m']);
    expect(short.code).toBe(0);
    const claims = decodeJwt(short.out.trim());
    expect(claims.exp! - claims.iat!).toBe(1800);
  });

  it('refuses a role that does not exist, with exit 2', async () => {
    const run = await runCli([
      'token',
      '--role',
      'surgeon',
      '--sub',
      'x',
      '--institution',
      'rvi',
      '-d',
      dataDir,
    ]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('surgeon');
  });

  it('creates the log key privately on first use and prints its C2SP verifier key', async () => {
    const first = await runCli(['keys', '-d', dataDir]);
    expect(first.code).toBe(0);
    expect(first.out.trim()).toMatch(/^local-trust\/inr-ledger\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    expect(statSync(join(dataDir, 'log-key')).mode & 0o777).toBe(0o600);
    const again = await runCli(['keys', '--trust-policy', '-d', dataDir]);
    expect(again.out).toContain(`log ${first.out.trim()}`);
  });

  it('rebuilds the read models from every stored event and reports the rate', async () => {
    const store = await openEventStore({ kind: 'sqlite', dataDir });
    let appended = 0;
    let logged = 0;
    for (const op of generateLedgerStream(benchPreset(600))) {
      await store.append(op.streamId, [toEventData(op)]);
      appended += 1;
      if (op.type === 'CaseLogged') logged += 1;
    }

    const run = await runCli(['rebuild', '-d', dataDir]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      new RegExp(
        `rebuilt read models from ${appended.toLocaleString('en-GB')} events in [0-9.]+ s \\([0-9,]+ events/s\\)`,
      ),
    );
    expect(existsSync(join(dataDir, 'read-models.sqlite'))).toBe(true);
    expect(existsSync(join(dataDir, 'read-models.sqlite.rebuilding'))).toBe(false);
    const readModels = ReadModels.open(store, dataDir);
    try {
      const page = await readModels.cases({ includeRetracted: true, limit: 1 });
      expect(page.total).toBe(logged);
    } finally {
      await readModels.close();
      await store.close();
    }
  });
});
