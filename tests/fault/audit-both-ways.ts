import { SqliteEventStore } from '@inr/event-store';
import { audit, SqliteHashStore, type AuditResult } from '@inr/ledger';
import type { SignedDataDir } from './ledger-fixtures';

/**
 * The audit of `dir` in two worker threads and on this thread, over tiny ranges so every damage
 * falls near a range border; the rate is zeroed so the two answers compare whole.
 */
export async function auditBothWays(
  dir: SignedDataDir,
): Promise<{ threaded: AuditResult; single: AuditResult }> {
  const events = await SqliteEventStore.open({ dataDir: dir.dataDir });
  const hashes = new SqliteHashStore(dir.dataDir);
  try {
    const run = (threads: number) =>
      audit(events, hashes, {
        logVerifierKey: dir.logVerifierKey,
        eventsDir: dir.dataDir,
        threads,
        workerChunk: 4,
        batchSize: 4,
      });
    const [threaded, single] = [await run(2), await run(0)];
    return { threaded: withoutRate(threaded), single: withoutRate(single) };
  } finally {
    hashes.close();
    await events.close();
  }
}

function withoutRate(result: AuditResult): AuditResult {
  return result.ok ? { ...result, leavesPerSecond: 0 } : result;
}
