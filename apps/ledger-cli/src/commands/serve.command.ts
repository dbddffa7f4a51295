import type { Command } from 'commander';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Serve the ledger API (embedded SQLite store unless DATABASE_URL or EVENTSTORE_URL is set)',
    )
    .option('-p, --port <port>', 'port to listen on (default: $PORT or 3000)')
    .option('-d, --data-dir <dir>', 'data directory (default: $LEDGER_DATA_DIR or ./data)')
    .addHelpText(
      'after',
      '\nExamples:\n  inr-ledger serve\n  PORT=8080 LEDGER_DATA_DIR=/var/lib/inr-ledger inr-ledger serve',
    )
    .action(async (opts: { port?: string; dataDir?: string }) => {
      await serve(opts);
    });
}

export async function serve(opts: { port?: string; dataDir?: string }): Promise<void> {
  const env = { ...process.env };
  if (opts.port) env.PORT = opts.port;
  if (opts.dataDir) env.LEDGER_DATA_DIR = opts.dataDir;
  // Loaded here, not at the top: the other commands should not pay for booting Nest.
  const { loadConfig } = await import('@inr/ledger-api/config');
  const { createApp } = await import('@inr/ledger-api');
  const config = loadConfig(env);
  try {
    const app = await createApp(config);
    await app.listen(config.port, config.host);
  } catch (error) {
    // runCli reports it and exits 3 (environment): a service that cannot start never hangs.
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`inr-ledger cannot start (data in ${config.dataDir}): ${reason}`);
  }
  process.stderr.write(
    `inr-ledger listening on http://${config.host}:${config.port} (data in ${config.dataDir})\n`,
  );
}
