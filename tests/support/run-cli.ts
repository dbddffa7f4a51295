import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Runs the CLI from source in a child process and waits for it to end (150 s at most, so a
 * hang shows as `signal` set rather than a stuck test).
 */
export function runCliFromSource(args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(
    process.execPath,
    ['--require', './tests/support/register-ts.js', 'apps/ledger-cli/src/main.ts', ...args],
    { cwd: resolve(__dirname, '..', '..'), encoding: 'utf8', timeout: 150_000, env },
  );
}
