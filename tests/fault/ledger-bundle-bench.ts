// Times `inr-ledger export` and `verify` (their functions) on a 1,000-event bundle.
// Run: node --require ./tests/support/register-ts.js tests/fault/ledger-bundle-bench.ts
import { rmSync } from 'node:fs';
import { loadConfig } from '@inr/ledger-api/config';
import { exportLocalBundle } from '../../apps/ledger-cli/src/ledger/export-bundle';
import { verifyBundleText } from '../../apps/ledger-cli/src/ledger/verify-bundle-file';
import { DECISION_ID, signedDataDir } from './ledger-fixtures';

async function main(): Promise<void> {
  const dir = await signedDataDir({ cases: 498 }); // 2 events a case + enrolment, pathway, application, decision
  try {
    const runs: { exportMs: number; verifyMs: number; events: number; bytes: number }[] = [];
    for (let i = 0; i < 3; i++) {
      let t = performance.now();
      const bundle = await exportLocalBundle(
        loadConfig({ LEDGER_DATA_DIR: dir.dataDir }),
        DECISION_ID,
      );
      const exportMs = performance.now() - t;
      const text = JSON.stringify(bundle);
      t = performance.now();
      const result = await verifyBundleText(text, dir.policy);
      const verifyMs = performance.now() - t;
      if (!result.ok) throw new Error(`verify failed: ${result.check} ${result.reason}`);
      runs.push({
        exportMs: Math.round(exportMs),
        verifyMs: Math.round(verifyMs),
        events: bundle.events.length,
        bytes: text.length,
      });
    }
    process.stdout.write(`${JSON.stringify(runs)}\n`);
  } finally {
    rmSync(dir.dataDir, { recursive: true, force: true });
  }
}

void main();
