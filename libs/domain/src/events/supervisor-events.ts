import type { Procedure, SupervisorKind } from '../vocabulary/vocabulary';

export interface SupervisorAccredited {
  supervisorId: string;
  /** GMC reference number (7 digits): professional registration, not patient data. */
  gmcNumber: string;
  kind: SupervisorKind;
  institutionIds: string[];
  procedures: Procedure[];
  validFrom: string;
  validUntil?: string;
  /** For a medical director: the principal training hospital they direct. */
  principalTrainingHospital?: boolean;
}

export interface SupervisorAccreditationRevoked {
  supervisorId: string;
  revokedOn: string;
  reason: string;
  /**
   * Revoked for cause (conduct, competence), not for an administrative reason: the granted
   * decisions that counted this supervisor's sign-offs are flagged for the panel's review.
   */
  forCause?: boolean;
}
