import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { EXIT } from '../exit-codes';
import { ProgressBar, formatCount } from '../ui/progress-bar';
import { dataDirOption, ledgerConfig, resolveDataDir } from './data-dir';

interface MigrateOptions {
  from: string;
  to: string;
  dataDir?: string;
  url?: string;
}

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description(
      'Copy an embedded (SQLite) ledger into PostgreSQL, every event exactly as recorded',
    )
    .addOption(
      new Option('--from <store>', 'where the events are now')
        .choices(['sqlite'])
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--to <store>', 'where they go').choices(['postgres']).makeOptionMandatory(),
    )
    .option('--url <url>', 'the PostgreSQL database (default: $DATABASE_URL)')
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
Copies <data-dir>/events.sqlite into the PostgreSQL database with the same positions, ids and
timestamps, so the Merkle tree, the signed checkpoints and every proof stay valid: afterwards
\`DATABASE_URL=... inr-ledger audit\` recomputes the tree from PostgreSQL and checks it against
the checkpoints in <data-dir>/ledger.sqlite. The target must be empty or hold an identical
prefix (an interrupted copy resumes). Stop the service first; start it with DATABASE_URL after.

Examples:
  DATABASE_URL=postgres://ledger@db/ledger inr-ledger migrate --from sqlite --to postgres
  inr-ledger migrate --from sqlite --to postgres --data-dir ./data --url postgres://ledger@db/ledger`,
    )
    .action(async (opts: MigrateOptions) => {
      const { store } = ledgerConfig(opts.dataDir);
      const url = opts.url ?? (store.kind === 'postgres' ? store.url : undefined);
      if (!url) {
        process.stderr.write('error: give --url or set DATABASE_URL\n');
        process.exitCode = EXIT.usage;
        return;
      }
      const dataDir = resolveDataDir(opts.dataDir);
      if (!existsSync(join(dataDir, 'events.sqlite')))
        throw new Error(`no ledger in ${dataDir} (events.sqlite is missing)`);
      const { SqliteEventStore, copyEventsToPostgres } = await import('@inr/event-store');
      const source = await SqliteEventStore.open({ dataDir });
      const bar = new ProgressBar('copying events to PostgreSQL');
      try {
        const started = performance.now();
        const result = await copyEventsToPostgres(source, { url }, ({ copied, total }) =>
          bar.update(copied, total),
        );
        bar.finish(result.copied);
        const seconds = (performance.now() - started) / 1000;
        process.stdout.write(
          `copied ${formatCount(result.copied)} events (${formatCount(result.alreadyThere)} were already there) ` +
            `in ${seconds.toFixed(1)} s; ${formatCount(result.total)} in PostgreSQL now.\n` +
            `Check it: DATABASE_URL=<url> inr-ledger audit --data-dir ${dataDir}\n`,
        );
      } finally {
        await source.close();
      }
    });
}
