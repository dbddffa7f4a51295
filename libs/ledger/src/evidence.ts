import { leafHash, leafJson, sha256, toHex, type LeafSource } from '@inr/transparency';

/**
 * What a credential decision commits to (docs/ledger-format.md §8.2): the applicant's record
 * the evaluation considered, i.e. every leaf below the evaluated tree size whose
 * `data.traineeId` is the applicant, by leaf index and leaf hash. A bundle must carry exactly
 * these leaves, so dropping or adding one fails without re-running the evaluator.
 */
export type EvidenceCommitment = {
  /** Leaf indexes of the committed events, strictly ascending. */
  leafIndexes: number[];
  /** Lowercase hex SHA-256 over, per event in that order, uint64be(leafIndex) || leaf hash. */
  digest: string;
};

export interface EvidenceLeaf {
  leafIndex: number;
  /** RFC 9162 leaf hash, SHA-256(0x00 || leaf bytes). */
  leafHash: Uint8Array;
}

/** Whether an event's payload belongs to the applicant's record: `data.traineeId` names them. */
export function isApplicantRecord(data: unknown, traineeId: string): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    (data as { traineeId?: unknown }).traineeId === traineeId
  );
}

/** The digest over leaves already in ascending leaf-index order. */
export function evidenceDigest(leaves: readonly EvidenceLeaf[]): string {
  const buf = Buffer.alloc(leaves.length * 40);
  leaves.forEach((l, i) => {
    buf.writeBigUInt64BE(BigInt(l.leafIndex), i * 40);
    buf.set(l.leafHash, i * 40 + 8);
  });
  return toHex(sha256(buf));
}

/** The commitment over leaves in any order (sorted here by leaf index). */
export function commitEvidence(leaves: readonly EvidenceLeaf[]): EvidenceCommitment {
  const sorted = [...leaves].sort((a, b) => a.leafIndex - b.leafIndex);
  return { leafIndexes: sorted.map((l) => l.leafIndex), digest: evidenceDigest(sorted) };
}

/**
 * The commitment for `traineeId` over recorded events (position = leaf index), taking those
 * below `ledgerSize` whose payload names the trainee: what the evaluator was given.
 */
export function evidenceOf(
  events: Iterable<LeafSource & { position: number }>,
  traineeId: string,
  ledgerSize: number,
): EvidenceCommitment {
  const leaves: EvidenceLeaf[] = [];
  for (const e of events) {
    if (e.position < ledgerSize && isApplicantRecord(e.data, traineeId))
      leaves.push({ leafIndex: e.position, leafHash: leafHash(leafJson(e)) });
  }
  return commitEvidence(leaves);
}
