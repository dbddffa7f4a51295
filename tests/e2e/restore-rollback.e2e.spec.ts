import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import {
  cosignatureVerifierKey,
  ed25519VerifierKey,
  formatSignerKey,
  generateNoteKey,
} from '@inr/transparency';
import { runCli } from '../fault/ledger-cli-runner';
import { startLedgerServer, type LedgerServer } from '../fault/ledger-server';

const ORIGIN = 'local-trust/inr-ledger';
const logKey = generateNoteKey(ORIGIN);
const witnessKey = generateNoteKey('partner.example/witness');
const root = mkdtempSync(join(tmpdir(), 'inr-rollback-'));
const aDir = mkdtempSync(join(root, 'a-'));
const logEnv = {
  LEDGER_SIGNING_KEY: formatSignerKey(logKey),
  LEDGER_WITNESS_CONFIG: join(root, 'a.json'),
};

async function appendNotes(dir: string, n: number): Promise<void> {
  const events = await SqliteEventStore.open({ dataDir: dir });
  for (let i = 0; i < n; i++)
    await events.append(`note-${i % 3}`, [{ id: randomUUID(), type: 'Noted', data: { i } }]);
  await events.close();
}

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

const checkpointSize = async (s: LedgerServer): Promise<number> =>
  Number((await (await fetch(`${s.url}/v1/ledger/checkpoint`)).text()).split('\n')[1]);

describe('restoring an older backup after newer checkpoints were cosigned', () => {
  let witness: LedgerServer;
  let restored: LedgerServer | undefined;
  let cosigned: { old: number; latest: number };
  beforeAll(async () => {
    writeFileSync(
      join(root, 'b.json'),
      JSON.stringify({
        name: witnessKey.name,
        logs: [{ origin: ORIGIN, vkey: ed25519VerifierKey(logKey) }],
      }),
    );
    witness = await startLedgerServer({
      LEDGER_ORIGIN: 'partner.example/inr-ledger',
      LEDGER_WITNESS_CONFIG: join(root, 'b.json'),
      LEDGER_WITNESS_SIGNING_KEY: formatSignerKey(witnessKey),
    });
    writeFileSync(
      logEnv.LEDGER_WITNESS_CONFIG,
      JSON.stringify({
        witnesses: [
          { name: 'B', vkey: cosignatureVerifierKey(witnessKey), url: `${witness.url}/v1/witness` },
        ],
      }),
    );
    const a = await startLedgerServer(logEnv, aDir);
    await appendNotes(aDir, 20);
    const old = await a.flush();
    expect((await runCli(['backup', '--to', join(root, 'backups', 'old'), '-d', aDir])).code).toBe(
      0,
    );
    await appendNotes(aDir, 15);
    const latest = await a.flush(); // the witness cosigned this one: it remembers its size
    await a.stop();
    cosigned = { old, latest };
  }, 240_000);
  afterAll(async () => {
    await Promise.all([witness?.stop(), restored?.stop()]);
    rmSync(root, { recursive: true, force: true });
  });

  it('restore names the missing leaves, learnt from the witness, and exits 1', async () => {
    process.env.LEDGER_WITNESS_CONFIG = logEnv.LEDGER_WITNESS_CONFIG;
    try {
      const run = await runCli([
        'restore',
        '--from',
        join(root, 'backups', 'old'),
        '-d',
        join(root, 'c'),
      ]);
      expect(run.code).toBe(1);
      expect(run.out).toContain('REFUSES TO SIGN');
      expect(run.out).toContain(`known published checkpoint: size ${cosigned.latest} (witness B)`);
      expect(run.out).toContain(
        `missing leaf indices (event positions): ${cosigned.old} to ${cosigned.latest - 1}`,
      );
    } finally {
      delete process.env.LEDGER_WITNESS_CONFIG;
    }
  }, 120_000);

  it('the service on the restored copy refuses to sign, /ready says why, writes get 503', async () => {
    restored = await startLedgerServer(logEnv, join(root, 'c'));
    const ready = await fetch(`${restored.url}/ready`);
    expect(ready.status).toBe(503);
    const problem = (await ready.json()) as { code: string; detail: string };
    expect(problem.code).toBe('LOG_BEHIND_PUBLISHED_CHECKPOINT');
    expect(problem.detail).toContain(`leaves ${cosigned.old} to ${cosigned.latest - 1}`);
    const write = await fetch(`${restored.url}/v1/cases`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${restored.tokens.trainee1}`,
        'content-type': 'application/json',
        'idempotency-key': 'rollback-1',
      },
      body: '{}',
    });
    expect(write.status).toBe(503);
    expect(((await write.json()) as { code: string }).code).toBe('LEDGER_READ_ONLY');
    await restored.flush();
    expect(await checkpointSize(restored)).toBe(cosigned.old); // nothing new was signed
  }, 120_000);

  it('re-entering the missing events from another copy lets it sign again', async () => {
    const run = await runCli(['reenter', '--from', aDir, '-d', join(root, 'c')]);
    expect(run.out).toContain(`re-entered ${cosigned.latest - cosigned.old} events`);
    expect(run.code).toBe(0);
    await until(async () => (await fetch(`${restored!.url}/ready`)).status === 200);
    expect(await restored!.flush()).toBe(cosigned.latest);
    expect(await checkpointSize(restored!)).toBe(cosigned.latest);
    const audit = await runCli([
      'audit',
      '-d',
      join(root, 'c'),
      '--log-key',
      ed25519VerifierKey(logKey),
    ]);
    expect(audit.code).toBe(0);
  }, 120_000);

  it('a newer backup beside the restored one is enough to know what was published', async () => {
    expect((await runCli(['backup', '--to', join(root, 'backups', 'new'), '-d', aDir])).code).toBe(
      0,
    );
    const run = await runCli([
      'restore',
      '--from',
      join(root, 'backups', 'old'),
      '-d',
      join(root, 'd'),
    ]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`known published checkpoint: size ${cosigned.latest} (backup new)`);
  }, 120_000);
});
