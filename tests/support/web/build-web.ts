import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(__dirname, '..', '..', '..');

/** Builds apps/ledger-web into `outDir` with the project's Vite config, as `npm run build` does. */
export async function buildWebApp(outDir: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'apps/ledger-web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: root, env: { ...process.env, LEDGER_WEB_OUT_DIR: outDir }, maxBuffer: 8 * 1024 * 1024 },
  );
}
