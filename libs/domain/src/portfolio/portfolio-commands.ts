import type { ReflectionAudience } from '../events';
import type { AssessmentType, Procedure } from '../vocabulary/vocabulary';

// What a trainee starts themself, on their own record (the trainee stream). The trainee is the
// actor; dates are stamped by the decider with `context.today`.

export interface RequestAssessment {
  type: 'RequestAssessment';
  traineeId: string;
  requestId: string;
  assessorId: string;
  assessmentType: AssessmentType;
  procedure?: Procedure;
  caseId?: string;
  note?: string;
}

export interface RequestCompetencySignOff {
  type: 'RequestCompetencySignOff';
  traineeId: string;
  requestId: string;
  competencyId: string;
  signerId: string;
  institutionId: string;
  note?: string;
}

/** The trainee takes back one of their requests still waiting in someone's queue. */
export interface WithdrawRequest {
  type: 'WithdrawRequest';
  traineeId: string;
  requestId: string;
  reason?: string;
}

export interface WriteReflection {
  type: 'WriteReflection';
  traineeId: string;
  reflectionId: string;
  title: string;
  text: string;
  caseId?: string;
  sharedWith: ReflectionAudience;
}

export interface ShareReflection {
  type: 'ShareReflection';
  traineeId: string;
  reflectionId: string;
  sharedWith: ReflectionAudience;
}

export type PortfolioCommand =
  | RequestAssessment
  | RequestCompetencySignOff
  | WithdrawRequest
  | WriteReflection
  | ShareReflection;
