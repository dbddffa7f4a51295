import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import {
  Checkpointer,
  LedgerLog,
  loadOrCreateSigningKey,
  SqliteHashStore,
  verifyTraineeBundle,
  type TraineeBundle,
} from '@inr/ledger';
import { ReadModels, traineeBundle } from '@inr/projections';
import {
  cosignatureVerifierKey,
  ed25519VerifierKey,
  generateNoteKey,
  parseTrustPolicy,
} from '@inr/transparency';
import { writeDecisionLedger } from '../fault/ledger-fixtures';

const ORIGIN = 'trust-a/inr-ledger';

describe('trainee evidence bundle: export with a completeness commitment, verify offline', () => {
  let dataDir: string;
  let events: SqliteEventStore;
  let hashes: SqliteHashStore;
  let readModels: ReadModels;
  let exportBundle: (upTo?: number) => Promise<TraineeBundle>;
  let policy: ReturnType<typeof parseTrustPolicy>;
  let good: TraineeBundle;
  const copy = (): TraineeBundle => JSON.parse(JSON.stringify(good)) as TraineeBundle;
  const types = (b: TraineeBundle) =>
    b.events.map((e) => (JSON.parse(e.leaf) as { type: string }).type);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'inr-trainee-bundle-'));
    events = await SqliteEventStore.open({ dataDir });
    hashes = new SqliteHashStore(dataDir);
    const log = new LedgerLog(events, hashes);
    const key = loadOrCreateSigningKey(dataDir, ORIGIN);
    const checkpointer = new Checkpointer(log, hashes, key, { origin: ORIGIN });
    await writeDecisionLedger(events, { cases: 3 });
    readModels = ReadModels.open(events, dataDir);
    policy = parseTrustPolicy(`log ${ed25519VerifierKey(key)}\nquorum none\n`);
    exportBundle = (upTo) =>
      traineeBundle(
        {
          context: readModels.context,
          log,
          foreignBundle: () => Promise.resolve(undefined),
          commit: async (e) =>
            (
              await events.append(`trainee-tr-1`, [
                { ...e, data: e.data as never, metadata: { schemaVersion: 1 } },
              ])
            ).firstPosition,
          checkpointCovering: async () => {
            await log.catchUp();
            return checkpointer.signNow() ?? hashes.latestCheckpoint();
          },
        },
        'tr-1',
        upTo,
      );
    good = await exportBundle();
  });
  afterAll(async () => {
    await readModels.close();
    hashes.close();
    await events.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("carries the trainee's record, the signer's accreditation and the commitment, nobody else's events", () => {
    const t = types(good);
    expect(t.filter((x) => x === 'CaseLogged')).toHaveLength(3);
    expect(t.filter((x) => x === 'CaseSignedOff')).toHaveLength(3);
    expect(t).toEqual(
      expect.arrayContaining(['TraineeEnrolled', 'SupervisorAccredited', 'TraineeRecordCommitted']),
    );
    expect(good.events.map((e) => e.leaf).join()).not.toContain('"tr-2"');
    const r = verifyTraineeBundle(good, policy);
    expect(r).toMatchObject({ ok: true, report: { traineeId: 'tr-1', origin: ORIGIN } });
  });

  it('an unchanged record exports the same commitment: no second event', async () => {
    const before = await events.count();
    const again = await exportBundle();
    expect(again.commitment).toBe(good.commitment);
    expect(await events.count()).toBe(before);
  });

  it('a dropped event fails completeness, naming the missing leaf', () => {
    const b = copy();
    const dropped = b.events.findIndex((e) => e.leaf.includes('"CaseSignedOff"'));
    const [gone] = b.events.splice(dropped, 1);
    expect(verifyTraineeBundle(b, policy)).toMatchObject({
      ok: false,
      check: 'completeness',
      reason: expect.stringContaining(`leaf ${gone!.leafIndex}`),
    });
  });

  it('a tampered event fails its inclusion proof', () => {
    const b = copy();
    const i = b.events.findIndex((e) => e.leaf.includes('"CaseLogged"'));
    b.events[i]!.leaf = b.events[i]!.leaf.replace('2025-03-01', '2024-03-01');
    expect(verifyTraineeBundle(b, policy)).toMatchObject({
      ok: false,
      check: 'inclusion',
      entry: i,
    });
  });

  it('an unknown log fails the log signature; a witness quorum the checkpoint lacks fails', () => {
    const other = parseTrustPolicy(
      `log ${ed25519VerifierKey(generateNoteKey(ORIGIN))}\nquorum none\n`,
    );
    expect(verifyTraineeBundle(good, other)).toMatchObject({ ok: false, check: 'log-signature' });
    const witness = generateNoteKey('w.example');
    const needsWitness = parseTrustPolicy(
      `log ${policy.logs[0]!.vkey}\nwitness W ${cosignatureVerifierKey(witness)}\nquorum W\n`,
    );
    expect(verifyTraineeBundle(good, needsWitness)).toMatchObject({
      ok: false,
      check: 'witness-quorum',
    });
  });

  it('a commitment pointing elsewhere fails the commitment check', () => {
    const b = copy();
    b.commitment = b.events[0]!.leafIndex;
    expect(verifyTraineeBundle(b, policy)).toMatchObject({ ok: false, check: 'commitment' });
  });
});
