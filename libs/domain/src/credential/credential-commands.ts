import type { DecisionEvidence, JsonObject } from '../events';
import type { CredentialOutcome } from '../vocabulary/vocabulary';

/** A trainee applies for a credential against one published pathway version. */
export interface SubmitCredentialApplication {
  type: 'SubmitCredentialApplication';
  applicationId: string;
  traineeId: string;
  pathwayId: string;
  pathwayVersion: string;
}

/**
 * The panel's decision. The caller runs the policy evaluator at `ledgerSize` and passes its
 * output as `evaluation` (an object with a boolean `met`); the decision records it verbatim.
 */
export interface RecordCredentialDecision {
  type: 'RecordCredentialDecision';
  applicationId: string;
  decisionId: string;
  outcome: CredentialOutcome;
  pathwayVersion: string;
  pathwayHash: string;
  ledgerSize: number;
  /** The commitment to the applicant's record below ledgerSize that the evaluator was given. */
  evidence: DecisionEvidence;
  evaluation: JsonObject;
  reasons: string;
  /** Required, and only allowed, when granting against an evaluation that is not met. */
  overrideReason?: string;
  panelMemberId: string;
}

export interface IssueCredential {
  type: 'IssueCredential';
  applicationId: string;
  credentialId: string;
}

export interface SuspendCredential {
  type: 'SuspendCredential';
  applicationId: string;
  reason: string;
}

export interface ReinstateCredential {
  type: 'ReinstateCredential';
  applicationId: string;
  reason: string;
}

export interface RevokeCredential {
  type: 'RevokeCredential';
  applicationId: string;
  reason: string;
}

export type CredentialCommand =
  | SubmitCredentialApplication
  | RecordCredentialDecision
  | IssueCredential
  | SuspendCredential
  | ReinstateCredential
  | RevokeCredential;
