import type { RequirementKind } from '../pathway/pathway';

export interface EvaluationOptions {
  /** The day the evaluation speaks for (YYYY-MM-DD). */
  evaluatedOn: string;
  /**
   * "What had the trainee done by this date?": evidence performed later is left out and rolling
   * windows end here. Defaults to evaluatedOn.
   */
  performedBy?: string;
}

/** One maintenance alternative, e.g. 15 cases in the last 12 months. */
export type AlternativeResult = {
  target: number;
  windowMonths: number;
  achieved: number;
  met: boolean;
};

// Type aliases (not interfaces) and no optional fields, so an Evaluation is a JsonObject and
// can be stored verbatim in CredentialDecisionRecorded.evaluation.
export type RequirementResult = {
  id: string;
  kind: RequirementKind;
  description: string;
  target: number;
  achieved: number;
  met: boolean;
  /** Sorted ids of the events that counted (CaseLogged, AssessmentRecorded, …): the provenance. */
  countedEventIds: string[];
  /** Sorted ids of the amendments and sign-offs behind the counted cases. */
  supportingEventIds: string[];
  /** Sorted names of parameters with confirmed:false that this result relies on. */
  unconfirmedParameters: string[];
  /** Maintenance only: every alternative; empty for other kinds. */
  alternatives: AlternativeResult[];
};

export type Evaluation = {
  pathwayId: string;
  pathwayVersion: string;
  traineeId: string;
  evaluatedOn: string;
  performedBy: string;
  met: boolean;
  requirements: RequirementResult[];
};
