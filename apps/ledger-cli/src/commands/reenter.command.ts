import { resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import { green, red } from '../ui/terminal';
import { dataDirOption, ledgerConfig } from './data-dir';

export function registerReenterCommand(program: Command): void {
  program
    .command('reenter')
    .description(
      'Re-enter events a published checkpoint covers and this ledger lost, from another copy',
    )
    .requiredOption(
      '--from <dir>',
      'a directory with events.sqlite holding them (a newer backup, a replica)',
    )
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
For a log that refuses to sign because it lacks leaves of a checkpoint it published (after
restoring an old backup, say). Reads exactly the missing positions from the other copy,
hashes them onto the tree and, when the checkpoint's root is known, checks they reproduce it
before writing anything; then writes them byte for byte, with their original ids and times.
A running service picks them up and signs again. The embedded store only.

Examples:
  inr-ledger reenter --from /backups/ledger-2026-12-02 --data-dir /var/lib/inr-ledger`,
    )
    .action(async (opts: { from: string; dataDir?: string }) => {
      const { reenterEvents } = await import('@inr/ledger');
      const { openLocalLedger } = await import('../ledger/open-local-ledger');
      const ledger = await openLocalLedger(ledgerConfig(opts.dataDir));
      const out = process.stdout;
      try {
        const r = await reenterEvents({
          dataDir: ledger.dataDir,
          sourceDir: resolve(opts.from),
          origin: ledger.origin,
          log: ledger.log,
          ledger: ledger.hashes,
        });
        if (!r.ok) {
          out.write(`${red('not re-entered', out)}: ${r.reason}\n`);
          process.exitCode = EXIT.checkFailed;
          return;
        }
        out.write(
          `${green('re-entered', out)} ${r.reentered} events; the tree has ${r.size} leaves\n`,
        );
        if (r.block !== undefined) out.write(`  still refusing to sign: ${r.block.message}\n`);
        process.exitCode = r.block === undefined ? EXIT.ok : EXIT.checkFailed;
      } finally {
        await ledger.close();
      }
    });
}
