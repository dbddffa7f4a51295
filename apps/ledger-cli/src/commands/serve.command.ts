import type { Command } from 'commander';
import type { LedgerConfig } from '@inr/ledger-api/config';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Serve the ledger API (embedded SQLite store unless DATABASE_URL or EVENTSTORE_URL is set)',
    )
    .option('-p, --port <port>', 'port to listen on (default: $PORT or 3000)')
    .option('-d, --data-dir <dir>', 'data directory (default: $LEDGER_DATA_DIR or ./data)')
    .option(
      '--http-workers <n>',
      'HTTP worker processes in front of the one writer (default: $LEDGER_HTTP_WORKERS or 1; about one per core)',
    )
    .option(
      '--dev-keys',
      'with NODE_ENV=production, accept development tokens (`inr-ledger token`) instead of refusing to start without LEDGER_JWKS_URL; warned at every start',
    )
    .addHelpText(
      'after',
      `
With NODE_ENV=production, serve refuses to start (exit 3) unless LEDGER_JWKS_URL,
LEDGER_JWT_ISSUER and LEDGER_JWT_AUDIENCE name the identity provider, or --dev-keys is given.

Examples:
  inr-ledger serve
  inr-ledger serve --http-workers 2
  PORT=8080 LEDGER_DATA_DIR=/var/lib/inr-ledger inr-ledger serve`,
    )
    .action(async (opts: ServeOptions) => {
      await serve(opts);
    });
}

export interface ServeOptions {
  port?: string;
  dataDir?: string;
  devKeys?: boolean;
  httpWorkers?: string;
}

export async function serve(opts: ServeOptions): Promise<void> {
  const { loadConfig } = await import('@inr/ledger-api/config');
  const config = loadConfig(undefined, {
    devKeys: opts.devKeys === true,
    ...(opts.port !== undefined && { port: opts.port }),
    ...(opts.dataDir !== undefined && { dataDir: opts.dataDir }),
    ...(opts.httpWorkers !== undefined && { httpWorkers: opts.httpWorkers }),
  });
  await serveWith(config);
}

/** Serves with this configuration (the demo passes its own). */
export async function serveWith(config: LedgerConfig): Promise<void> {
  const { identityRefusal } = await import('@inr/ledger-api/config');
  // Refused before Nest loads: a misconfigured production start fails in a second, not ten.
  const refusal = identityRefusal(config);
  if (refusal !== undefined) throw new Error(`inr-ledger cannot start: ${refusal}`);
  // Loaded here, not at the top: the other commands should not pay for booting Nest.
  const { createApp, serveHttpWorkers } = await import('@inr/ledger-api');
  try {
    if (config.httpWorkers > 1) await serveHttpWorkers(config);
    else await (await createApp(config)).listen(config.port, config.host);
  } catch (error) {
    // runCli reports it and exits 3 (environment): a service that cannot start never hangs.
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`inr-ledger cannot start (data in ${config.dataDir}): ${reason}`);
  }
  process.stderr.write(
    `inr-ledger listening on http://${config.host}:${config.port} (data in ${config.dataDir}${workers(config.httpWorkers)})\n`,
  );
}

const workers = (n: number): string => (n > 1 ? `; ${n} HTTP workers, one writer` : '');
