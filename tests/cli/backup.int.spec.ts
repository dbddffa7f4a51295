import { randomUUID } from 'node:crypto';
import {
  cpSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
  closeSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import {
  Checkpointer,
  LedgerLog,
  LOG_KEY_FILE,
  SqliteHashStore,
  writeSigningKeyFile,
} from '@inr/ledger';
import { ed25519VerifierKey, generateNoteKey } from '@inr/transparency';
import { runCli } from '../fault/ledger-cli-runner';

const ORIGIN = 'local-trust/inr-ledger';
const key = generateNoteKey(ORIGIN);

/** The service's log, in process: follows the store, signs within 50 ms; plus a busy writer. */
async function liveLedger(dir: string, seed: number) {
  writeSigningKeyFile(join(dir, LOG_KEY_FILE), key);
  const events = await SqliteEventStore.open({ dataDir: dir });
  const append = (i: number) =>
    events.append(`note-${i % 7}`, [
      { id: randomUUID(), type: 'Noted', data: { i, text: 'x'.repeat(200) } },
    ]);
  for (let i = 0; i < seed; i += 50)
    await Promise.all(Array.from({ length: 50 }, (_, j) => append(i + j)));
  const hashes = new SqliteHashStore(dir);
  const log = new LedgerLog(events, hashes);
  await log.catchUp();
  const checkpointer = new Checkpointer(log, hashes, key, { origin: ORIGIN, intervalMs: 50 });
  checkpointer.signNow();
  const following = log.follow({ batchMs: 10, onIntegrated: () => checkpointer.notify() });
  let writing = false;
  let written = seed;
  let writer: Promise<void> = Promise.resolve();
  return {
    startWriting(): void {
      writing = true;
      writer = (async () => {
        while (writing) await append(written++);
      })();
    },
    async stopWriting(): Promise<number> {
      writing = false;
      await writer;
      return written;
    },
    written: () => written,
    async close(): Promise<void> {
      following.unsubscribe();
      checkpointer.close();
      hashes.close();
      await events.close();
    },
  };
}

const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    tree: { size: number; root: string };
    files: { path: string }[];
    privateKeys: string;
  };

const mode = (path: string): number => statSync(path).mode & 0o777;

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

describe('backup, verify-backup and restore of the embedded ledger', () => {
  let root: string;
  let data: string;
  let ledger: Awaited<ReturnType<typeof liveLedger>>;
  let backup: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'inr-backup-'));
    data = join(root, 'data');
    cpSync(mkdtempSync(join(root, 'x')), data, { recursive: true });
    ledger = await liveLedger(data, 3000);
    backup = join(root, 'backups', 'first');
  }, 120_000);
  afterAll(async () => {
    await ledger.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('a backup taken under concurrent writes restores to a ledger whose audit passes and whose tree matches the manifest', async () => {
    ledger.startWriting();
    const before = ledger.written();
    await until(() => ledger.written() > before + 100);
    const run = await runCli(['backup', '--to', backup, '-d', data]);
    const during = ledger.written();
    await until(() => ledger.written() > during + 100); // still writing after the backup
    const total = await ledger.stopWriting();
    expect(run).toMatchObject({ code: 0 });
    const manifest = manifestOf(backup);
    expect(manifest.tree.size).toBeGreaterThan(before);
    expect(manifest.tree.size).toBeLessThan(total);
    expect(manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['events.sqlite', 'ledger.sqlite', 'keys/log.vkey']),
    );
    expect(mode(backup)).toBe(0o700);
    for (const f of allFiles(backup)) expect([f, mode(f)]).toEqual([f, 0o600]);

    const verified = await runCli(['verify-backup', backup]);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain(`${manifest.tree.size} leaves, root ${manifest.tree.root}`);

    const restored = join(root, 'restored');
    const restore = await runCli(['restore', '--from', backup, '-d', restored]);
    expect(restore.out).toContain(`${manifest.tree.size} leaves, root ${manifest.tree.root}`);
    expect(restore.code).toBe(0);
    expect(mode(restored)).toBe(0o700);
    for (const f of allFiles(restored)) expect([f, mode(f)]).toEqual([f, 0o600]);
    writeSigningKeyFile(join(restored, LOG_KEY_FILE), key); // public halves only were backed up
    const audit = await runCli(['audit', '-d', restored]);
    expect(audit.code).toBe(0);
    expect(audit.out).toContain(`${manifest.tree.size} leaves, root ${manifest.tree.root}`);
  }, 180_000);

  it('verify-backup and restore detect a corrupted backup file', async () => {
    const damaged = join(root, 'backups', 'damaged');
    cpSync(backup, damaged, { recursive: true });
    const file = join(damaged, 'events.sqlite');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from([0x5a]), 0, 1, Math.floor(statSync(file).size / 2));
    closeSync(fd);
    const verified = await runCli(['verify-backup', damaged]);
    expect(verified.code).toBe(1);
    expect(verified.out).toContain('events.sqlite is corrupted');
    const restore = await runCli(['restore', '--from', damaged, '-d', join(root, 'from-damaged')]);
    expect(restore.code).toBe(1);
    expect(restore.out).toContain('the backup is damaged');
    rmSync(damaged, { recursive: true });
  }, 60_000);

  it('keeps private keys out unless asked, and sealed with the passphrase when asked', async () => {
    const plainKey = readFileSync(join(data, LOG_KEY_FILE), 'utf8');
    const secret = (f: string) => /PRIVATE(\+| )KEY/.test(readFileSync(f, 'latin1'));
    expect(allFiles(backup).filter(secret)).toEqual([]);
    expect(manifestOf(backup).privateKeys).toBe('absent');
    expect(readFileSync(join(backup, 'keys', 'log.vkey'), 'utf8')).toBe(
      `${ed25519VerifierKey(key)}\n`,
    );

    const refused = await runCli([
      'backup',
      '--to',
      join(root, 'nokey'),
      '--include-private-keys',
      '-d',
      data,
    ]);
    expect(refused.code).toBe(2);

    const sealed = join(root, 'backups', 'sealed');
    const pass = join(root, 'pass.txt');
    writeFileSync(pass, 'correct horse battery staple\n');
    const run = await runCli([
      'backup',
      '--to',
      sealed,
      '--include-private-keys',
      '--passphrase-file',
      pass,
      '-d',
      data,
    ]);
    expect(run.code).toBe(0);
    expect(manifestOf(sealed).privateKeys).toBe('sealed');
    expect(readdirSync(join(sealed, 'keys'))).toContain('log-key.sealed.json');
    expect(allFiles(sealed).filter(secret)).toEqual([]);

    const wrong = join(root, 'wrong.txt');
    writeFileSync(wrong, 'not the passphrase at all\n');
    const bad = await runCli([
      'restore',
      '--from',
      sealed,
      '--passphrase-file',
      wrong,
      '-d',
      join(root, 'r-wrong'),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('wrong passphrase');
    const into = join(root, 'r-sealed');
    const good = await runCli(['restore', '--from', sealed, '--passphrase-file', pass, '-d', into]);
    expect(readFileSync(join(into, LOG_KEY_FILE), 'utf8')).toBe(plainKey);
    expect(mode(join(into, LOG_KEY_FILE))).toBe(0o600);
    expect(good.out).toContain('audit passed');
  }, 120_000);
});
