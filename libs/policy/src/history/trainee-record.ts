import type {
  AssessmentRecorded,
  CaseDetails,
  OperatorRole,
  Procedure,
  SupervisionLevel,
  SignOffStatus,
  SupervisorKind,
  TrainingTimeRecognised,
} from '@inr/domain';

/** A case as its events leave it: the logged values with amendments applied. */
export interface CaseEvidence {
  caseId: string;
  /** The CaseLogged event id: what a requirement cites when the case counts. */
  loggedEventId: string;
  position: number;
  institutionId: string;
  procedure: Procedure;
  performedOn: string;
  operatorRole: OperatorRole;
  /** Absent on a self-attested case. */
  supervisorId: string | undefined;
  supervisionLevel: SupervisionLevel;
  details: CaseDetails;
  retracted: boolean;
  /**
   * Only 'signed-off' counts for a signed-off filter (and 'self-attested', where the filter
   * accepts self-attested cases); a withdrawn sign-off is kept as 'awaiting'.
   */
  signOff: Exclude<SignOffStatus, 'withdrawn'>;
  /** Amendments and the standing sign-off: the events that made the case what it is now. */
  supportingEventIds: string[];
  /**
   * Set on a case recognised from another ledger (ExternalEvidenceRecognised): its log and the
   * recognition. Such a case counts only where a filter says `externalEvidence: true`; its
   * `loggedEventId` is the foreign CaseLogged event's id, its dates and signer the original ones.
   */
  external?: { origin: string; recognitionId: string; leafIndex: number };
}

export interface AssessmentState {
  eventId: string;
  type: AssessmentRecorded['type'];
  outcome: AssessmentRecorded['outcome'];
  procedure: Procedure | undefined;
  performedOn: string;
}

export interface CompetencySignOffState {
  eventId: string;
  position: number;
  competencyId: string;
  signerId: string;
  signerKind: SupervisorKind;
  institutionId: string;
  signedOn: string;
  /** The trainee's institution (enrolment, then transfers) when this sign-off entered the ledger. */
  traineeInstitutionAtSigning: string | undefined;
}

export interface RotaState {
  eventId: string;
  from: string;
  to: string;
  shifts: number;
}

export type TrainingTimeState = { eventId: string } & Pick<
  TrainingTimeRecognised,
  | 'setting'
  | 'months'
  | 'from'
  | 'to'
  | 'sourceInstitution'
  | 'programme'
  | 'evidenceRef'
  | 'restsOn'
>;

/** Everything one trainee's history holds that a pathway can ask about, in ledger order. */
export interface TraineeRecord {
  traineeId: string;
  cases: CaseEvidence[];
  assessments: AssessmentState[];
  competencySignOffs: CompetencySignOffState[];
  rota: RotaState[];
  trainingTime: TrainingTimeState[];
}
