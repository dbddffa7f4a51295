import type { OperatorRole, Procedure, SupervisionLevel } from '../vocabulary/vocabulary';

/** A set of leaves by index, with a digest over (index, leaf hash): docs/ledger-format.md §15. */
export interface LeafSetCommitment {
  leafIndexes: number[];
  digest: string;
}

/**
 * The ledger's statement, made when a trainee's record is exported, of which leaves make up the
 * record below `recordSize` and which accreditation leaves of the people who signed in it.
 * A receiving ledger checks a trainee bundle against it (docs/ledger-format.md §15).
 */
export interface TraineeRecordCommitted {
  traineeId: string;
  recordSize: number;
  record: LeafSetCommitment;
  accreditations: LeafSetCommitment;
}

/** What a recognition covers of the foreign record. */
export type RecognitionScope =
  | { kind: 'all' }
  | { kind: 'events'; leafIndexes: number[] }
  | { kind: 'period'; from: string; to: string };

/** A foreign case as its own ledger's events left it, counted with its original facts. */
export interface RecognisedCase {
  /** Leaf index of the foreign CaseLogged event, and its event id. */
  leafIndex: number;
  eventId: string;
  caseId: string;
  institutionId: string;
  procedure: Procedure;
  performedOn: string;
  operatorRole: OperatorRole;
  /** Absent for a self-attested case, which names no supervisor. */
  supervisorId?: string;
  supervisionLevel: SupervisionLevel;
  signedOff: boolean;
}

/**
 * Evidence from another ledger, verified offline against this ledger's trust policy and
 * recognised for the trainee: the foreign log, the checkpoint it was proven in, the leaves
 * recognised, and the bundle's content address (the bundle is kept so anyone can re-verify).
 */
export interface ExternalEvidenceRecognised {
  traineeId: string;
  recognitionId: string;
  /** The foreign log's origin and the checkpoint (size, base64 root) the bundle was proven in. */
  origin: string;
  checkpoint: { size: number; root: string };
  /** Lowercase hex SHA-256 of the RFC 8785 form of the trainee bundle. */
  bundleHash: string;
  foreignTraineeId: string;
  scope: RecognitionScope;
  /** The recognised foreign leaves: index and hex leaf hash. */
  leaves: { leafIndex: number; leafHash: string }[];
  cases: RecognisedCase[];
  /** Institutions the recognised cases were performed at. */
  sourceInstitutions: string[];
  recognisedBy: string;
  recognisedOn: string;
  reason: string;
}

export interface ExternalEvidenceRecognitionWithdrawn {
  traineeId: string;
  recognitionId: string;
  withdrawnBy: string;
  withdrawnOn: string;
  reason: string;
}
