import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/ledger-config';
import { createApp } from '../create-app';
import { routeTable, type RouteEntry } from './route-table';
import { renderPolicySection, withPolicySection } from './security-doc';

/** The routes of an app on a throw-away data directory. */
export async function appRoutes(): Promise<RouteEntry[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'inr-routes-'));
  try {
    const app = await createApp(loadConfig({ LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'error' }), {
      shutdownHooks: false,
    });
    try {
      return routeTable(app);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** docs/security.md with its generated section brought up to date (the CLI's `security-doc`). */
export async function writeSecurityDoc(file = 'docs/security.md'): Promise<string> {
  const path = resolve(file);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Security\n';
  writeFileSync(path, withPolicySection(current, renderPolicySection(await appRoutes())));
  return path;
}
