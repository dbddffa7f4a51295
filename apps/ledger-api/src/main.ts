import { loadConfig } from './config/ledger-config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig(undefined, { devKeys: process.argv.includes('--dev-keys') });
  const app = await createApp(config);
  await app.listen(config.port, config.host);
}

main().catch((error: unknown) => {
  console.error(JSON.stringify({ level: 'error', msg: 'failed to start', error: String(error) }));
  process.exit(1);
});
