import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Checkpointer,
  InconsistentCheckpointError,
  loadOrCreateSigningKey,
  SigningKeyError,
  SqliteHashStore,
} from '@inr/ledger';
import {
  ed25519Verifier,
  formatSignerKey,
  generateNoteKey,
  openNote,
  parseCheckpoint,
} from '@inr/transparency';
import { seed } from './seed-events';
import { ORIGIN, world } from './fixtures';

describe('Checkpointer', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'checkpointer-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('signs a C2SP checkpoint of the current tree within intervalMs of new events', async () => {
    jest.useFakeTimers();
    try {
      const w = await world(5);
      const signed: number[] = [];
      const cp = new Checkpointer(w.log, w.store, w.logKey, {
        origin: ORIGIN,
        intervalMs: 1000,
        onSigned: (c) => signed.push(c.size),
      });
      cp.notify();
      cp.notify(); // coalesced
      jest.advanceTimersByTime(1000);
      expect(signed).toEqual([5]);
      const opened = openNote(w.store.latestCheckpoint()!.note, [ed25519Verifier(w.logKey)]);
      const parsed = opened.ok ? parseCheckpoint(opened.value.text) : undefined;
      expect(parsed?.ok && parsed.value).toMatchObject({ origin: ORIGIN, size: 5 });
      expect(Buffer.from(parsed?.ok ? parsed.value.root : [])).toEqual(Buffer.from(w.log.root()));
      cp.close();
    } finally {
      jest.useRealTimers();
    }
  });

  it('never signs a checkpoint inconsistent with the last signed one', async () => {
    const store = new SqliteHashStore(dir);
    const w = await world(8, store);
    w.checkpointer.signNow();
    // History is rewritten under the log (an event edited), and the tree rebuilt from it.
    w.events.events[3] = { ...w.events.events[3]!, data: { rewritten: true } };
    await seed(w.events, 2, 8);
    await w.log.rebuild(() => store.reset());
    expect(() => w.checkpointer.signNow()).toThrow(InconsistentCheckpointError);
    expect(store.checkpoints().map((c) => c.size)).toEqual([8]);
    store.close();
  });

  it('returns the stored checkpoint when the tree did not grow, and is deterministic', async () => {
    const w = await world(4);
    const a = w.checkpointer.signNow()!;
    expect(w.checkpointer.signNow()).toEqual(a);
    expect(w.store.checkpoints()).toHaveLength(1);
  });

  it('refuses to run a ledger with a different key than the one it recorded', async () => {
    const w = await world(2);
    expect(
      () => new Checkpointer(w.log, w.store, generateNoteKey(ORIGIN), { origin: ORIGIN }),
    ).toThrow(/signed with/);
  });
});

describe('loadOrCreateSigningKey', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'signing-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates <dataDir>/log-key with mode 0600 on first start and reloads it after', () => {
    const key = loadOrCreateSigningKey(dir, ORIGIN);
    expect(statSync(join(dir, 'log-key')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSigningKey(dir, ORIGIN).publicKey).toEqual(key.publicKey);
  });

  it('prefers the configured key (LEDGER_SIGNING_KEY), and rejects a key named for another origin', () => {
    const configured = generateNoteKey(ORIGIN);
    const skey = formatSignerKey(configured);
    expect(loadOrCreateSigningKey(dir, ORIGIN, skey).publicKey).toEqual(configured.publicKey);
    expect(() => loadOrCreateSigningKey(dir, 'other/inr-ledger', skey)).toThrow(SigningKeyError);
    expect(() => loadOrCreateSigningKey(dir, ORIGIN, 'PRIVATE+KEY+nope')).toThrow(SigningKeyError);
  });
});
