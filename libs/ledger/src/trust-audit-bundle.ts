import { toBase64, type TrustPolicy } from '@inr/transparency';
import { verifyEventProofs, type BundleEvent, type BundleReport, type ProofCheck } from './bundle';

export const AUDIT_BUNDLE_FORMAT = 'inr-ledger-audit-bundle/v1';

/** A trust's audit with every event it was computed from, each proven in one signed checkpoint. */
export interface AuditBundle {
  format: typeof AUDIT_BUNDLE_FORMAT;
  /** The signed checkpoint note with the witness cosignature lines appended. */
  checkpoint: string;
  events: BundleEvent[];
  /** What was audited: institution and performed period (inclusive). */
  scope: { institutionId: string; from: string; to: string };
  /** The audit report as computed at the checkpoint; a verifier recomputes and compares it. */
  report: unknown;
}

export type AuditBundleCheck = 'format' | ProofCheck | 'report';

export type AuditBundleVerification =
  | {
      ok: true;
      report: Omit<BundleReport, 'decisionReEvaluated' | 'evidenceCommitted' | 'foreign'>;
    }
  | { ok: false; check: AuditBundleCheck; entry?: number; reason: string };

/** Recomputes the report from the proven events; lives where the audit's definitions live. */
export type RecomputeAudit = (
  bundle: AuditBundle,
  checkpoint: { origin: string; size: number; root: string },
) => { ok: true } | { ok: false; reason: string };

/**
 * The signatures, quorum and every event's inclusion are checked by the provenance bundle's
 * own verifier (the same code, the same order of checks); then the report is recomputed.
 */
export async function verifyAuditBundle(
  bundle: AuditBundle,
  policy: TrustPolicy,
  recompute: RecomputeAudit,
): Promise<AuditBundleVerification> {
  if (
    bundle.format !== AUDIT_BUNDLE_FORMAT ||
    typeof bundle.scope !== 'object' ||
    bundle.scope === null
  )
    return { ok: false, check: 'format', reason: `not an ${AUDIT_BUNDLE_FORMAT} bundle` };
  if (!Array.isArray(bundle.events))
    return { ok: false, check: 'format', reason: 'the bundle has no event list' };
  const indexes = bundle.events.map((e) => e.leafIndex);
  if (new Set(indexes).size !== indexes.length)
    return { ok: false, check: 'format', reason: 'an event appears twice' };
  if (typeof bundle.checkpoint !== 'string')
    return { ok: false, check: 'format', reason: 'the checkpoint is not a signed note' };
  const proofs = verifyEventProofs(
    { checkpoint: bundle.checkpoint, events: bundle.events },
    policy,
  );
  if (!proofs.ok) return proofs;
  const report = {
    origin: proofs.origin,
    size: proofs.size,
    root: toBase64(proofs.root),
    cosigners: proofs.cosigners,
    events: bundle.events.length,
  };
  const recomputed = recompute(bundle, {
    origin: report.origin,
    size: report.size,
    root: report.root,
  });
  if (!recomputed.ok) return { ok: false, check: 'report', reason: recomputed.reason };
  return { ok: true, report };
}
