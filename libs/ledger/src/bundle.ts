import { toBase64, type TrustPolicy } from '@inr/transparency';
import { checkBundleShape } from './bundle-shape';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_V2, type ProvenanceBundle } from './bundle-types';
import {
  checkDecision,
  recognitionsInEvidence,
  type DecisionCheckOptions,
} from './decision-checks';
import { verifyEventProofs } from './event-proofs';
import { checkForeignBundles, type TraineeBundleReport } from './trainee-bundle';

export { BUNDLE_FORMAT, BUNDLE_FORMAT_V2, verifyEventProofs };
export type { BundleDecision, BundleEvent, EventProofs, ProvenanceBundle } from './bundle-types';
export type { ProofCheck, ProofVerification } from './event-proofs';

export type BundleCheck =
  | 'format'
  | 'log-signature'
  | 'witness-quorum'
  | 'checkpoint'
  | 'leaf-encoding'
  | 'inclusion'
  | 'decision-leaf'
  | 'pathway'
  | 'evidence'
  | 'foreign'
  | 'decision';

export interface BundleReport {
  origin: string;
  size: number;
  root: string;
  cosigners: string[];
  events: number;
  /** False only for a pre-commitment decision accepted with allowUncommittedEvidence. */
  evidenceCommitted: boolean;
  decisionReEvaluated: boolean;
  /** v2: each foreign trainee bundle the evidence's recognitions rest on, verified (§8.4). */
  foreign: TraineeBundleReport[];
}

export type BundleVerification =
  | { ok: true; report: BundleReport }
  | { ok: false; check: BundleCheck; entry?: number; reason: string };

/** Re-runs the policy evaluation on the bundle's events; lives with the policy lib. */
export type ReEvaluate = (
  bundle: ProvenanceBundle,
) =>
  | { ok: true }
  | { ok: false; reason: string }
  | Promise<{ ok: true } | { ok: false; reason: string }>;

export type VerifyOptions = DecisionCheckOptions;

/**
 * Verify a bundle with nothing but the bundle and a trust policy, in the order of
 * docs/ledger-format.md §8.2: shape, checkpoint, each leaf and its inclusion, the decision's
 * leaf, its pathway, its evidence set, the foreign bundles its recognitions rest on (§8.4),
 * then (when given) the re-evaluation.
 */
export async function verifyBundle(
  input: unknown,
  policy: TrustPolicy,
  reEvaluate?: ReEvaluate,
  options: VerifyOptions = {},
): Promise<BundleVerification> {
  const shape = checkBundleShape(input);
  if (!shape.ok) return { ok: false, check: 'format', reason: shape.reason };
  const bundle = shape.bundle;
  const proven = verifyEventProofs(bundle, policy);
  if (!proven.ok) return proven;
  const decided = checkDecision(bundle, options);
  if (!decided.ok) return decided;
  const recognitions = recognitionsInEvidence(bundle);
  if (bundle.format === BUNDLE_FORMAT && recognitions.length > 0)
    return {
      ok: false,
      check: 'foreign',
      reason: `the evidence holds ${recognitions.length} recognition(s) of another ledger's evidence: only an ${BUNDLE_FORMAT_V2} bundle carries what they rest on`,
    };
  const foreign = checkForeignBundles(bundle.foreign ?? [], recognitions, policy);
  if (!foreign.ok) return foreign;
  if (reEvaluate !== undefined) {
    const r = await reEvaluate(bundle);
    if (!r.ok) return { ok: false, check: 'decision', reason: r.reason };
  }
  return {
    ok: true,
    report: {
      origin: proven.origin,
      size: proven.size,
      root: toBase64(proven.root),
      cosigners: proven.cosigners,
      events: bundle.events.length,
      evidenceCommitted: decided.evidenceCommitted,
      decisionReEvaluated: reEvaluate !== undefined,
      foreign: foreign.reports,
    },
  };
}
