import { buildBundle, verifyBundle, type ProvenanceBundle } from '@inr/ledger';
import { parseTrustPolicy } from '@inr/transparency';
import { signAndWitness, world } from './fixtures';

describe('provenance bundle', () => {
  async function bundled(): Promise<{
    bundle: ProvenanceBundle;
    w: Awaited<ReturnType<typeof world>>;
  }> {
    const w = await world(25);
    const { checkpoint } = await signAndWitness(w, 2);
    const bundle = await buildBundle(
      w.log,
      checkpoint,
      [0, 7, 24],
      { pathway: 'MT-core' },
      { outcome: 'met' },
    );
    return { bundle, w };
  }

  it('verifies offline: log signature, 2-of-3 quorum, every inclusion proof, the decision', async () => {
    const { bundle, w } = await bundled();
    const seen: ProvenanceBundle[] = [];
    const r = await verifyBundle(
      JSON.parse(JSON.stringify(bundle)) as ProvenanceBundle,
      w.policy,
      (b) => {
        seen.push(b);
        return { ok: true };
      },
    );
    expect(r).toEqual({
      ok: true,
      report: expect.objectContaining({
        size: 25,
        events: 3,
        cosigners: ['W1', 'W2'],
        decisionReEvaluated: true,
      }),
    });
    expect(seen).toHaveLength(1);
  });

  it('names the failing check and entry', async () => {
    const { bundle, w } = await bundled();
    const edited = {
      ...bundle,
      events: bundle.events.map((e, i) =>
        i === 1 ? { ...e, leaf: e.leaf.replace('"n":7', '"n":8') } : e,
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
    ).toEqual({
      ok: false,
      check: 'decision',
      reason: 'outcome differs',
    });
  });
});
