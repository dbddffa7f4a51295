import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  audit,
  buildEventProofs,
  Checkpointer,
  keyChain,
  LedgerLog,
  loadOrCreateSigningKey,
  loadSigningKey,
  LOG_KEY_ROTATED,
  rotateLogKey,
  rotationStream,
  signRotation,
  SigningKeyPendingError,
  SqliteHashStore,
  verifyEventProofs,
  verifyRotation,
  type StoredCheckpoint,
} from '@inr/ledger';
import {
  ed25519Verifier,
  ed25519VerifierKey,
  formatSignerKey,
  generateNoteKey,
  openNote,
  parseTrustPolicy,
  parseVerifierKey,
  type Ed25519NoteKey,
} from '@inr/transparency';
import type { InMemoryEventStore } from '@inr/event-store/testing';
import { seed, testEventStore } from './seed-events';
import { ORIGIN } from './fixtures';

const INSTITUTION = 'hospital.example';

describe('log key rotation', () => {
  let dir: string;
  let events: InMemoryEventStore;
  let store: SqliteHashStore;
  let log: LedgerLog;
  let oldKey: Ed25519NoteKey;
  let checkpointer: Checkpointer;
  let before: StoredCheckpoint;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rotation-'));
    events = testEventStore();
    store = new SqliteHashStore(dir);
    log = new LedgerLog(events, store);
    await seed(events, 10);
    await log.catchUp();
    oldKey = loadOrCreateSigningKey(dir, ORIGIN);
    // As the service runs it: the key is re-read from <dir>/log-key only when a rotation needs it.
    checkpointer = new Checkpointer(log, store, oldKey, {
      origin: ORIGIN,
      reloadKey: () => loadSigningKey(dir, ORIGIN),
    });
    before = checkpointer.signNow()!;
  });
  afterEach(() => {
    checkpointer.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rotate = () =>
    rotateLogKey({
      dataDir: dir,
      origin: ORIGIN,
      institution: INSTITUTION,
      events,
      log,
      ledger: store,
    });
  const verifies = (note: string, vkey: string) =>
    openNote(note, [ed25519Verifier(parseVerifierKey(vkey))]).ok;
  const grow = async (n: number, offset: number) => {
    await seed(events, n, offset);
    await log.catchUp();
    return checkpointer.signNow()!;
  };

  it('logs the rotation as an event and signs the trees containing it with the new key', async () => {
    const r = await rotate();
    const oldVkey = ed25519VerifierKey(oldKey);
    expect(r).toMatchObject({ previousVerifierKey: oldVkey, position: 10, resumed: false });
    expect(events.events[10]).toMatchObject({
      streamId: rotationStream(INSTITUTION),
      type: LOG_KEY_ROTATED,
      data: { origin: ORIGIN, previousVerifierKey: oldVkey, newVerifierKey: r.newVerifierKey },
    });
    const after = await grow(3, 10);
    expect(after.size).toBe(14);
    expect(verifies(after.note, r.newVerifierKey)).toBe(true);
    expect(verifies(after.note, oldVkey)).toBe(false);
    // The checkpoint signed before keeps its original signature, by the old key.
    expect(store.checkpoints()[0]).toEqual(before);
    expect(verifies(before.note, oldVkey)).toBe(true);
    expect(checkpointer.currentVerifierKey()).toBe(r.newVerifierKey);
  });

  it('replaces log-key (mode 0600) and keeps no copy of the old private key', async () => {
    const r = await rotate();
    const onDisk = loadSigningKey(dir, ORIGIN);
    expect(ed25519VerifierKey(onDisk)).toBe(r.newVerifierKey);
    expect(statSync(join(dir, 'log-key')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir, 'log-key.next'))).toBe(false);
    const secret = formatSignerKey(oldKey);
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) =>
      f.isFile(),
    );
    for (const f of files)
      expect(readFileSync(join(f.parentPath, f.name), 'utf8')).not.toContain(secret);
    // The public half stays: the keys table lists both, with where each starts signing.
    expect(keyChain(store.keyHistory())).toEqual([
      { vkey: ed25519VerifierKey(oldKey), fromSize: 0, untilSize: 11 },
      { vkey: r.newVerifierKey, fromSize: 11, position: 10 },
    ]);
  });

  it('old bundles verify with the old key in the policy, new ones with only the new key', async () => {
    const oldBundle = await buildEventProofs(log, before, [3]);
    const r = await rotate();
    const newBundle = await buildEventProofs(log, await grow(2, 10), [3, 11]);
    const policy = (...vkeys: string[]) =>
      parseTrustPolicy(`${vkeys.map((k) => `log ${k}\n`).join('')}quorum none\n`);
    const oldVkey = ed25519VerifierKey(oldKey);
    const both = policy(oldVkey, r.newVerifierKey);
    expect(verifyEventProofs(oldBundle, policy(oldVkey))).toMatchObject({ ok: true });
    expect(verifyEventProofs(oldBundle, both)).toMatchObject({ ok: true });
    expect(verifyEventProofs(newBundle, both)).toMatchObject({ ok: true });
    expect(verifyEventProofs(newBundle, policy(r.newVerifierKey))).toMatchObject({ ok: true });
    expect(verifyEventProofs(oldBundle, policy(r.newVerifierKey))).toMatchObject({
      ok: false,
      check: 'log-signature',
    });
  });

  it('audit passes across a rotation, with the new key or the published old one', async () => {
    await grow(2, 10);
    const r = await rotate();
    await grow(3, 12);
    const oldVkey = ed25519VerifierKey(oldKey);
    for (const logVerifierKey of [r.newVerifierKey, oldVkey]) {
      expect(await audit(events, store, { logVerifierKey })).toMatchObject({
        ok: true,
        size: 16,
        checkpoints: 3,
        keys: [oldVkey, r.newVerifierKey],
      });
    }
  });

  it('a log-key swapped by hand, without a logged rotation, is key-replaced and never signs', async () => {
    const intruder = generateNoteKey(ORIGIN);
    writeFileSync(join(dir, 'log-key'), `${formatSignerKey(intruder)}\n`, { mode: 0o600 });
    const vkey = ed25519VerifierKey(intruder);
    expect(await audit(events, store, { logVerifierKey: vkey })).toMatchObject({
      ok: false,
      reason: 'key-replaced',
    });
    expect(() => new Checkpointer(log, store, intruder, { origin: ORIGIN })).toThrow(/signed with/);
    // The running checkpointer does not pick it up either: no rotation asks for another key.
    const next = await grow(2, 10);
    expect(verifies(next.note, ed25519VerifierKey(oldKey))).toBe(true);
    await expect(rotate()).rejects.toThrow(/cannot be rotated/);
  });

  it('a rotation whose statement the previous key did not sign is rejected', async () => {
    const intruder = generateNoteKey(ORIGIN);
    const forged = {
      ...signRotation(generateNoteKey(ORIGIN), intruder, new Date()),
      previousVerifierKey: ed25519VerifierKey(oldKey),
    };
    expect(verifyRotation(forged, ed25519VerifierKey(oldKey))).toMatchObject({ ok: false });
    await events.append(rotationStream(INSTITUTION), [
      { id: '00000000-0000-4000-8000-00000000f0f0', type: LOG_KEY_ROTATED, data: { ...forged } },
    ]);
    await log.catchUp();
    // The service neither accepts the intruder's key nor switches away from the real one...
    expect(() => new Checkpointer(log, store, intruder, { origin: ORIGIN })).toThrow(/signed with/);
    expect(verifies(checkpointer.signNow()!.note, ed25519VerifierKey(oldKey))).toBe(true);
    // ...and audit names the forged leaf.
    expect(
      await audit(events, store, { logVerifierKey: ed25519VerifierKey(oldKey) }),
    ).toMatchObject({ ok: false, reason: 'bad-rotation', leafIndex: 10 });
  });

  it('signs nothing past a logged rotation until the new key is in place, then carries on', async () => {
    const next = generateNoteKey(ORIGIN);
    await events.append(rotationStream(INSTITUTION), [
      {
        id: '00000000-0000-4000-8000-00000000f0f1',
        type: LOG_KEY_ROTATED,
        data: { ...signRotation(oldKey, next, new Date()) },
      },
    ]);
    await log.catchUp();
    expect(() => checkpointer.signNow()).toThrow(SigningKeyPendingError);
    expect(store.checkpoints()).toEqual([before]);
    rmSync(join(dir, 'log-key'));
    writeFileSync(join(dir, 'log-key'), `${formatSignerKey(next)}\n`, { mode: 0o600 });
    expect(verifies(checkpointer.signNow()!.note, ed25519VerifierKey(next))).toBe(true);
  });

  it('finishes a rotation interrupted after the event was logged', async () => {
    const next = generateNoteKey(ORIGIN);
    writeFileSync(join(dir, 'log-key.next'), `${formatSignerKey(next)}\n`, { mode: 0o600 });
    await events.append(rotationStream(INSTITUTION), [
      {
        id: '00000000-0000-4000-8000-00000000f0f2',
        type: LOG_KEY_ROTATED,
        data: { ...signRotation(oldKey, next, new Date()) },
      },
    ]);
    const r = await rotate(); // the crash came before log-key was replaced
    expect(r).toMatchObject({
      resumed: true,
      newVerifierKey: ed25519VerifierKey(next),
      position: 10,
    });
    expect(events.events).toHaveLength(11);
    expect(ed25519VerifierKey(loadSigningKey(dir, ORIGIN))).toBe(ed25519VerifierKey(next));
  });
});
