import {
  AUDIT_BUNDLE_FORMAT,
  verifyAuditBundle,
  verifyBundle,
  type AuditBundle,
  type AuditBundleVerification,
  type BundleVerification,
  type ProvenanceBundle,
} from '@inr/ledger';
import { parseTrustPolicy } from '@inr/transparency';
import { reEvaluateDecision } from './re-evaluate-decision';
import { recomputeAudit } from './recompute-audit';

/** Thrown for input that is not a bundle or a policy at all (a usage error, not a failed check). */
export class VerifyInputError extends Error {}

/**
 * Offline verification: signatures, quorum, proofs, then the decision re-evaluated (a
 * provenance bundle) or the audit recomputed (an audit bundle).
 */
export async function verifyBundleText(
  bundleText: string,
  policyText: string,
): Promise<BundleVerification | AuditBundleVerification> {
  let policy;
  try {
    policy = parseTrustPolicy(policyText);
  } catch (e) {
    throw new VerifyInputError(`trust policy: ${e instanceof Error ? e.message : 'unreadable'}`);
  }
  let bundle: ProvenanceBundle;
  try {
    bundle = JSON.parse(bundleText) as ProvenanceBundle;
  } catch {
    return { ok: false, check: 'format', reason: 'the bundle is not JSON' };
  }
  if (typeof bundle !== 'object' || bundle === null)
    return { ok: false, check: 'format', reason: 'the bundle is not an object' };
  try {
    if ((bundle as { format?: unknown }).format === AUDIT_BUNDLE_FORMAT)
      return await verifyAuditBundle(bundle as unknown as AuditBundle, policy, recomputeAudit);
    return await verifyBundle(bundle, policy, reEvaluateDecision);
  } catch (e) {
    // A field of the wrong shape (proof not a list, leaf not a string) is a malformed bundle.
    return {
      ok: false,
      check: 'format',
      reason: e instanceof Error ? e.message : 'malformed bundle',
    };
  }
}
