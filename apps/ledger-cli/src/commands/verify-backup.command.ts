import { resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import { bold, green, red } from '../ui/terminal';
import { passphraseFileOption, readPassphrase } from './passphrase';

interface VerifyBackupOptions {
  logKey?: string;
  passphraseFile?: string;
}

export function registerVerifyBackupCommand(program: Command): void {
  program
    .command('verify-backup')
    .description('Check a backup offline: file hashes, signed checkpoint, the full audit')
    .argument('<dir>', 'the backup directory')
    .option('--log-key <vkey>', "the log's published verifier key (default: the backup's own)")
    .addOption(passphraseFileOption())
    .addHelpText(
      'after',
      `
Touches nothing in the backup: checks each file's size and SHA-256 against the manifest,
the manifest's signed checkpoint, then audits a scratch copy (every leaf re-hashed, every
checkpoint compared, the tree held to the manifest's size and root). With a passphrase it
also opens the sealed private keys. Exit 0 when all agree, 1 naming what does not.

Examples:
  inr-ledger verify-backup /backups/ledger-2026-12-01
  inr-ledger verify-backup /backups/full --log-key "$(cat published-vkey.txt)" --passphrase-file pass.txt`,
    )
    .action(async (dir: string, opts: VerifyBackupOptions) => {
      const { verifyBackup } = await import('@inr/ledger-api/backup');
      const { stepProgress } = await import('../ui/step-progress');
      const passphrase = readPassphrase(opts.passphraseFile);
      const result = await verifyBackup({
        dir: resolve(dir),
        ...(opts.logKey === undefined ? {} : { logVerifierKey: opts.logKey }),
        ...(passphrase === undefined ? {} : { passphrase }),
        onProgress: stepProgress(20_000),
      });
      const out = process.stdout;
      if (!result.ok) {
        out.write(`${red('FAILED', out)} ${bold(dir, out)}: ${result.problem}\n`);
        process.exitCode = EXIT.checkFailed;
        return;
      }
      const m = result.manifest;
      out.write(
        `${green('ok', out)} ${bold(m.origin, out)} backup of ${m.createdAt}: ${m.tree.size} leaves, root ${m.tree.root}\n` +
          `  ${m.files.length} files match the manifest; ${result.checkpoints} signed checkpoints agree; private keys ${result.privateKeys}\n`,
      );
      process.exitCode = EXIT.ok;
    });
}
