import type { CaseCorrection, CaseLogged, ProcedureOutcome } from '../events';
import type { EntrustmentRating, SupervisionLevel } from '../vocabulary/vocabulary';

/** Logged by the trainee themself; `caseId` is chosen by the client (the API derives it). */
export type LogCase = { type: 'LogCase' } & CaseLogged;

/** Corrects a case; the procedure cannot change (retract and log again instead). */
export interface AmendCase {
  type: 'AmendCase';
  caseId: string;
  changes: CaseCorrection;
  reason: string;
}

export interface RetractCase {
  type: 'RetractCase';
  caseId: string;
  reason: string;
}

/** The signing supervisor is the actor; the sign-off is dated today by the ledger. */
export interface SignOffCase {
  type: 'SignOffCase';
  caseId: string;
  supervisorId: string;
  comment?: string;
  entrustment?: EntrustmentRating;
  /** The supervision level as the supervisor saw it, when the trainee recorded another. */
  supervisionLevel?: SupervisionLevel;
}

/** A supervisor refuses to sign the case as logged, and says why. */
export interface DisputeCaseSignOff {
  type: 'DisputeCaseSignOff';
  caseId: string;
  supervisorId: string;
  reason: string;
}

/** A follow-up outcome of the case's procedure: recorded beside the case, never amending it. */
export interface RecordCaseOutcome {
  type: 'RecordCaseOutcome';
  caseId: string;
  outcome: ProcedureOutcome;
}

export type CaseCommand =
  LogCase | AmendCase | RetractCase | SignOffCase | DisputeCaseSignOff | RecordCaseOutcome;
