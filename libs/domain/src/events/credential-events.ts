import type { Role } from '../vocabulary/vocabulary';
import type { CredentialOutcome } from '../vocabulary/vocabulary';
import type { JsonObject } from './json';

export interface PolicyPublished {
  pathwayId: string;
  version: string;
  /** SHA-256 (hex) of the pathway's canonical JSON. */
  contentHash: string;
  document: JsonObject;
  /** Who published it and why; versions published before pathways had owners lack them. */
  publishedBy?: string;
  publishedOn?: string;
  changeNote?: string;
}

export interface CredentialApplicationSubmitted {
  applicationId: string;
  traineeId: string;
  pathwayId: string;
  pathwayVersion: string;
  submittedOn: string;
}

/**
 * The applicant's record the evaluation considered (docs/ledger-format.md §8.2): the leaves
 * below `ledgerSize` whose data.traineeId is the applicant, by index and leaf hash.
 */
export interface DecisionEvidence {
  /** Strictly ascending leaf indexes, each below ledgerSize. */
  leafIndexes: number[];
  /** Lowercase hex SHA-256 over uint64be(leafIndex) || leaf hash, per leaf in that order. */
  digest: string;
}

export interface CredentialDecisionRecorded {
  applicationId: string;
  decisionId: string;
  traineeId: string;
  outcome: CredentialOutcome;
  pathwayId: string;
  pathwayVersion: string;
  pathwayHash: string;
  /** Ledger tree size (number of events in $all) the evaluation was run at. */
  ledgerSize: number;
  /** What the evaluation stood on; null only for decisions recorded before schema version 2. */
  evidence: DecisionEvidence | null;
  /** The policy evaluator's output, recorded verbatim so a replay can be compared byte for byte. */
  evaluation: JsonObject;
  reasons: string;
  /** Required when granting against a failing evaluation. */
  overrideReason?: string;
  /** The member who recorded it (with a panel quorum: the vote that reached it). */
  panelMemberId: string;
  /**
   * With a panel quorum (docs/pathway-format.md §1.8): every member whose vote concurred, in
   * order of voting. Absent for a single member's decision.
   */
  concurringMemberIds?: string[];
  decidedOn: string;
}

export interface CredentialIssued {
  applicationId: string;
  credentialId: string;
  traineeId: string;
  pathwayId: string;
  issuedOn: string;
}

export interface CredentialSuspended {
  applicationId: string;
  credentialId: string;
  reason: string;
  suspendedOn: string;
  /**
   * The role that suspended it. A regulator's suspension is lifted only by a regulator; events
   * written before this field existed count as not a regulator's.
   */
  suspendedByRole?: Role;
}

export interface CredentialReinstated {
  applicationId: string;
  credentialId: string;
  reason: string;
  reinstatedOn: string;
}

export interface CredentialRevoked {
  applicationId: string;
  credentialId: string;
  reason: string;
  revokedOn: string;
}
