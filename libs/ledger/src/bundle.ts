import {
  canonicalJson,
  fromBase64,
  leafHash,
  toBase64,
  verifyCheckpointNote,
  verifyInclusion,
  type TrustPolicy,
} from '@inr/transparency';

export const BUNDLE_FORMAT = 'inr-ledger-bundle/v1';

/** One logged event in a bundle, with its inclusion proof against the bundle's checkpoint. */
export interface BundleEvent {
  leafIndex: number;
  /** The canonical leaf JSON (RFC 8785), exactly the bytes that were hashed. */
  leaf: string;
  /** RFC 9162 inclusion proof, leaf to root, base64 hashes. */
  proof: string[];
}

/** What one decision stands on, verifiable offline with a trust policy. */
export interface ProvenanceBundle {
  format: typeof BUNDLE_FORMAT;
  /** The signed checkpoint note, with the witness cosignature lines appended. */
  checkpoint: string;
  events: BundleEvent[];
  /** The pathway (policy) document the decision was evaluated against. */
  pathway: unknown;
  /** The recorded decision (outcome) to confirm. */
  decision: unknown;
}

export type BundleCheck =
  | 'format'
  | 'log-signature'
  | 'witness-quorum'
  | 'checkpoint'
  | 'leaf-encoding'
  | 'inclusion'
  | 'decision';

export interface BundleReport {
  origin: string;
  size: number;
  root: string;
  cosigners: string[];
  events: number;
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

/**
 * Verify a bundle with nothing but the bundle and a trust policy: the log signature, the
 * witness quorum, each event's inclusion in the checkpoint, and (when given) the decision.
 */
export async function verifyBundle(
  bundle: ProvenanceBundle,
  policy: TrustPolicy,
  reEvaluate?: ReEvaluate,
): Promise<BundleVerification> {
  if (
    bundle.format !== BUNDLE_FORMAT ||
    typeof bundle.checkpoint !== 'string' ||
    !Array.isArray(bundle.events)
  ) {
    return { ok: false, check: 'format', reason: `not an ${BUNDLE_FORMAT} bundle` };
  }
  const cp = verifyCheckpointNote(bundle.checkpoint, policy);
  if (!cp.ok) {
    const check: BundleCheck = cp.reason.startsWith('log signature')
      ? 'log-signature'
      : cp.reason.startsWith('cosignature') || cp.reason.startsWith('witness quorum')
        ? 'witness-quorum'
        : 'checkpoint';
    return { ok: false, check, reason: cp.reason };
  }
  const { size, root, origin } = cp.value.checkpoint;
  for (const [entry, e] of bundle.events.entries()) {
    let canonical: string;
    try {
      canonical = canonicalJson(JSON.parse(e.leaf));
    } catch {
      return { ok: false, check: 'leaf-encoding', entry, reason: 'leaf is not JSON' };
    }
    if (canonical !== e.leaf) {
      return {
        ok: false,
        check: 'leaf-encoding',
        entry,
        reason: 'leaf is not RFC 8785 canonical JSON',
      };
    }
    const proof = e.proof.map(fromBase64);
    const hashes = proof.filter((p): p is Uint8Array => p !== undefined);
    if (hashes.length !== proof.length) {
      return { ok: false, check: 'inclusion', entry, reason: 'proof hash is not base64' };
    }
    const h = leafHash(Buffer.from(e.leaf, 'utf8'));
    if (!verifyInclusion(e.leafIndex, size, h, hashes, root)) {
      return {
        ok: false,
        check: 'inclusion',
        entry,
        reason: `leaf ${e.leafIndex} is not in the tree of size ${size}`,
      };
    }
  }
  if (reEvaluate !== undefined) {
    const r = await reEvaluate(bundle);
    if (!r.ok) return { ok: false, check: 'decision', reason: r.reason };
  }
  return {
    ok: true,
    report: {
      origin,
      size,
      root: toBase64(root),
      cosigners: cp.value.cosigners.map((c) => c.name),
      events: bundle.events.length,
      decisionReEvaluated: reEvaluate !== undefined,
    },
  };
}
