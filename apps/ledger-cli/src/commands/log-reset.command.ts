import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import { bold, red } from '../ui/terminal';
import { dataDirOption, ledgerConfig } from './data-dir';

interface LogResetOptions {
  by: string;
  reason: string;
  confirm?: boolean;
  dataDir?: string;
}

export function registerLogResetCommand(program: Command): void {
  program
    .command('log-reset')
    .description('Record a signed decision to continue the log without events it cannot get back')
    .requiredOption('--by <name>', 'who decides (recorded in the log)')
    .requiredOption('--reason <text>', 'why (recorded in the log)')
    .option('--confirm', 'needed: the reset is permanent and public')
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
Only for a log that refuses to sign because it contradicts a checkpoint it published and the
missing events cannot be re-entered. Appends a LogReset event at the current tree size,
signed with the log key, naming the checkpoint given up, who decided and why; from then on
the log signs again, and every relying party can see the decision in the log. The partner
witnesses will still refuse the new checkpoints (they saw the old ones): agree the reset
with each of them. Never a way round a check: it records that the log forked, and why.

Examples:
  inr-ledger log-reset --by "J. Smith, ops lead" --reason "disk loss; events 900-999 unrecoverable" --confirm`,
    )
    .action(async (opts: LogResetOptions) => {
      if (!opts.confirm) {
        process.stderr.write('error: a log reset is permanent and public: add --confirm\n');
        process.exitCode = EXIT.usage;
        return;
      }
      const { findPatientIdentifiers } = await import('@inr/domain');
      if (findPatientIdentifiers(`${opts.by}\n${opts.reason}`).length > 0) {
        process.stderr.write('error: --by or --reason looks like it holds a patient identifier\n');
        process.exitCode = EXIT.usage;
        return;
      }
      const { loadSigningKey, resetLog } = await import('@inr/ledger');
      const { openLocalLedger } = await import('../ledger/open-local-ledger');
      const config = ledgerConfig(opts.dataDir);
      const ledger = await openLocalLedger(config);
      const out = process.stdout;
      try {
        const { reset, position } = await resetLog({
          origin: ledger.origin,
          institution: config.institution,
          key: loadSigningKey(ledger.dataDir, ledger.origin, config.signingKey),
          events: ledger.events,
          log: ledger.log,
          ledger: ledger.hashes,
          decidedBy: opts.by,
          reason: opts.reason,
        });
        out.write(
          `${red('log reset', out)} recorded at leaf ${position}: ${bold(ledger.origin, out)} gives up the ` +
            `checkpoint of size ${reset.abandonedSize} and continues from ${reset.fromSize}\n`,
        );
      } finally {
        await ledger.close();
      }
    });
}
