import { resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import { dataDirOption, ledgerConfig } from './data-dir';
import { passphraseFileOption, readPassphrase } from './passphrase';

interface BackupOptions {
  to: string;
  dataDir?: string;
  includePrivateKeys?: boolean;
  passphraseFile?: string;
}

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('Copy the embedded ledger into a new directory while it serves, with a manifest')
    .requiredOption('--to <dir>', 'the new backup directory (must not exist, or be empty)')
    .option('--include-private-keys', 'also the private keys, sealed with a passphrase')
    .addOption(passphraseFileOption())
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
Copies events.sqlite, ledger.sqlite (Merkle hashes, signed checkpoints with their witnesses'
cosignatures, log keys, witness state), read-models.sqlite and api.sqlite with SQLite's online
backup API: a consistent copy while the service keeps writing. The manifest records the tree
(size, root), the latest signed checkpoint and every file's SHA-256. Keys: the public halves
only, unless --include-private-keys, which seals them with the passphrase (scrypt, AES-256-GCM).
Files 0600, directories 0700. The embedded store only: for PostgreSQL use pg_dump, for
EventStoreDB its own backup; the data directory (ledger.sqlite, keys) still needs this copy.

Examples:
  inr-ledger backup --to /backups/ledger-$(date +%F)
  LEDGER_BACKUP_PASSPHRASE=... inr-ledger backup --to /backups/full --include-private-keys
  inr-ledger verify-backup /backups/ledger-2026-12-01`,
    )
    .action(async (opts: BackupOptions) => {
      const passphrase = opts.includePrivateKeys ? readPassphrase(opts.passphraseFile) : undefined;
      if (opts.includePrivateKeys && passphrase === undefined) {
        process.stderr.write(
          'error: --include-private-keys needs --passphrase-file or LEDGER_BACKUP_PASSPHRASE\n',
        );
        process.exitCode = EXIT.usage;
        return;
      }
      const config = ledgerConfig(opts.dataDir);
      const dataDir = config.dataDir;
      const { takeBackup } = await import('@inr/ledger-api/backup');
      const { stepProgress } = await import('../ui/step-progress');
      const { formatCount } = await import('../ui/progress-bar');
      if (config.store.kind !== 'sqlite') {
        process.stderr.write(
          `error: backup copies the embedded store; with ${config.store.kind} back up the store with its own tools (pg_dump for PostgreSQL)\n`,
        );
        process.exitCode = EXIT.usage;
        return;
      }
      const result = await takeBackup({
        dataDir,
        to: resolve(opts.to),
        origin: config.origin,
        ...(passphrase === undefined ? {} : { passphrase }),
        onProgress: stepProgress(2_000),
      });
      const m = result.manifest;
      process.stdout.write(
        `backed up ${m.origin} to ${result.dir}: ${formatCount(m.tree.size)} events, root ${m.tree.root}\n` +
          `  ${m.files.length} files, ${formatCount(result.bytes)} bytes in ${result.seconds.toFixed(1)} s; ` +
          `private keys ${m.privateKeys}; checkpoint ${m.checkpoint === null ? 'none yet' : 'included'}\n`,
      );
    });
}
