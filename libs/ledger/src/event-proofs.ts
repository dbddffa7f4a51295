import {
  canonicalJson,
  leafHash,
  leafSchemaError,
  parseStrictJson,
  verifyCheckpointNote,
  verifyInclusion,
  type TrustPolicy,
} from '@inr/transparency';
import type { EventProofs } from './bundle-event';
import { proofHashes } from './decision-checks';

export type ProofCheck =
  'log-signature' | 'witness-quorum' | 'checkpoint' | 'leaf-encoding' | 'inclusion';

export type ProofVerification =
  | { ok: true; origin: string; size: number; root: Uint8Array; cosigners: string[] }
  | { ok: false; check: ProofCheck; entry?: number; reason: string };

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
