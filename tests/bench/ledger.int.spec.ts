import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLedgerBench } from './ledger';

// The benchmark itself runs at 1,000,000 leaves by hand; this keeps it working (no timings asserted).
it('runs end to end on a small log and reports every figure', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  try {
    const r = await runLedgerBench({ leaves: 1500, samples: 20, dataDir: dir });
    expect(r.leaves).toBe(1500);
    expect(r.inclusion.sqlite).toBeDefined();
    expect(r.consistency.sqlite).toBeDefined();
    expect(r.auditLeavesPerSecond).toBeGreaterThan(0);
    expect(r.rawSha256LeavesPerSecond).toBeGreaterThan(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
