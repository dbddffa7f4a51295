import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LeafMismatchError, LeafOrderError, LedgerLog, SqliteHashStore } from '@inr/ledger';
import {
  encodeLeaf,
  leafHash,
  nodeHash,
  sha256,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
} from '@inr/transparency';
import type { InMemoryEventStore } from '@inr/event-store/testing';
import { seed, testEventStore } from './seed-events';

function naiveRoot(h: Uint8Array[]): Uint8Array {
  if (h.length === 0) return sha256();
  if (h.length === 1) return h[0]!;
  const k = splitPoint(h.length);
  return nodeHash(naiveRoot(h.slice(0, k)), naiveRoot(h.slice(k)));
}

describe('LedgerLog over sqlite', () => {
  let dir: string;
  let events: InMemoryEventStore;
  let store: SqliteHashStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-log-'));
    events = testEventStore();
    await seed(events, 37);
    store = new SqliteHashStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('integrates the store in global order; roots and proofs match the RFC definition', async () => {
    const log = new LedgerLog(events, store);
    expect(await log.catchUp(10)).toBe(37);
    const hashes = events.events.map((e) => leafHash(encodeLeaf(e)));
    for (const n of [1, 2, 5, 16, 17, 37]) {
      const root = log.root(n);
      expect(Buffer.from(root)).toEqual(Buffer.from(naiveRoot(hashes.slice(0, n))));
      expect(verifyInclusion(n - 1, n, hashes[n - 1]!, log.inclusionProof(n - 1, n), root)).toBe(
        true,
      );
      expect(verifyConsistency(n, 37, root, log.root(), log.consistencyProof(n, 37))).toBe(true);
    }
  });

  it('survives a restart: a reopened store has the same size and root', async () => {
    const log = new LedgerLog(events, store);
    await log.catchUp();
    const root = log.root();
    store.close();
    store = new SqliteHashStore(dir);
    const reopened = new LedgerLog(events, store);
    expect(reopened.size()).toBe(37);
    expect(Buffer.from(reopened.root())).toEqual(Buffer.from(root));
  });

  it('rejects an event out of order and keeps the batch atomic', async () => {
    const log = new LedgerLog(events, store);
    const [e0, e1, e2] = events.events;
    expect(() => log.integrate([e0!, e2!])).toThrow(LeafOrderError);
    expect(log.size()).toBe(0);
    expect(store.size()).toBe(0);
    expect(store.get(0, 0)).toBeUndefined();
    log.integrate([e0!, e1!]);
    expect(() => log.integrate([e0!])).toThrow(LeafOrderError);
    expect(log.size()).toBe(2);
  });

  it('returns the exact leaf bytes, re-read from the store, and notices when they changed', async () => {
    const log = new LedgerLog(events, store);
    await log.catchUp();
    const entries = await log.entries(3, 6);
    expect(entries.map((e) => e.index)).toEqual([3, 4, 5]);
    expect(Buffer.from(entries[0]!.leaf).toString()).toBe(
      Buffer.from(encodeLeaf(events.events[3]!)).toString(),
    );
    expect(JSON.parse(Buffer.from(entries[0]!.leaf).toString())).toMatchObject({
      eventId: events.events[3]!.id,
    });
    events.events[4] = { ...events.events[4]!, data: { tampered: true } };
    await expect(log.entries(3, 6)).rejects.toThrow(LeafMismatchError);
  });

  it('rebuilds the same tree from the store alone', async () => {
    const log = new LedgerLog(events, store);
    await log.catchUp();
    const root = Buffer.from(log.root());
    const proof = log.inclusionProof(7, 20).map((p) => Buffer.from(p));
    await log.rebuild(() => store.reset(), 8);
    expect(Buffer.from(log.root())).toEqual(root);
    expect(log.inclusionProof(7, 20).map((p) => Buffer.from(p))).toEqual(proof);
  });

  it('follows live appends, one transaction per batch', async () => {
    const log = new LedgerLog(events, store);
    const sizes: number[] = [];
    const done = new Promise<void>((resolve) => {
      const sub = log.follow({
        batchMs: 5,
        onIntegrated: (size) => {
          sizes.push(size);
          if (size === 40) {
            sub.unsubscribe();
            resolve();
          }
        },
      });
      void seed(events, 3, 37);
    });
    await done;
    expect(log.size()).toBe(40);
    expect(sizes[sizes.length - 1]).toBe(40);
  });
});
