import { leafHash, leafJson, type LeafSource } from '@inr/transparency';
import { commitEvidence, isApplicantRecord, type EvidenceCommitment } from './evidence';

// docs/ledger-format.md §15: which leaves make up a trainee's record, and which leaves are the
// accreditations of the people who signed in it. Both the exporter and any verifier use these.

export const TRAINEE_RECORD_COMMITTED = 'TraineeRecordCommitted';
export const RECOGNITION_EVENT_TYPE = 'ExternalEvidenceRecognised';
const ACCREDITATION_TYPES = new Set(['SupervisorAccredited', 'SupervisorAccreditationRevoked']);
/** Members of a record leaf's data that name a person who signed or assessed. */
const SIGNER_MEMBERS = ['supervisorId', 'assessorId', 'signerId'] as const;

type Data = Record<string, unknown>;
const isObj = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A leaf of the trainee's record: its data names the trainee; commitments themselves are not. */
export function isRecordLeaf(type: unknown, data: unknown, traineeId: string): boolean {
  return type !== TRAINEE_RECORD_COMMITTED && isApplicantRecord(data, traineeId);
}

/** The people a record leaf names as signer, supervisor or assessor. */
export function signersNamed(data: unknown): string[] {
  if (!isObj(data)) return [];
  return SIGNER_MEMBERS.map((m) => data[m]).filter((v): v is string => typeof v === 'string');
}

/** An accreditation leaf of one of `signers` (granted or revoked). */
export function isSignerAccreditation(
  type: unknown,
  data: unknown,
  signers: ReadonlySet<string>,
): boolean {
  return (
    typeof type === 'string' &&
    ACCREDITATION_TYPES.has(type) &&
    isObj(data) &&
    typeof data['supervisorId'] === 'string' &&
    signers.has(data['supervisorId'])
  );
}

export interface TraineeRecordCommitment {
  traineeId: string;
  recordSize: number;
  record: EvidenceCommitment;
  accreditations: EvidenceCommitment;
}

/**
 * The commitment over a trainee's record below `below` (events in any order, position = leaf
 * index): the record leaves, the accreditation leaves of everyone they name, and `recordSize`
 * one past the last of them (so exporting an unchanged record twice commits the same thing).
 */
export function traineeRecordCommitment(
  events: Iterable<LeafSource & { position: number }>,
  traineeId: string,
  below: number,
): TraineeRecordCommitment {
  const all = [...events].filter((e) => e.position < below);
  const record = all.filter((e) => isRecordLeaf(e.type, e.data, traineeId));
  const signers = new Set(record.flatMap((e) => signersNamed(e.data)));
  const accreditations = all.filter((e) => isSignerAccreditation(e.type, e.data, signers));
  const hashed = (list: typeof all) =>
    commitEvidence(list.map((e) => ({ leafIndex: e.position, leafHash: leafHash(leafJson(e)) })));
  const last = Math.max(
    -1,
    ...record.map((e) => e.position),
    ...accreditations.map((e) => e.position),
  );
  return {
    traineeId,
    recordSize: last + 1,
    record: hashed(record),
    accreditations: hashed(accreditations),
  };
}
