import type { DecisionEvidence, JsonObject, ReviewResolution } from '../events';
import type { PanelConflicts } from '../panel/panel-rule';
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
  /** Who may not decide (see CastPanelVote); absent: none known to the caller. */
  conflicts?: PanelConflicts;
}

/**
 * One panel member's vote. It carries what a decision carries (the server's evaluation at
 * `ledgerSize`), so the vote that reaches the pathway's quorum records the decision as
 * `decisionId`; `conflicts` is who may not sit, as the server found it in the ledger.
 */
export type CastPanelVote = Omit<RecordCredentialDecision, 'type' | 'conflicts'> & {
  type: 'CastPanelVote';
  conflicts: PanelConflicts;
};

/** Follows a revocation for cause: the server finds the granted decisions it touches. */
export interface FlagCredentialForReview {
  type: 'FlagCredentialForReview';
  applicationId: string;
  flagId: string;
  decisionId: string;
  supervisorId: string;
  revokedOn: string;
  eventIds: string[];
  requirementIds: string[];
}

export interface ResolveCredentialReview {
  type: 'ResolveCredentialReview';
  applicationId: string;
  flagId: string;
  resolution: ReviewResolution;
  reason: string;
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
  | CastPanelVote
  | FlagCredentialForReview
  | ResolveCredentialReview
  | IssueCredential
  | SuspendCredential
  | ReinstateCredential
  | RevokeCredential;
