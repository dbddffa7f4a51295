import type { CredentialOutcome } from '../vocabulary/vocabulary';

/**
 * One panel member's vote on a credential application. Votes count towards the quorum of their
 * round (a deferral starts a new round); the decision is recorded with the vote that reaches it.
 * `reasons` and `overrideReason` are the member's own words (personal data).
 */
export interface PanelVoteCast {
  applicationId: string;
  traineeId: string;
  panelMemberId: string;
  /** The member's institution, from their token; the pathway's institution rule reads it. */
  institutionId?: string;
  outcome: CredentialOutcome;
  reasons: string;
  /** Required, and only allowed, when voting to grant against an evaluation that is not met. */
  overrideReason?: string;
  /** The ledger size the member's evaluation was run at, and whether it was met. */
  ledgerSize: number;
  evaluationMet: boolean;
  /** Deferrals before this vote: 0 for the first round. */
  round: number;
  votedOn: string;
}

/** Why a granted decision needs another look. */
export const REVIEW_CAUSES = ['signer-revoked-for-cause'] as const;
export type ReviewCause = (typeof REVIEW_CAUSES)[number];

/**
 * A granted decision flagged for the panel's review: it counted evidence vouched for by a
 * supervisor whose accreditation was later revoked for cause. The flag changes neither the
 * decision nor the credential's status; the panel decides what follows.
 */
export interface CredentialFlaggedForReview {
  flagId: string;
  applicationId: string;
  decisionId: string;
  traineeId: string;
  cause: ReviewCause;
  supervisorId: string;
  /** The revocation's first day without accreditation. */
  revokedOn: string;
  /** The evidence this signer vouched for: counted events and the sign-offs behind them. */
  eventIds: string[];
  /** Requirements of the recorded evaluation that counted that evidence. */
  requirementIds: string[];
  flaggedOn: string;
}

/** The panel's answer to a flag: the credential stands, or the panel acted on it (separately). */
export const REVIEW_RESOLUTIONS = ['credential-stands', 'action-taken'] as const;
export type ReviewResolution = (typeof REVIEW_RESOLUTIONS)[number];

export interface CredentialReviewResolved {
  flagId: string;
  applicationId: string;
  decisionId: string;
  traineeId: string;
  resolution: ReviewResolution;
  /** The panel member's words (personal data). */
  reason: string;
  panelMemberId: string;
  resolvedOn: string;
}
