import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import { bold, green, red } from '../ui/terminal';
import { dataDirOption, ledgerConfig } from './data-dir';

/** Below this many events a progress bar is noise. */
const PROGRESS_FROM = 20_000;

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description(
      'Recompute the Merkle tree from the stored events and check every signed checkpoint',
    )
    .option(
      '--log-key <vkey>',
      "the log's verifier key to audit against (default: the data directory's key)",
    )
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
Re-hashes every event in the store, compares each leaf with the logged leaf hashes and the
recomputed roots with every checkpoint the log signed, and checks that each earlier
checkpoint is consistent with the latest. Exit 0 when all agree; exit 1 naming the first
difference (changed, missing, reordered or truncated events, a replaced key) and its leaf.
With the embedded store (events.sqlite) the events are re-hashed by one worker thread per
core, each reading the file itself; the answer is the same as on one thread.

Examples:
  inr-ledger audit
  inr-ledger audit --data-dir /var/lib/inr-ledger
  inr-ledger audit --log-key "$(cat published-vkey.txt)"`,
    )
    .action(async (opts: { dataDir?: string; logKey?: string }) => {
      const { audit } = await import('@inr/ledger');
      const { openLocalLedger } = await import('../ledger/open-local-ledger');
      const { configuredVerifierKey } = await import('../ledger/configured-verifier-key');
      const { ProgressBar } = await import('../ui/progress-bar');
      const config = ledgerConfig(opts.dataDir);
      const ledger = await openLocalLedger(config);
      const bar = new ProgressBar('auditing');
      try {
        const logVerifierKey = opts.logKey ?? configuredVerifierKey(config);
        const result = await audit(ledger.events, ledger.hashes, {
          logVerifierKey,
          // The embedded store's file is read by one worker thread per core.
          ...(config.store.kind === 'sqlite' ? { eventsDir: config.dataDir } : {}),
          onProgress: (done, total) => {
            if (total >= PROGRESS_FROM) bar.update(done, total);
          },
        });
        if (result.ok) {
          bar.finish(result.size);
          process.stdout.write(
            `${green('ok', process.stdout)} ${bold(ledger.origin, process.stdout)}: ${result.size} leaves, root ${result.root}\n` +
              `  ${result.checkpoints} signed checkpoints agree and are consistent; ${result.leavesPerSecond} leaves/s\n`,
          );
          process.exitCode = EXIT.ok;
        } else {
          const at = result.leafIndex === undefined ? '' : ` at leaf ${result.leafIndex}`;
          process.stdout.write(
            `${red('FAILED', process.stdout)} ${bold(result.reason, process.stdout)}${at}: ${result.detail}\n`,
          );
          process.exitCode = EXIT.checkFailed;
        }
      } finally {
        await ledger.close();
      }
    });
}
