import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import { dataDirOption, resolveDataDir } from './data-dir';

interface ExportOptions {
  decision: string;
  output?: string;
  url?: string;
  token?: string;
  dataDir?: string;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      "Write a decision's provenance bundle (inr-ledger-bundle/v1) for offline verification",
    )
    .requiredOption('--decision <id>', 'the credential decision id')
    .option('-o, --output <file>', 'write the bundle here (default: stdout)')
    .option('--url <server>', 'fetch from a running server instead of reading the data directory')
    .option('--token <jwt>', 'bearer token for --url (default: $LEDGER_TOKEN)')
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
Without --url the bundle is built from the local data directory (no server needed), against
the latest checkpoint the service signed, with the cosignatures it has collected.

Examples:
  inr-ledger export --decision dec-42 -o dec-42.bundle.json
  inr-ledger export --decision dec-42 --url https://ledger.trust.example --token "$TOKEN" > dec-42.json
  inr-ledger verify dec-42.bundle.json --policy trust-policy.txt`,
    )
    .action(async (opts: ExportOptions) => {
      const { exportLocalBundle, fetchBundle } = await import('../ledger/export-bundle');
      const { writeFileSync } = await import('node:fs');
      const started = performance.now();
      const bundle =
        opts.url === undefined
          ? await exportLocalBundle(resolveDataDir(opts.dataDir), opts.decision)
          : await fetchBundle(opts.url, opts.decision, opts.token ?? process.env.LEDGER_TOKEN);
      const json = `${JSON.stringify(bundle, null, 2)}\n`;
      if (opts.output === undefined) process.stdout.write(json);
      else writeFileSync(opts.output, json);
      const ms = Math.round(performance.now() - started);
      process.stderr.write(
        `exported ${bundle.events.length} events for ${opts.decision} in ${ms} ms\n`,
      );
      process.exitCode = EXIT.ok;
    });
}
