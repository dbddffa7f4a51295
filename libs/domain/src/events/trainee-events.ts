import type {
  AssessmentOutcome,
  AssessmentType,
  Procedure,
  Specialty,
  SupervisorKind,
} from '../vocabulary/vocabulary';

export interface TraineeEnrolled {
  traineeId: string;
  institutionId: string;
  specialty: Specialty;
  /** Training stage, e.g. "ST5", "post-CCT", "consultant". */
  stage: string;
  enrolledOn: string;
  pathwayIds: string[];
}

export interface TraineeTransferred {
  traineeId: string;
  fromInstitutionId: string;
  toInstitutionId: string;
  transferredOn: string;
}

export interface AssessmentRecorded {
  assessmentId: string;
  traineeId: string;
  type: AssessmentType;
  procedure?: Procedure;
  outcome: AssessmentOutcome;
  assessorId: string;
  performedOn: string;
  comment?: string;
  /** The trainee's request this assessment completes, if it came from the assessor's queue. */
  requestId?: string;
}

/** One signer's sign-off of a competency; a competency needing n signers needs n such events from distinct people. */
export interface CompetencySignedOff {
  traineeId: string;
  competencyId: string;
  signerId: string;
  signerKind: SupervisorKind;
  institutionId: string;
  signedOn: string;
  /** The trainee's request this signature answers, if it came from the signer's queue. */
  requestId?: string;
}

export interface RotaParticipationRecorded {
  traineeId: string;
  institutionId: string;
  from: string;
  to: string;
  shifts: number;
}

/**
 * A placement at another trust, declared by the trainee's own trust: from `from` to `to`
 * (inclusive) the trainee also trains at `institutionId`, and may log cases there.
 */
export interface RotationDeclared {
  traineeId: string;
  institutionId: string;
  from: string;
  to: string;
  declaredBy: string;
}

/** Training time recognised towards a pathway, including time from other colleges or sites. */
export interface TrainingTimeRecognised {
  traineeId: string;
  setting: 'neurointerventional-unit' | 'diagnostic-neuroradiology' | 'clinical-neurosciences';
  months: number;
  from: string;
  to: string;
  recognisedBy: string;
  /** Where the time was spent (an institution id or name); required since schema 1 was extended. */
  sourceInstitution?: string;
  /** The college or training programme the time was spent under, e.g. "RCR clinical radiology". */
  programme?: string;
  /** Reference to the evidence seen (a letter, an ARCP outcome), never a document's content. */
  evidenceRef?: string;
  /**
   * Set when the time rests on another ledger's evidence recognised here: the recognition, the
   * foreign log's origin and the content address of the trainee bundle it verified. Absent on
   * time recognised from a letter (and on every event written before this member existed).
   */
  restsOn?: TrainingTimeEvidence;
}

/** The verified foreign bundle recognised training time rests on (docs/ledger-format.md §15.4). */
export interface TrainingTimeEvidence {
  recognitionId: string;
  origin: string;
  bundleHash: string;
}

/** The subject's erasable data key was destroyed: ciphertext in the ledger is now unreadable. */
export interface SubjectDataErased {
  subjectId: string;
  erasedOn: string;
  reason: string;
}
