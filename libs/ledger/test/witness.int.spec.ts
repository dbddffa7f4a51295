import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteHashStore, WitnessService } from '@inr/ledger';
import {
  ed25519Signer,
  ed25519VerifierKey,
  formatCheckpoint,
  generateNoteKey,
  signNote,
  toBase64,
  verifyCheckpointNote,
} from '@inr/transparency';
import { seed } from './seed-events';
import { ORIGIN, signAndWitness, world } from './fixtures';

describe('C2SP tlog-witness add-checkpoint', () => {
  let dir: string;
  let state: SqliteHashStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'witness-'));
    state = new SqliteHashStore(dir);
  });
  afterEach(() => {
    state.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function setup() {
    const w = await world(10);
    const witness = new WitnessService(
      {
        key: w.witnessKeys[0]!,
        logs: new Map([[ORIGIN, [ed25519VerifierKey(w.logKey)]]]),
        now: () => 42,
      },
      state,
    );
    const request = (
      old: number,
      note: string,
      proof = w.log.consistencyProof(old, w.log.size()),
    ) => `old ${old}\n${proof.map((p) => `${toBase64(p)}\n`).join('')}\n${note}`;
    return { w, witness, request };
  }

  it('cosigns a first checkpoint from old 0, then a consistent extension', async () => {
    const { w, witness, request } = await setup();
    const cp10 = w.checkpointer.signNow()!;
    const first = witness.addCheckpoint(request(0, cp10.note));
    expect(first.status).toBe(200);
    expect(state.witnessState(ORIGIN)?.size).toBe(10);
    await seed(w.events, 5, 10);
    await w.log.catchUp();
    const cp15 = w.checkpointer.signNow()!;
    const second = witness.addCheckpoint(request(10, cp15.note));
    expect(second.status).toBe(200);
    expect('body' in second && second.body).toMatch(/^\u2014 w1\.partner\.example \S+\n$/u);
    expect(state.witnessState(ORIGIN)?.size).toBe(15);
  });

  it('answers 409 with its size on a stale old size, and 422 on a bad proof', async () => {
    const { w, witness, request } = await setup();
    const cp = w.checkpointer.signNow()!;
    witness.addCheckpoint(request(0, cp.note));
    await seed(w.events, 3, 10);
    await w.log.catchUp();
    const next = w.checkpointer.signNow()!;
    const stale = witness.addCheckpoint(request(0, next.note, []));
    expect(stale).toMatchObject({ status: 409, body: '10\n', contentType: 'text/x.tlog.size' });
    const proof = w.log.consistencyProof(10, 13);
    proof[0] = new Uint8Array(32);
    expect(witness.addCheckpoint(request(10, next.note, proof)).status).toBe(422);
    expect(state.witnessState(ORIGIN)?.size).toBe(10); // nothing persisted on failure
  });

  it('answers 404 for an unknown origin, 403 for a bad log signature, 400 for old > size', async () => {
    const { w, witness, request } = await setup();
    const cp = w.checkpointer.signNow()!;
    const stranger = generateNoteKey('other.example/log');
    const body = formatCheckpoint({
      origin: 'other.example/log',
      size: 1,
      root: new Uint8Array(32),
      extensions: [],
    });
    expect(
      witness.addCheckpoint(`old 0\n\n${signNote(body, [ed25519Signer(stranger)])}`).status,
    ).toBe(404);
    const impostor = generateNoteKey(ORIGIN);
    const forged = signNote(cp.note.slice(0, cp.note.indexOf('\n\n') + 1), [
      ed25519Signer(impostor),
    ]);
    expect(witness.addCheckpoint(request(0, forged)).status).toBe(403);
    expect(witness.addCheckpoint(`old 11\n\n${cp.note}`).status).toBe(400);
  });

  it('submitter stores verified cosignatures that satisfy a 2-of-3 policy, retrying after 409', async () => {
    const w = await world(12);
    const { checkpoint, outcomes } = await signAndWitness(w);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(checkpoint.cosignatures).toHaveLength(3);
    expect(
      verifyCheckpointNote(checkpoint.note + checkpoint.cosignatures.join(''), w.policy).ok,
    ).toBe(true);
    // The submitter forgets what the witnesses saw: the 409 tells it, and it retries.
    w.witnessSizes.clear();
    await seed(w.events, 2, 12);
    await w.log.catchUp();
    const again = await signAndWitness(w, 2);
    expect(again.outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(again.checkpoint.size).toBe(14);
    expect(again.checkpoint.cosignatures).toHaveLength(2);
  });
});
