import { randomUUID } from 'node:crypto';
import {
  buildBundle,
  buildEventProofs,
  evidenceOf,
  parseBundle,
  verifyBundle,
  type ProvenanceBundle,
} from '@inr/ledger';
import type { JsonObject } from '@inr/event-store';
import { canonicalJson, parseTrustPolicy, sha256, toHex } from '@inr/transparency';
import { signAndWitness, world, type World } from './fixtures';

const PATHWAY = { id: 'mt-core', version: '1.0.0', requirements: [] };
const PATHWAY_HASH = toHex(sha256(Buffer.from(canonicalJson(PATHWAY), 'utf8')));

/**
 * 25 unrelated events, then: the pathway's publication, three events of trainee tr-1 and one
 * of tr-2, the decision on tr-1 (committing to tr-1's record below its ledger size), and one
 * more tr-1 event after the decision. Leaf indexes: 25 publication, 26-28 tr-1, 29 tr-2,
 * 30 decision, 31 tr-1 (later).
 */
async function decisionWorld(committed = true): Promise<{ w: World; bundle: ProvenanceBundle }> {
  const w = await world(25);
  const put = (stream: string, type: string, data: JsonObject, metadata: JsonObject = {}) =>
    w.events.append(stream, [{ id: randomUUID(), type, data, metadata }]);
  await put('policy-mt-core', 'PolicyPublished', {
    pathwayId: 'mt-core',
    version: '1.0.0',
    contentHash: PATHWAY_HASH,
    document: PATHWAY,
  });
  await put('trainee-tr-1', 'TraineeEnrolled', { traineeId: 'tr-1', institutionId: 'a' });
  await put('case-1', 'CaseLogged', { traineeId: 'tr-1', caseId: '1' });
  await put('case-1', 'CaseSignedOff', { traineeId: 'tr-1', caseId: '1' });
  await put('case-2', 'CaseLogged', { traineeId: 'tr-2', caseId: '2' });
  const ledgerSize = await w.events.count();
  const evidence = evidenceOf(await w.events.readAll(), 'tr-1', ledgerSize);
  const record = {
    applicationId: 'app-1',
    decisionId: 'dec-1',
    traineeId: 'tr-1',
    outcome: 'granted',
    pathwayId: 'mt-core',
    pathwayVersion: '1.0.0',
    pathwayHash: PATHWAY_HASH,
    ledgerSize,
    ...(committed ? { evidence } : {}),
    evaluation: { met: true, requirements: [] },
    reasons: 'met',
    panelMemberId: 'pnl-1',
    decidedOn: '2025-05-02',
  };
  await put('application-app-1', 'CredentialDecisionRecorded', record, {
    schemaVersion: committed ? 2 : 1,
  });
  await put('case-3', 'CaseLogged', { traineeId: 'tr-1', caseId: '3' });
  await w.log.catchUp();
  const { checkpoint } = await signAndWitness(w, 2);
  const [decision] = await w.events.readAll({ fromPosition: 30, maxCount: 1 });
  const bundle = await buildBundle(w.log, checkpoint, [25, 26, 27, 28, 30], PATHWAY, {
    leafIndex: 30,
    eventId: decision!.id,
    record,
  });
  return { w, bundle };
}

/** The same bundle with other leaves (proven against the same checkpoint). */
async function withLeaves(
  w: World,
  bundle: ProvenanceBundle,
  indexes: number[],
): Promise<ProvenanceBundle> {
  const checkpoint = w.store.latestCheckpoint()!;
  const { events } = await buildEventProofs(w.log, checkpoint, indexes);
  return { ...bundle, events };
}

const clone = (b: ProvenanceBundle): ProvenanceBundle =>
  JSON.parse(JSON.stringify(b)) as ProvenanceBundle;

describe('provenance bundle', () => {
  it('verifies offline: signature, quorum, inclusion, decision leaf, pathway, evidence, re-evaluation', async () => {
    const { w, bundle } = await decisionWorld();
    const seen: ProvenanceBundle[] = [];
    const r = await verifyBundle(clone(bundle), w.policy, (b) => {
      seen.push(b);
      return { ok: true };
    });
    expect(r).toEqual({
      ok: true,
      report: expect.objectContaining({
        size: 32,
        events: 5,
        cosigners: ['W1', 'W2'],
        evidenceCommitted: true,
        decisionReEvaluated: true,
      }),
    });
    expect(seen).toHaveLength(1);
  });

  it('one committed event removed fails the evidence check, before re-evaluation', async () => {
    const { w, bundle } = await decisionWorld();
    const reEvaluate = jest.fn(() => ({ ok: true as const }));
    const dropped = await withLeaves(w, bundle, [25, 26, 28, 30]);
    expect(await verifyBundle(dropped, w.policy, reEvaluate)).toEqual({
      ok: false,
      check: 'evidence',
      reason: 'leaf 27, committed to by the decision, is not in the bundle',
    });
    expect(reEvaluate).not.toHaveBeenCalled();
  });

  it.each([
    [29, "another trainee's event"],
    [31, "the applicant's event after the evaluated size"],
    [3, 'an unrelated event'],
  ])('leaf %d added (%s) fails the evidence check, before re-evaluation', async (extra) => {
    const { w, bundle } = await decisionWorld();
    const reEvaluate = jest.fn(() => ({ ok: true as const }));
    const added = await withLeaves(
      w,
      bundle,
      [25, 26, 27, 28, 30, extra].sort((a, b) => a - b),
    );
    expect(await verifyBundle(added, w.policy, reEvaluate)).toMatchObject({
      ok: false,
      check: 'evidence',
      reason: expect.stringContaining(`leaf ${extra} is not in tr-1's record below size 30`),
    });
    expect(reEvaluate).not.toHaveBeenCalled();
  });

  it('a decision recorded before commitments fails evidence unless the verifier accepts it', async () => {
    const { w, bundle } = await decisionWorld(false);
    expect(await verifyBundle(bundle, w.policy)).toMatchObject({
      ok: false,
      check: 'evidence',
      reason: expect.stringContaining('predates evidence commitments'),
    });
    expect(
      await verifyBundle(bundle, w.policy, undefined, { allowUncommittedEvidence: true }),
    ).toMatchObject({ ok: true, report: { evidenceCommitted: false } });
    // Even then, an event outside the applicant's record is refused.
    const added = await withLeaves(w, bundle, [25, 26, 27, 28, 29, 30]);
    expect(
      await verifyBundle(added, w.policy, undefined, { allowUncommittedEvidence: true }),
    ).toMatchObject({ ok: false, check: 'evidence', entry: 4 });
  });

  it('a decision record or pathway that does not match its leaf or hash fails before evidence', async () => {
    const { w, bundle } = await decisionWorld();
    const edited = clone(bundle);
    edited.decision.record['outcome'] = 'refused';
    expect(await verifyBundle(edited, w.policy)).toMatchObject({
      ok: false,
      check: 'decision-leaf',
    });
    expect(
      await verifyBundle({ ...bundle, decision: { ...bundle.decision, leafIndex: 26 } }, w.policy),
    ).toMatchObject({ ok: false, check: 'decision-leaf', entry: 1 });
    expect(
      await verifyBundle({ ...bundle, pathway: { ...PATHWAY, requirements: [1] } }, w.policy),
    ).toMatchObject({ ok: false, check: 'pathway' });
  });

  it('names the failing proof check and entry', async () => {
    const { w, bundle } = await decisionWorld();
    const edited = {
      ...bundle,
      events: bundle.events.map((e, i) =>
        i === 1 ? { ...e, leaf: e.leaf.replace('"a"', '"b"') } : e,
      ),
    };
    expect(await verifyBundle(edited, w.policy)).toMatchObject({
      ok: false,
      check: 'inclusion',
      entry: 1,
    });
    const spaced = {
      ...bundle,
      events: [{ ...bundle.events[0]!, leaf: bundle.events[0]!.leaf.replace(':', ': ') }],
    };
    expect(await verifyBundle(spaced, w.policy)).toMatchObject({
      ok: false,
      check: 'leaf-encoding',
      entry: 0,
    });
    const oneCosig = bundle.checkpoint.split('\n').slice(0, -2).join('\n') + '\n';
    expect(await verifyBundle({ ...bundle, checkpoint: oneCosig }, w.policy)).toMatchObject({
      ok: false,
      check: 'witness-quorum',
    });
    const otherLog = parseTrustPolicy(
      w.policy.witnesses.map((x) => `witness ${x.name} ${x.vkey}`).join('\n') + '\nquorum none\n',
    );
    expect(await verifyBundle(bundle, otherLog)).toMatchObject({
      ok: false,
      check: 'log-signature',
    });
    expect(
      await verifyBundle(bundle, w.policy, async () => ({ ok: false, reason: 'outcome differs' })),
    ).toEqual({ ok: false, check: 'decision', reason: 'outcome differs' });
  });
});

describe('strict bundle parsing (format and leaf-encoding)', () => {
  let bundle: ProvenanceBundle;
  let w: World;
  beforeAll(async () => ({ w, bundle } = await decisionWorld()));
  const text = (): string => JSON.stringify(bundle);

  it('accepts the bundle as written', () => {
    expect(parseBundle(text())).toMatchObject({ ok: true });
  });

  it.each([
    [
      '"leafIndex":19.0 where an integer is meant',
      (t: string) => t.replace('"leafIndex":26', '"leafIndex":26.0'),
    ],
    [
      'an exponent in a leaf index',
      (t: string) => t.replace('"leafIndex":26', '"leafIndex":2.6e1'),
    ],
    [
      'a decision leaf index of 30.0',
      (t: string) => t.replace('"leafIndex":30,"eventId"', '"leafIndex":30.0,"eventId"'),
    ],
    ['a duplicate member', (t: string) => t.replace('{"format":', '{"format":"x","format":')],
    [
      'an unknown top-level member',
      (t: string) => t.replace('{"format":', '{"comment":"hi","format":'),
    ],
    [
      'an unknown event member',
      (t: string) => t.replace('{"leafIndex":26,', '{"note":1,"leafIndex":26,'),
    ],
    ['a missing member', (t: string) => t.replace(/,"pathway":\{[^}]*\}/, '')],
    ['events out of order', (t: string) => t.replace('"leafIndex":26', '"leafIndex":28')],
    ['a negative leaf index', (t: string) => t.replace('"leafIndex":26', '"leafIndex":-26')],
    ['trailing text', (t: string) => `${t} x`],
  ])('refuses %s', (_name, edit) => {
    const edited = edit(text());
    expect(edited).not.toBe(text());
    expect(parseBundle(edited)).toMatchObject({ ok: false });
  });

  it.each([
    ['a leaf with a duplicate member', (l: string) => l.replace('{"data":', '{"data":{},"data":')],
    ['a leaf with an eighth member', (l: string) => l.replace(/\}$/, ',"zz":26}')],
    ['a leaf without metadata', (l: string) => l.replace(/"metadata":\{[^}]*\},/, '')],
    ['a leaf with revision 0.5', (l: string) => l.replace(/"revision":\d+/, '"revision":0.5')],
  ])('leaf-encoding refuses %s', async (_name, edit) => {
    const events = bundle.events.map((e, i) => (i === 1 ? { ...e, leaf: edit(e.leaf) } : e));
    expect(events[1]!.leaf).not.toBe(bundle.events[1]!.leaf);
    expect(await verifyBundle({ ...bundle, events }, w.policy)).toMatchObject({
      ok: false,
      check: 'leaf-encoding',
      entry: 1,
    });
  });
});
