import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { EXIT } from '../exit-codes';
import { ProgressBar, formatCount } from '../ui/progress-bar';
import { dataDirOption, ledgerConfig, resolveDataDir } from './data-dir';
import type { KeyCopyResult } from '@inr/ledger';

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
timestamps, then <data-dir>/ledger.sqlite's signed checkpoints (with cosignatures), keys,
published checkpoints and witness state, and builds the Merkle tree there from the copied
events: every proof stays valid, and \`DATABASE_URL=... inr-ledger audit\` recomputes the tree
from PostgreSQL and checks it against the checkpoints copied. Last, the personal-data keys of
<data-dir>/personal-data-keys.json (still wrapped) and its erasures, so sealed personal fields
stay readable; a person holding another key in the target is refused before anything is
written, and an erasure in either place stays one. The target must be empty or hold an
identical prefix (an interrupted copy resumes). Stop the service first; start it with
DATABASE_URL after.

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
      // A person keyed differently in the target is refused before anything is written.
      await personalDataKeys(dataDir, url, 'plan');
      const { SqliteEventStore, copyEventsToPostgres } = await import('@inr/event-store');
      const source = await SqliteEventStore.open({ dataDir });
      const bar = new ProgressBar('copying events to PostgreSQL');
      const started = performance.now();
      let total: number;
      try {
        const result = await copyEventsToPostgres(source, { url }, ({ copied, total }) =>
          bar.update(copied, total),
        );
        bar.finish(result.copied);
        total = result.total;
        process.stdout.write(
          `copied ${formatCount(result.copied)} events (${formatCount(result.alreadyThere)} were already there); ` +
            `${formatCount(result.total)} in PostgreSQL now.\n`,
        );
      } finally {
        await source.close();
      }
      const ledger = await copyLedger(dataDir, url, total);
      const keys = await personalDataKeys(dataDir, url, 'copy');
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        `copied ${formatCount(ledger.checkpoints)} signed checkpoints, keys and witness state; ` +
          `the tree in PostgreSQL has ${formatCount(ledger.treeSize)} leaves (${seconds.toFixed(1)} s).\n` +
          `copied ${formatCount(keys.copied)} personal-data keys, still wrapped ` +
          `(${formatCount(keys.alreadyThere)} were already there; ${formatCount(keys.erased)} erasures).\n` +
          `Check it: DATABASE_URL=<url> inr-ledger audit --data-dir ${dataDir}\n`,
      );
    });
}

/** The key file's keys (wrapped) into the PostgreSQL key table: checked only, or copied. */
async function personalDataKeys(
  dataDir: string,
  url: string,
  step: 'plan' | 'copy',
): Promise<KeyCopyResult> {
  const {
    PersonalDataKeys,
    PostgresPersonalDataKeys,
    copyPersonalDataKeysToPostgres,
    planPersonalDataKeyCopy,
  } = await import('@inr/ledger');
  const target = await PostgresPersonalDataKeys.open(url);
  try {
    const source = new PersonalDataKeys(dataDir);
    return step === 'plan'
      ? planPersonalDataKeyCopy(source, target)
      : copyPersonalDataKeysToPostgres(source, target);
  } finally {
    target.close();
  }
}

/** ledger.sqlite's checkpoints, keys and witness state into PostgreSQL, and the tree built there. */
async function copyLedger(
  dataDir: string,
  url: string,
  total: number,
): Promise<{ checkpoints: number; treeSize: number }> {
  const { PostgresEventStore } = await import('@inr/event-store');
  const { PostgresLedgerStore, SqliteHashStore, copyLedgerToPostgres } =
    await import('@inr/ledger');
  const source = new SqliteHashStore(dataDir);
  const target = await PostgresLedgerStore.open(url);
  const events = await PostgresEventStore.connect({ url });
  const bar = new ProgressBar('building the tree in PostgreSQL');
  try {
    const result = await copyLedgerToPostgres(source, target, events, (n) => bar.update(n, total));
    bar.finish(result.treeSize);
    return result;
  } finally {
    source.close();
    target.close();
    await events.close();
  }
}
