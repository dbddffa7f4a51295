import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import { bold, green, red } from '../ui/terminal';
import { dataDirOption, ledgerConfig } from './data-dir';
import { passphraseFileOption, readPassphrase } from './passphrase';

interface RestoreOptions {
  from: string;
  dataDir?: string;
  checkpoint: string[];
  passphraseFile?: string;
  keepReadModels?: boolean;
}

const collect = (value: string, all: string[]): string[] => [...all, value];

export function registerRestoreCommand(program: Command): void {
  program
    .command('restore')
    .description('Restore a backup into an empty data directory; refuse to sign a rolled-back log')
    .requiredOption('--from <dir>', 'the backup directory')
    .option(
      '--checkpoint <file>',
      'a signed checkpoint this log published (repeatable): the restored log must not contradict it',
      collect,
      [],
    )
    .option('--keep-read-models', 'keep the copied read models instead of rebuilding them')
    .addOption(passphraseFileOption())
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
Restores into an empty data directory (0700, files 0600): checks every file against the
manifest, recomputes the Merkle hashes from the events, audits, rebuilds the read models.
Then it looks for checkpoints this log published after the backup was taken: newer backups
beside this one, --checkpoint files, and the witnesses in LEDGER_WITNESS_CONFIG (asked how far
they saw this log). If the restored tree is smaller than, or inconsistent with, any of them,
it prints the missing leaves and exits 1: the service will start read-only and sign nothing
until they are re-entered (\`inr-ledger reenter --from DIR\`) or an operator records a signed
decision to go on without them (\`inr-ledger log-reset\`). Sealed private keys are restored
with the passphrase; otherwise give LEDGER_SIGNING_KEY or put log-key back by hand.

Examples:
  inr-ledger restore --from /backups/ledger-2026-12-01 --data-dir /var/lib/inr-ledger
  inr-ledger restore --from /backups/full --passphrase-file pass.txt --checkpoint latest.note`,
    )
    .action(async (opts: RestoreOptions) => {
      const config = ledgerConfig(opts.dataDir);
      const dataDir = config.dataDir;
      const { restoreBackup, loadWitnessConfig, RestoreError, BackupFormatError, SealError } =
        await import('@inr/ledger-api/backup');
      const { stepProgress } = await import('../ui/step-progress');
      const passphrase = readPassphrase(opts.passphraseFile);
      const result = await restoreBackup({
        from: resolve(opts.from),
        dataDir,
        ...(passphrase === undefined ? {} : { passphrase }),
        checkpoints: opts.checkpoint.map((file) => ({
          note: readFileSync(file, 'utf8'),
          source: `command line ${file}`,
        })),
        witnesses: loadWitnessConfig(config.witness.configFile).witnesses,
        keepReadModels: opts.keepReadModels === true,
        onProgress: stepProgress(20_000),
      }).catch((error: unknown) => {
        const failed = [RestoreError, BackupFormatError, SealError].some((c) => error instanceof c);
        if (!failed) throw error;
        process.stdout.write(`${red('FAILED', process.stdout)} ${(error as Error).message}\n`);
        return undefined;
      });
      const out = process.stdout;
      if (result === undefined) {
        process.exitCode = EXIT.checkFailed;
        return;
      }
      for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
      out.write(
        `restored ${result.manifest.origin} into ${dataDir}: ${result.size} leaves, root ${result.root}; audit passed\n`,
      );
      for (const k of result.known)
        out.write(`  known published checkpoint: size ${k.size} (${k.source})\n`);
      if (result.block === undefined) {
        out.write(
          `${green('ok', out)} consistent with every checkpoint this log is known to have published: it may sign\n`,
        );
        process.exitCode = EXIT.ok;
        return;
      }
      out.write(
        `${red('REFUSES TO SIGN', out)} ${bold(result.block.code, out)}: ${result.block.message}\n`,
      );
      if ('missing' in result.block) {
        const { from, to } = result.block.missing;
        out.write(`  missing leaf indices (event positions): ${from} to ${to - 1}\n`);
      }
      out.write(
        '  the service will start read-only (writes 503 LEDGER_READ_ONLY, /ready says why)\n',
      );
      process.exitCode = EXIT.checkFailed;
    });
}
