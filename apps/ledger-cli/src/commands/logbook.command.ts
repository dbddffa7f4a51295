import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import { dataDirOption, ledgerConfig } from './data-dir';

// A trainee's logbook from a running server (its read models and its authorisation: a trainee
// exports their own, their trust's readers and the national roles anyone's), as CSV or as the
// printable PDF summary, for another college or an appraisal.

export function registerLogbookCommand(program: Command): void {
  program
    .command('logbook')
    .argument('<traineeId>', 'the trainee')
    .description("Write a trainee's logbook: CSV (one row per case) or a printable PDF summary")
    .option('--format <csv|pdf>', 'csv or pdf', 'csv')
    .requiredOption('-o, --output <file>', 'where to write it')
    .option('--url <server>', 'the server (default: http://localhost:$PORT)')
    .option('--token <jwt>', 'bearer token (default: $LEDGER_TOKEN)')
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
Exit 2 for a format other than csv or pdf; 3 when the server refuses or cannot be reached.

Examples:
  inr-ledger logbook trn-000vil -o logbook.csv --token "$TRAINEE"
  inr-ledger logbook trn-000vil --format pdf -o logbook.pdf --token "$TRAINEE"`,
    )
    .action(
      async (
        traineeId: string,
        opts: { format: string; output: string; url?: string; token?: string; dataDir?: string },
      ) => {
        if (opts.format !== 'csv' && opts.format !== 'pdf') {
          process.stderr.write(`--format must be csv or pdf, not '${opts.format}'\n`);
          process.exitCode = EXIT.usage;
          return;
        }
        const config = ledgerConfig(opts.dataDir);
        const base = (opts.url ?? `http://localhost:${config.port}`).replace(/\/$/, '');
        const token = opts.token ?? config.cli.token;
        const url = `${base}/v1/trainees/${encodeURIComponent(traineeId)}/logbook?format=${opts.format}`;
        const res = await fetch(url, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        const body = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200)
          throw new Error(
            `the server answered ${res.status} (${body.toString('utf8').slice(0, 300)})`,
          );
        writeFileSync(opts.output, body);
        process.stderr.write(
          `wrote ${opts.output} (${body.length} bytes, ledger size ${res.headers.get('x-ledger-size') ?? '?'})\n`,
        );
        process.exitCode = EXIT.ok;
      },
    );
}
