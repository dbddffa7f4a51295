import {
  canonicalJson,
  leafHash,
  leafSchemaError,
  parseStrictJson,
  toBase64,
  verifyCheckpointNote,
  verifyInclusion,
  type TrustPolicy,
} from '@inr/transparency';
import { checkBundleShape } from './bundle-shape';
import { BUNDLE_FORMAT, type EventProofs, type ProvenanceBundle } from './bundle-types';
import { checkDecision, proofHashes, type DecisionCheckOptions } from './decision-checks';

export { BUNDLE_FORMAT };
export type { BundleDecision, BundleEvent, EventProofs, ProvenanceBundle } from './bundle-types';

export type ProofCheck =
  'log-signature' | 'witness-quorum' | 'checkpoint' | 'leaf-encoding' | 'inclusion';

export type ProofVerification =
  | { ok: true; origin: string; size: number; root: Uint8Array; cosigners: string[] }
  | { ok: false; check: ProofCheck; entry?: number; reason: string };

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
 * leaf, its pathway, its evidence set, then (when given) the re-evaluation.
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
    },
  };
}

/**
 * Checks 2 and 3 of §8.2: the checkpoint verifies under the policy, and every leaf is canonical,
 * of the leaf schema, and proven at its index. Reused by anything that ships proven leaves.
 */
export function verifyEventProofs(proofs: EventProofs, policy: TrustPolicy): ProofVerification {
  const cp = verifyCheckpointNote(proofs.checkpoint, policy);
  if (!cp.ok) {
    const check: ProofCheck = cp.reason.startsWith('log signature')
      ? 'log-signature'
      : cp.reason.startsWith('cosignature') || cp.reason.startsWith('witness quorum')
        ? 'witness-quorum'
        : 'checkpoint';
    return { ok: false, check, reason: cp.reason };
  }
  const { size, root, origin } = cp.value.checkpoint;
  for (const [entry, e] of proofs.events.entries()) {
    const encoding = leafEncodingError(e.leaf);
    if (encoding !== undefined)
      return { ok: false, check: 'leaf-encoding', entry, reason: encoding };
    const hashes = proofHashes(e.proof);
    if (hashes === undefined)
      return { ok: false, check: 'inclusion', entry, reason: 'proof hash is not base64' };
    if (!verifyInclusion(e.leafIndex, size, leafHash(e.leaf), hashes, root)) {
      return {
        ok: false,
        check: 'inclusion',
        entry,
        reason: `leaf ${e.leafIndex} is not in the tree of size ${size}`,
      };
    }
  }
  const cosigners = cp.value.cosigners.map((c) => c.name);
  return { ok: true, origin, size, root, cosigners };
}

/** §1: strict JSON, canonical (RFC 8785) byte for byte, and the seven-member schema. */
function leafEncodingError(leaf: string): string | undefined {
  if (typeof leaf !== 'string') return 'leaf is not a string';
  let parsed;
  try {
    parsed = parseStrictJson(leaf).value;
  } catch (e) {
    return `leaf is not strict JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
  let canonical;
  try {
    canonical = canonicalJson(parsed);
  } catch {
    return 'leaf has no RFC 8785 encoding';
  }
  if (canonical !== leaf) return 'leaf is not RFC 8785 canonical JSON';
  return leafSchemaError(parsed);
}
