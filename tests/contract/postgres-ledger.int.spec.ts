import { Checkpointer, LedgerLog, PostgresLedgerStore, type StoredCheckpoint } from '@inr/ledger';
import { ed25519Verifier, generateNoteKey, openNote } from '@inr/transparency';
import { seed, testEventStore } from '../../libs/ledger/test/seed-events';
import {
  findPostgres,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres';
import { storedCheckpointRoots, treeRoots } from '../support/postgres-checkpoints';

const ORIGIN = 'hospital.example/inr-ledger';

/** Two API replicas' logs and checkpointers on one PostgreSQL database and one event order. */
const found = findPostgres();
if ('skip' in found) {
  describe.skip(`ledger store on PostgreSQL — skipped: ${found.skip}`, () => {
    it('needs PostgreSQL', () => undefined);
  });
} else {
  describe('ledger store on PostgreSQL, shared by replicas', () => {
    let server: ThrowawayPostgres;
    let url: string;
    const opened: PostgresLedgerStore[] = [];
    beforeAll(async () => {
      server = await startThrowawayPostgres();
      url = await server.createDatabase('inr_ledger');
    }, 60_000);
    afterAll(async () => {
      for (const s of opened) s.close();
      await server?.stop();
    });
    const open = async (): Promise<PostgresLedgerStore> => {
      const store = await PostgresLedgerStore.open(url);
      opened.push(store);
      return store;
    };

    it('signs each size once, whichever replica gets there first; both serve the same checkpoints, all consistent', async () => {
      const events = testEventStore();
      const key = generateNoteKey(ORIGIN);
      const replica = async (): Promise<{ log: LedgerLog; cp: Checkpointer; signed: number[] }> => {
        const store = await open();
        const log = new LedgerLog(events, store);
        const signed: number[] = [];
        const cp = new Checkpointer(log, store, key, {
          origin: ORIGIN,
          onSigned: (c) => signed.push(c.size),
        });
        return { log, cp, signed };
      };
      const a = await replica();
      const b = await replica();

      await seed(events, 10);
      await a.log.catchUp();
      expect(a.cp.signNow()?.size).toBe(10);
      // B integrated nothing itself: it takes the shared tree and finds size 10 signed.
      expect(b.cp.signNow()?.size).toBe(10);
      expect(b.log.size()).toBe(10);

      // B integrates the next events (A's copy of them is skipped), A signs them.
      await seed(events, 7, 10);
      await b.log.catchUp();
      await a.log.catchUp();
      expect(a.log.size()).toBe(17);
      expect(a.cp.signNow()?.size).toBe(17);
      // B is behind A's view by a batch: it signs the next size, consistent with A's checkpoint.
      await seed(events, 5, 17);
      await b.log.catchUp();
      expect(b.cp.signNow()?.size).toBe(22);
      expect(a.cp.signNow()?.size).toBe(22);

      expect(a.signed).toEqual([10, 17]);
      expect(b.signed).toEqual([22]);
      const latest = (r: { cp: Checkpointer }): StoredCheckpoint | undefined => r.cp.signNow();
      expect(latest(a)?.note).toBe(latest(b)?.note);

      // Every stored checkpoint's root is the tree of the first `size` events, computed apart,
      // and its note verifies under the log key.
      const roots = treeRoots(await events.readAll());
      const stored = await storedCheckpointRoots(url);
      expect([...stored.keys()]).toEqual([10, 17, 22]);
      for (const [size, root] of stored) expect(root).toBe(roots.get(size));
      for (const c of (await open()).checkpoints())
        expect(openNote(c.note, [ed25519Verifier(key)]).ok).toBe(true);
    });

    it('keeps witness cosignatures and rolls a failed transaction back whole', async () => {
      const store = await open();
      const size = store.size();
      expect(size).toBeGreaterThan(0);
      const before = store.get(0, size - 1);
      expect(() =>
        store.transaction(() => {
          store.put(0, size, new Uint8Array(32).fill(7));
          store.setSize(size + 1);
          throw new Error('disk full');
        }),
      ).toThrow('disk full');
      const again = await open();
      expect(again.size()).toBe(size);
      expect(again.get(0, size)).toBeUndefined();
      expect(Buffer.from(again.get(0, size - 1)!)).toEqual(Buffer.from(before!));

      const latest = store.latestCheckpoint()!;
      store.addCosignatures(latest.size, ['— w1.example abc\n']);
      again.addCosignatures(latest.size, ['— w1.example abc\n', '— w2.example def\n']);
      expect(store.latestCheckpoint()!.cosignatures).toEqual([
        '— w1.example abc\n',
        '— w2.example def\n',
      ]);
    });
  });
}
