// Issue 22: the audit's leaves re-hashed by worker threads (one per core) reading events.sqlite,
// against a single thread of raw SHA-256 over the same leaf bytes, and against the audit on
// one thread over the same store; both audits must give the same answer.
import { SqliteEventStore, type EventData, type RecordedEvent } from '@inr/event-store';
import {
  audit,
  Checkpointer,
  defaultAuditThreads,
  LedgerLog,
  MemoryLedgerStore,
} from '@inr/ledger';
import { ed25519VerifierKey, encodeLeaf, generateNoteKey, leafHash } from '@inr/transparency';

export interface AuditThreadsResult {
  leaves: number;
  threads: number;
  threadedLeavesPerSecond: number;
  singleThreadLeavesPerSecond: number;
  rawSha256LeavesPerSecond: number;
}

/** Writes `events` into a fresh sqlite store in `dataDir` (group-committed, in order). */
async function fill(dataDir: string, events: readonly RecordedEvent[]): Promise<SqliteEventStore> {
  const store = await SqliteEventStore.open({ dataDir });
  let pending: Promise<unknown>[] = [];
  for (const e of events) {
    const data: EventData = { id: e.id, type: e.type, data: e.data, metadata: e.metadata };
    pending.push(store.append(e.streamId, [data]));
    if (pending.length >= 2000) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  return store;
}

export async function benchAuditThreads(
  dataDir: string,
  events: readonly RecordedEvent[],
): Promise<AuditThreadsResult> {
  const store = await fill(dataDir, events);
  try {
    const ledger = new MemoryLedgerStore();
    await new LedgerLog(store, ledger).catchUp(10_000);
    const key = generateNoteKey('bench.example/inr-ledger');
    const checkpointer = new Checkpointer(new LedgerLog(store, ledger), ledger, key, {
      origin: key.name,
    });
    if (checkpointer.signNow() === undefined) throw new Error('nothing signed');
    checkpointer.close();
    const stored = await store.readAll();
    const raw = stored.map((e) => encodeLeaf(e));
    // Best of three, so a noisy neighbour flatters the baseline rather than the audit.
    let best = Infinity;
    for (let pass = 0; pass < 3; pass++) {
      const t0 = performance.now();
      for (const leaf of raw) leafHash(leaf);
      best = Math.min(best, performance.now() - t0);
    }
    const options = { logVerifierKey: ed25519VerifierKey(key), eventsDir: dataDir };
    const threads = defaultAuditThreads();
    const threaded = await audit(store, ledger, { ...options, threads });
    const single = await audit(store, ledger, { ...options, threads: 0, batchSize: 10_000 });
    if (!threaded.ok || !single.ok) throw new Error('audit failed on an intact ledger');
    if (threaded.root !== single.root || threaded.size !== single.size)
      throw new Error('threaded and single-threaded audits disagree');
    return {
      leaves: stored.length,
      threads,
      threadedLeavesPerSecond: threaded.leavesPerSecond,
      singleThreadLeavesPerSecond: single.leavesPerSecond,
      rawSha256LeavesPerSecond: Math.round(stored.length / (best / 1000)),
    };
  } finally {
    await store.close();
  }
}
