import {
  AUDIT_BUNDLE_FORMAT,
  checkBundleShape,
  checkTraineeBundleShape,
  TRAINEE_BUNDLE_FORMAT,
  verifyTraineeBundle,
  type TraineeBundleVerification,
  verifyAuditBundle,
  verifyBundle,
  type AuditBundle,
  type AuditBundleVerification,
  type BundleVerification,
  type VerifyOptions,
} from '@inr/ledger';
import { parseStrictJson, parseTrustPolicy, type StrictJson } from '@inr/transparency';
import { reEvaluateDecision } from './re-evaluate-decision';
import { recomputeAudit } from './recompute-audit';

/** Thrown for input that is not a bundle or a policy at all (a usage error, not a failed check). */
export class VerifyInputError extends Error {}

/**
 * Offline verification in the order of docs/ledger-format.md §8.2: strict parsing (format),
 * signatures, quorum, proofs, then for a provenance bundle the decision's leaf, pathway and
 * evidence and the re-evaluation, for an audit bundle the audit recomputed, or for a trainee
 * bundle its commitment, completeness and foreign bundles (§15.3).
 */
export async function verifyBundleText(
  bundleText: string,
  policyText: string,
  options: VerifyOptions = {},
): Promise<BundleVerification | AuditBundleVerification | TraineeBundleVerification> {
  let policy;
  try {
    policy = parseTrustPolicy(policyText);
  } catch (e) {
    throw new VerifyInputError(`trust policy: ${e instanceof Error ? e.message : 'unreadable'}`);
  }
  let parsed: StrictJson;
  try {
    parsed = parseStrictJson(bundleText);
  } catch (e) {
    const reason = `not strict JSON: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, check: 'format', reason };
  }
  const value = parsed.value as { format?: unknown } | null;
  if (typeof value === 'object' && value?.format === TRAINEE_BUNDLE_FORMAT) {
    const shape = checkTraineeBundleShape(value, parsed.nonIntegerLexemes);
    if (!shape.ok) return { ok: false, check: 'format', reason: shape.reason };
    return verifyTraineeBundle(shape.bundle, policy);
  }
  try {
    if (typeof value === 'object' && value?.format === AUDIT_BUNDLE_FORMAT)
      return await verifyAuditBundle(value as AuditBundle, policy, recomputeAudit);
  } catch (e) {
    // A field of the wrong shape (proof not a list, leaf not a string) is a malformed bundle.
    return { ok: false, check: 'format', reason: e instanceof Error ? e.message : 'malformed' };
  }
  const shape = checkBundleShape(parsed.value, parsed.nonIntegerLexemes);
  if (!shape.ok) return { ok: false, check: 'format', reason: shape.reason };
  return verifyBundle(shape.bundle, policy, reEvaluateDecision, options);
}
