import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerConfig } from '../config/ledger-config';
import { JsonLogger } from '../platform/logging/json-logger';
import { LEDGER_CONFIG } from '../platform/store/tokens';
import { MANIFEST_FILE } from './backup-manifest';
import { takeBackup } from './take-backup';

const PREFIX = 'ledger-';

/** `ledger-2026-12-01T12-00-00-000Z`: sorts by time, valid on every file system. */
const backupName = (at: Date): string => `${PREFIX}${at.toISOString().replace(/[:.]/g, '-')}`;

/**
 * `serve` with LEDGER_BACKUP_DIR: an online backup every LEDGER_BACKUP_INTERVAL into a new
 * directory, keeping the newest LEDGER_BACKUP_KEEP. One run at a time; a failed run is logged
 * and retried at the next interval; shutdown waits for a run in progress.
 */
@Injectable()
export class BackupScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(JsonLogger) private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    const backup = this.config.backup;
    if (backup === undefined) return;
    this.timer = setInterval(() => void this.runOnce(), backup.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One backup now (unless one is running); resolves when it is written and pruned. */
  runOnce(): Promise<void> {
    this.running ??= this.backupAndPrune().finally(() => (this.running = undefined));
    return this.running;
  }

  private async backupAndPrune(): Promise<void> {
    const backup = this.config.backup;
    if (backup === undefined) return;
    try {
      const result = await takeBackup({
        dataDir: this.config.dataDir,
        to: join(backup.dir, backupName(new Date())),
        origin: this.config.origin,
        ...(backup.passphrase === undefined ? {} : { passphrase: backup.passphrase }),
      });
      this.logger.logEvent('info', 'backup written', {
        dir: result.dir,
        size: result.manifest.tree.size,
        bytes: result.bytes,
        seconds: Number(result.seconds.toFixed(2)),
      });
      this.prune(backup.dir, backup.keep);
    } catch (error) {
      this.logger.logEvent('error', 'backup failed', { error: String(error) });
    }
  }

  /** Only complete backups (with a manifest) count, and only ours (by name) are deleted. */
  private prune(dir: string, keep: number): void {
    const ours = readdirSync(dir)
      .filter((n) => n.startsWith(PREFIX))
      .filter((n) => readdirSync(join(dir, n)).includes(MANIFEST_FILE))
      .sort();
    for (const old of ours.slice(0, Math.max(0, ours.length - keep))) {
      rmSync(join(dir, old), { recursive: true, force: true });
    }
  }
}
