import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { privateDir } from '@inr/event-store';
import { PARTNER_DIR } from './cosign-by-partner';

/** The data directory holds something and --force was not given: a usage error (exit 2). */
export class DemoDirInUse extends Error {}

// What a demo run writes, minus the keys: --force replaces the ledger but keeps the identities,
// so tokens already issued and a trust policy already handed out stay valid.
const DEMO_DATA = /^((events|ledger|read-models)\.sqlite.*|bundle-.+\.json|trust-policy\.txt)$/;

/** An empty (or new) directory for the demo; with `force`, an earlier demo's data is removed first. */
export function prepareDemoDir(dataDir: string, force: boolean): void {
  if (!existsSync(dataDir)) {
    privateDir(dataDir);
    return;
  }
  if (!statSync(dataDir).isDirectory()) throw new DemoDirInUse(`${dataDir} is not a directory`);
  if (readdirSync(dataDir).length === 0) return;
  if (!force) {
    throw new DemoDirInUse(
      `${dataDir} is not empty; the demo writes a fresh ledger. Pass --force to replace its ledger, or choose another --data-dir`,
    );
  }
  removeDemoData(dataDir);
  const partner = join(dataDir, PARTNER_DIR);
  if (existsSync(partner)) removeDemoData(partner);
}

function removeDemoData(dir: string): void {
  for (const name of readdirSync(dir))
    if (DEMO_DATA.test(name)) rmSync(join(dir, name), { force: true });
}
