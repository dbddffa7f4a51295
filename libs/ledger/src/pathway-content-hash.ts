import { canonicalJson, sha256, toHex } from '@inr/transparency';

/**
 * A pathway document's content hash (docs/pathway-format.md, "Content hash"): lowercase hex
 * SHA-256 of its RFC 8785 canonical JSON. Publication records it; a decision cites it.
 */
export function pathwayContentHash(document: unknown): string {
  return toHex(sha256(Buffer.from(canonicalJson(document), 'utf8')));
}
