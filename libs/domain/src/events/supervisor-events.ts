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
}
