import type {
  AssessmentRecorded,
  RotaParticipationRecorded,
  RotationDeclared,
  TrainingTimeRecognised,
} from '../events';
import type { AssessmentType, Specialty } from '../vocabulary/vocabulary';

// Commands name what the user asks for. Dates of signatures and records are not fields: the
// decider stamps them with `context.today`, so nobody can backdate a signature.

export interface EnrolTrainee {
  type: 'EnrolTrainee';
  traineeId: string;
  institutionId: string;
  specialty: Specialty;
  stage: string;
  enrolledOn: string;
  pathwayIds: string[];
}

export interface TransferTrainee {
  type: 'TransferTrainee';
  traineeId: string;
  toInstitutionId: string;
  transferredOn: string;
}

/**
 * The assessor is the actor; `performedOn` is when the assessment took place. The event's
 * `type` field (Rad-DOPS, CbD, ...) is `assessmentType` here, as `type` names the command.
 */
export type RecordAssessment = { type: 'RecordAssessment'; assessmentType: AssessmentType } & Omit<
  AssessmentRecorded,
  'type'
>;

/** One signer's sign-off; the signer is the actor and is checked against their accreditation. */
export interface SignOffCompetency {
  type: 'SignOffCompetency';
  traineeId: string;
  competencyId: string;
  signerId: string;
  institutionId: string;
  /** The trainee's request this signature answers (from the signer's queue). */
  requestId?: string;
}

/** `recordedBy` is the caller; a supervisor or director must be accredited where the rota ran. */
export type RecordRotaParticipation = {
  type: 'RecordRotaParticipation';
  recordedBy: string;
} & RotaParticipationRecorded;

/**
 * New recognitions must say where the time was spent, under whom, and on what evidence; with
 * `recognitionId`, the time rests on that (active) recognition of another ledger's bundle, and
 * the event records which (`restsOn`, filled by the decider, never by the caller).
 */
export type RecogniseTrainingTime = { type: 'RecogniseTrainingTime' } & Omit<
  TrainingTimeRecognised,
  'restsOn'
> &
  Required<Pick<TrainingTimeRecognised, 'sourceInstitution' | 'programme' | 'evidenceRef'>> & {
    recognitionId?: string;
  };

/** `declaredBy` is the caller: the director of the trainee's own trust, or an admin. */
export type DeclareRotation = { type: 'DeclareRotation' } & RotationDeclared;

export type TraineeCommand =
  | EnrolTrainee
  | TransferTrainee
  | DeclareRotation
  | RecordAssessment
  | SignOffCompetency
  | RecordRotaParticipation
  | RecogniseTrainingTime;
