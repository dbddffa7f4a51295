import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit, SqliteHashStore } from '@inr/ledger';
import { ed25519VerifierKey, generateNoteKey } from '@inr/transparency';
import type { RecordedEvent } from '@inr/event-store';
import { seed } from './seed-events';
import { ORIGIN, world, type World } from './fixtures';

describe('audit', () => {
  let dir: string;
  let w: World;
  let vkey: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-'));
    w = await world(20, new SqliteHashStore(dir));
    w.checkpointer.signNow();
    await seed(w.events, 10, 20);
    await w.log.catchUp();
    w.checkpointer.signNow(); // checkpoints at 20 and 30
    vkey = ed25519VerifierKey(w.logKey);
  });
  afterEach(() => {
    w.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = () => audit(w.events, w.store, { logVerifierKey: vkey, batchSize: 7 });
  const at = (i: number): RecordedEvent => w.events.events[i]!;

  it('passes on an untouched log, reporting progress up to the total', async () => {
    const progress: [number, number][] = [];
    const r = await audit(w.events, w.store, {
      logVerifierKey: vkey,
      batchSize: 7,
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(r).toMatchObject({ ok: true, size: 30, checkpoints: 2 });
    expect(progress[progress.length - 1]).toEqual([30, 30]);
    expect(progress.map(([d]) => d)).toEqual([7, 14, 21, 28, 30]);
  });

  it('finds one changed byte in an event', async () => {
    w.events.events[12] = { ...at(12), data: { ...at(12).data, note: 'é€ 13' } };
    expect(await run()).toMatchObject({ ok: false, reason: 'leaf-changed', leafIndex: 12 });
  });

  it('finds a deleted event', async () => {
    w.events.events.splice(9, 1);
    expect(await run()).toMatchObject({ ok: false, reason: 'leaf-missing', leafIndex: 9 });
  });

  it('finds two swapped events', async () => {
    const [a, b] = [at(4), at(11)];
    w.events.events[4] = { ...b, position: 4 };
    w.events.events[11] = { ...a, position: 11 };
    expect(await run()).toMatchObject({ ok: false, reason: 'leaf-reordered', leafIndex: 4 });
  });

  it('finds a truncated store', async () => {
    w.events.events.length = 25;
    expect(await run()).toMatchObject({ ok: false, reason: 'truncated', leafIndex: 25 });
  });

  it('finds a replaced log key', async () => {
    const other = ed25519VerifierKey(generateNoteKey(ORIGIN));
    expect(await audit(w.events, w.store, { logVerifierKey: other })).toMatchObject({
      ok: false,
      reason: 'key-replaced',
    });
  });

  it('without stored leaf hashes, still localises a change to the first failing checkpoint', async () => {
    (w.store as SqliteHashStore).reset();
    w.events.events[24] = { ...at(24), type: 'Forged' };
    expect(await run()).toMatchObject({ ok: false, reason: 'root-mismatch', leafIndex: 20 });
  });
});
