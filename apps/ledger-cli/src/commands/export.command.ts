import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import { dataDirOption, ledgerConfig } from './data-dir';

interface ExportOptions {
  decision?: string;
  trainee?: string;
  toCheckpoint?: boolean;
  audit?: string;
  from?: string;
  to?: string;
  output?: string;
  url?: string;
  token?: string;
  dataDir?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      "Write a decision's provenance bundle, a trainee's evidence bundle or a trust's audit bundle for offline verification",
    )
    .option('--decision <id>', 'the credential decision id (inr-ledger-bundle/v1)')
    .option(
      '--trainee <id>',
      'the trainee whose whole record to export (inr-ledger-trainee-bundle/v1), for another ledger to recognise',
    )
    .option(
      '--to-checkpoint',
      'with --trainee: only the record below the latest signed checkpoint (already witnessed)',
    )
    .option(
      '--audit <institution>',
      'the institution whose audit to export (inr-ledger-audit-bundle/v1)',
    )
    .option('--from <date>', 'with --audit: performed on or after (YYYY-MM-DD)', '0000-01-01')
    .option('--to <date>', 'with --audit: performed on or before (YYYY-MM-DD)', '9999-12-31')
    .option('-o, --output <file>', 'write the bundle here (default: stdout)')
    .option('--url <server>', 'fetch from a running server instead of reading the data directory')
    .option('--token <jwt>', 'bearer token for --url (default: $LEDGER_TOKEN)')
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
Exactly one of --decision, --trainee or --audit. Without --url the bundle is built from the local data
directory (no server needed), against the latest checkpoint the service signed, with the
cosignatures it has collected. An audit bundle holds every event of the institution's cases
performed in the period, each with its inclusion proof, and the audit report computed at that
checkpoint; \`inr-ledger verify\` recomputes the report from the events (docs/audit.md).
A trainee bundle holds every event of the trainee's record, the accreditations of everyone who
signed in it and the ledger's completeness statement (a TraineeRecordCommitted event, appended
at export unless the record is unchanged), all proven in one checkpoint, plus the other
ledgers' bundles its recognitions rest on (docs/ledger-format.md §15). From the data directory
it waits up to 15 s for the running service to sign a checkpoint covering the statement.

Examples:
  inr-ledger export --decision dec-42 -o dec-42.bundle.json
  inr-ledger export --decision dec-42 --url https://ledger.trust.example --token "$TOKEN" > dec-42.json
  inr-ledger export --trainee trn-0005id -o trn-0005id.trainee.json
  inr-ledger export --audit inst-northmoor --from 2025-01-01 --to 2025-12-31 -o audit-2025.json
  inr-ledger verify dec-42.bundle.json --policy trust-policy.txt`,
    )
    .action(async (opts: ExportOptions) => {
      const chosen = [opts.decision, opts.trainee, opts.audit].filter((o) => o !== undefined);
      if (chosen.length !== 1) {
        process.stderr.write(
          'error: give exactly one of --decision <id>, --trainee <id> or --audit <institution>\n',
        );
        process.exitCode = EXIT.usage;
        return;
      }
      if (opts.audit !== undefined && (!DATE.test(opts.from ?? '') || !DATE.test(opts.to ?? ''))) {
        process.stderr.write('error: --from and --to must be dates (YYYY-MM-DD)\n');
        process.exitCode = EXIT.usage;
        return;
      }
      const bundles = await import('../ledger/export-bundle');
      const { ProgressBar } = await import('../ui/progress-bar');
      const { writeFileSync } = await import('node:fs');
      const started = performance.now();
      const config = ledgerConfig(opts.dataDir);
      const token = opts.token ?? config.cli.token;
      let bundle: { events: unknown[] };
      let what: string;
      if (opts.audit !== undefined) {
        const scope = { institutionId: opts.audit, from: opts.from!, to: opts.to! };
        const progress = new ProgressBar('proving events');
        bundle =
          opts.url === undefined
            ? await bundles.exportLocalAuditBundle(config, scope, (d, t) => progress.update(d, t))
            : await bundles.fetchAuditBundle(opts.url, scope, token);
        what = `the audit of ${opts.audit} ${scope.from}..${scope.to}`;
      } else if (opts.trainee !== undefined) {
        const toCheckpoint = opts.toCheckpoint === true;
        bundle =
          opts.url === undefined
            ? await bundles.exportLocalTraineeBundle(config, opts.trainee, {
                toCheckpoint,
              })
            : await bundles.fetchTraineeBundle(
                opts.url,
                opts.trainee,
                token,
                toCheckpoint ? await bundles.fetchCheckpointSize(opts.url) : undefined,
              );
        what = `trainee ${opts.trainee}`;
      } else {
        const decision = opts.decision!;
        bundle =
          opts.url === undefined
            ? await bundles.exportLocalBundle(config, decision)
            : await bundles.fetchBundle(opts.url, decision, token);
        what = decision;
      }
      const json = `${JSON.stringify(bundle, null, 2)}\n`;
      if (opts.output === undefined) process.stdout.write(json);
      else writeFileSync(opts.output, json);
      const ms = Math.round(performance.now() - started);
      process.stderr.write(`exported ${bundle.events.length} events for ${what} in ${ms} ms\n`);
      process.exitCode = EXIT.ok;
    });
}
