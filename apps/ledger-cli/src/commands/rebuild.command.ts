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

With DATABASE_URL the read models are in PostgreSQL, shared by the API replicas: stop every
replica (the rebuild refuses while one applies events); the tables are dropped and rebuilt,
each batch committed with its checkpoint, so an interrupted rebuild leaves consistent, partial
read models that the next start (or rebuild) completes.

Examples:
  inr-ledger rebuild
  inr-ledger rebuild --data-dir ./data-demo`,
    )
    .action(async (opts: { dataDir?: string }) => {
      const config = ledgerConfig(opts.dataDir);
      const dataDir = config.dataDir;
      const { openEventStore } = await import('@inr/event-store');
      const { rebuild, rebuildShared } = await import('@inr/projections');
      const store = await openEventStore(config.store);
      const bar = new ProgressBar('rebuilding read models');
      try {
        const onProgress = (done: number, total: number): void => bar.update(done, total);
        const result =
          config.store.kind === 'postgres'
            ? await rebuildShared(store, config.store.url, { onProgress })
            : await rebuild(store, dataDir, {
                onProgress,
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
