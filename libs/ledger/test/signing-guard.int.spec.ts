import {
  Checkpointer,
  LedgerLog,
  MemoryLedgerStore,
  publishedFromNote,
  resetLog,
  signLogReset,
  SigningBlockedError,
  LOG_RESET,
  logResetData,
  type SigningBlock,
} from '@inr/ledger';
import { ed25519VerifierKey, generateNoteKey } from '@inr/transparency';
import { InMemoryEventStore } from '@inr/event-store/testing';
import { seed } from './seed-events';
import { ORIGIN, world, type World } from './fixtures';

/** The same log restored from an old copy: its first `keep` events, a fresh store, the same key. */
async function restoredFrom(w: World, keep: number) {
  const events = InMemoryEventStore.holding(w.events.events.slice(0, keep));
  const store = new MemoryLedgerStore();
  const log = new LedgerLog(events, store);
  await log.catchUp();
  const changes: (SigningBlock | undefined)[] = [];
  const checkpointer = new Checkpointer(log, store, w.logKey, {
    origin: ORIGIN,
    onBlockChange: (b) => changes.push(b),
  });
  return { events, store, log, checkpointer, changes };
}

const blockOf = (fn: () => unknown): SigningBlock => {
  try {
    fn();
  } catch (e) {
    if (e instanceof SigningBlockedError) return e.block;
    throw e;
  }
  throw new Error('signed, but should have refused');
};

describe('the checkpointer never signs a rollback or a fork of a published checkpoint', () => {
  let published: World;
  let note: string;
  beforeEach(async () => {
    published = await world(10);
    note = published.checkpointer.signNow()!.note;
  });
  const vkeys = () => [ed25519VerifierKey(published.logKey)];

  it('refuses a tree smaller than a known checkpoint, naming the missing leaves, until they are back', async () => {
    const r = await restoredFrom(published, 6);
    r.store.recordPublished(publishedFromNote(note, vkeys(), 'backup manifest'));
    const block = blockOf(() => r.checkpointer.signNow());
    expect(block).toMatchObject({
      code: 'LOG_BEHIND_PUBLISHED_CHECKPOINT',
      treeSize: 6,
      publishedSize: 10,
      missing: { from: 6, to: 10 },
    });
    expect(block.message).toContain('leaves 6 to 9 (4 events) are missing');
    expect(r.store.checkpoints()).toEqual([]);
    expect(r.changes.map((c) => c?.code)).toEqual(['LOG_BEHIND_PUBLISHED_CHECKPOINT']);

    r.events.events.push(...published.events.events.slice(6)); // re-entered byte for byte
    await r.log.catchUp();
    expect(r.checkpointer.signNow()!.size).toBe(10);
    expect(r.changes.at(-1)).toBeUndefined();
  });

  it('refuses a tree that grew past a known checkpoint with other events (a fork)', async () => {
    const r = await restoredFrom(published, 6);
    r.store.recordPublished(publishedFromNote(note, vkeys(), 'command line'));
    await seed(r.events, 6, 100); // different events take leaves 6.. 11
    await r.log.catchUp();
    expect(blockOf(() => r.checkpointer.signNow())).toMatchObject({
      code: 'LOG_INCONSISTENT_WITH_PUBLISHED_CHECKPOINT',
      publishedSize: 10,
    });
    expect(r.store.checkpoints()).toEqual([]);
  });

  it('holds a size a witness reported, even without its root', async () => {
    const r = await restoredFrom(published, 8);
    r.store.recordPublished({ size: 10, source: 'witness W1' });
    expect(blockOf(() => r.checkpointer.signNow())).toMatchObject({
      missing: { from: 8, to: 10 },
      source: 'witness W1',
    });
  });

  it('also refuses a tree smaller than its own latest signed checkpoint (lost events)', async () => {
    published.events.events.splice(7);
    await published.log.rebuild(() => published.store.reset());
    expect(blockOf(() => published.checkpointer.signNow())).toMatchObject({
      source: 'signed by this log',
      missing: { from: 7, to: 10 },
    });
  });

  it('signs again after a logged reset signed by the log key, and not after a forged one', async () => {
    const r = await restoredFrom(published, 6);
    r.store.recordPublished(publishedFromNote(note, vkeys(), 'backup manifest'));
    const forged = signLogReset(generateNoteKey(ORIGIN), {
      fromSize: 6,
      abandonedSize: 10,
      abandonedRoot: '-',
      decidedBy: 'mallory',
      decidedOn: '2026-01-01T00:00:00.000Z',
      reason: 'forged',
    });
    await r.events.append('institution-x', [
      { id: '00000000-0000-4000-8000-0000000000f1', type: LOG_RESET, data: logResetData(forged) },
    ]);
    await r.log.catchUp();
    expect(r.store.logResets()).toHaveLength(1); // recorded, but its signature is not the log's
    expect(blockOf(() => r.checkpointer.signNow()).code).toBe('LOG_BEHIND_PUBLISHED_CHECKPOINT');

    const fresh = await restoredFrom(published, 6);
    fresh.store.recordPublished(publishedFromNote(note, vkeys(), 'backup manifest'));
    const { reset, position } = await resetLog({
      origin: ORIGIN,
      institution: 'x',
      key: published.logKey,
      events: fresh.events,
      log: fresh.log,
      ledger: fresh.store,
      decidedBy: 'ops lead',
      reason: 'events 6-9 lost with the disk; no other copy',
    });
    expect({ position, abandonedSize: reset.abandonedSize }).toEqual({
      position: 6,
      abandonedSize: 10,
    });
    expect(fresh.checkpointer.signNow()!.size).toBe(7);
    await seed(fresh.events, 5, 200);
    await fresh.log.catchUp();
    expect(fresh.checkpointer.signNow()!.size).toBe(12);
  });

  it('a reset is refused when nothing contradicts a published checkpoint', async () => {
    await expect(
      resetLog({
        origin: ORIGIN,
        institution: 'x',
        key: published.logKey,
        events: published.events,
        log: published.log,
        ledger: published.store,
        decidedBy: 'ops',
        reason: 'just because',
      }),
    ).rejects.toThrow('nothing to reset');
  });
});
