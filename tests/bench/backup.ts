// Backup of the bench ledger beside a plain copy of the same directory, in the same run.
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import { Checkpointer, LedgerLog, loadOrCreateSigningKey, SqliteHashStore } from '@inr/ledger';
import { takeBackup, verifyBackup } from '@inr/ledger-api/backup';

const ORIGIN = 'bench.example/inr-ledger';

export interface BackupBenchFigures {
  events: number;
  backupSeconds: number;
  backupBytes: number;
  copySeconds: number;
  copyBytes: number;
  verifySeconds: number;
}

function dirBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => statSync(join(dir, f)))
    .filter((s) => s.isFile())
    .reduce((n, s) => n + s.size, 0);
}

/** Brings the tree up to the events and signs a checkpoint (untimed: a served ledger has both). */
async function prepare(dataDir: string): Promise<number> {
  const events = await SqliteEventStore.open({ dataDir });
  const hashes = new SqliteHashStore(dataDir);
  try {
    const log = new LedgerLog(events, hashes);
    await log.catchUp(5000);
    const key = loadOrCreateSigningKey(dataDir, ORIGIN);
    new Checkpointer(log, hashes, key, { origin: ORIGIN }).signNow();
    return log.size();
  } finally {
    hashes.close();
    await events.close();
  }
}

export async function benchBackup(dataDir: string): Promise<BackupBenchFigures> {
  const events = await prepare(dataDir);
  const out = mkdtempSync(join(tmpdir(), 'inr-bench-backup-'));
  try {
    const copyStarted = performance.now();
    cpSync(dataDir, join(out, 'plain-copy'), { recursive: true });
    const copySeconds = (performance.now() - copyStarted) / 1000;
    const backup = await takeBackup({ dataDir, to: join(out, 'backup'), origin: ORIGIN });
    const verifyStarted = performance.now();
    const verified = await verifyBackup({ dir: join(out, 'backup') });
    if (!verified.ok) throw new Error(`the bench backup does not verify: ${verified.problem}`);
    return {
      events,
      backupSeconds: backup.seconds,
      backupBytes: dirBytes(join(out, 'backup')),
      copySeconds,
      copyBytes: dirBytes(join(out, 'plain-copy')),
      verifySeconds: (performance.now() - verifyStarted) / 1000,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
