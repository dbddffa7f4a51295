import type { Command } from 'commander';
import { ProgressBar, formatCount } from '../ui/progress-bar';
import { dataDirOption, ledgerConfig } from './data-dir';

export function registerRebuildCommand(program: Command): void {
  program
    .command('rebuild')
    .description('Rebuild every read model (projections) from the events')
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
Read models live in <data-dir>/read-models.sqlite and are always derivable from the events.
The rebuild writes a side file and swaps it in only when it finished, so an interrupted
rebuild leaves the old read models in place. Stop the service first.

Examples:
  inr-ledger rebuild
  inr-ledger rebuild --data-dir ./data-demo`,
    )
    .action(async (opts: { dataDir?: string }) => {
      const config = ledgerConfig(opts.dataDir);
      const dataDir = config.dataDir;
      const { openEventStore } = await import('@inr/event-store');
      const { rebuild } = await import('@inr/projections');
      const store = await openEventStore(config.store);
      const bar = new ProgressBar('rebuilding read models');
      try {
        const result = await rebuild(store, dataDir, {
          onProgress: (done, total) => bar.update(done, total),
          // The embedded store's file: projection groups rebuild in threads reading it directly.
          ...(config.store.kind === 'sqlite' ? { eventsDir: dataDir } : {}),
        });
        bar.finish(result.events);
        process.stdout.write(
          `rebuilt read models from ${formatCount(result.events)} events in ${result.seconds.toFixed(1)} s ` +
            `(${formatCount(Math.round(result.rate))} events/s)\n`,
        );
      } finally {
        await store.close();
      }
    });
}
