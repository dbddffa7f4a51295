import type {
  AnaesthesiaType,
  AngioAccessComplication,
  AngioCatheterComplication,
  AngioNeuroOutcome,
  CoilingComplication,
  CoilingTechnique,
  EntrustmentRating,
  EticiGrade,
  MtComplication,
  MtTechnique,
  OkmGrade,
  OcclusionSite,
  OperatorRole,
  Procedure,
  RaymondRoyClass,
  SichDefinition,
  SupervisionLevel,
} from '../vocabulary/vocabulary';

/** Clock times of a thrombectomy, as ISO 8601 local date-times ("2026-03-01T10:15"); all optional. */
export interface MtTimes {
  onsetOrLastKnownWell?: string;
  arrival?: string;
  groinPuncture?: string;
  firstDevice?: string;
  reperfusion?: string;
}

export interface ThrombectomyDetails {
  procedure: 'mechanical-thrombectomy';
  occlusionSite: OcclusionSite;
  tandemLesion: boolean;
  technique: MtTechnique;
  balloonGuideCatheter: boolean;
  rescueStenting: boolean;
  /** Reperfusion grade after each pass; its length is the number of passes (0 if abandoned after puncture). */
  eticiByPass: EticiGrade[];
  finalEtici: EticiGrade;
  times: MtTimes;
  complications: MtComplication[];
}

export interface CoilingDetails {
  procedure: 'aneurysm-coiling';
  ruptured: boolean;
  location: string;
  sizeMm: number;
  wideNeck: boolean;
  technique: CoilingTechnique;
  /** Immediate occlusion after coiling (simple, balloon- or stent-assisted); absent after flow diversion. */
  raymondRoy?: RaymondRoyClass;
  /** Flow diversion only: the immediate O'Kelly–Marotta grade, if graded on the day. */
  okmGrade?: OkmGrade;
  /** Flow diversion only: occlusion is graded at follow-up imaging, not on the day. */
  occlusionGradedAtFollowUp?: boolean;
  complications: CoilingComplication[];
}

export interface AngiographyDetails {
  procedure: 'diagnostic-angiography';
  indication: string;
  consentObtained: boolean;
  diagnosticSuccess: boolean;
  neurologicalComplication: AngioNeuroOutcome;
  accessSiteComplications: AngioAccessComplication[];
  /** Catheter-induced arterial dissection or subintimal passage (absent on older events: none). */
  catheterComplications?: AngioCatheterComplication[];
  /** Known only after a later blood test: absent means not recorded. */
  contrastNephropathy?: boolean;
  /** A contrast reaction needing treatment; absent means not recorded. */
  majorContrastReaction?: boolean;
}

export type CaseDetails = ThrombectomyDetails | CoilingDetails | AngiographyDetails;

/** What a trainee logs. `localRef` is a pseudonymous local reference: never a patient identifier. */
export interface CaseLogged {
  caseId: string;
  traineeId: string;
  institutionId: string;
  procedure: Procedure;
  /** Date the procedure happened (YYYY-MM-DD), given by the user. */
  performedOn: string;
  operatorRole: OperatorRole;
  /** The supervisor who is to sign the case; absent only on a self-attested case. */
  supervisorId?: string;
  supervisionLevel: SupervisionLevel;
  localRef: string;
  /**
   * Logged without a supervisor by an independent operator (a credential active and issued by
   * the day of the case): nobody signs it, and it counts only where a pathway's filter accepts
   * self-attested cases (maintenance of competence). Absent on supervised cases.
   */
  selfAttested?: true;
  details: CaseDetails;
  notes?: string;
  /**
   * Pseudonymous reference of the procedure, shared by every co-operator's log of it: the first
   * logger gets one back (`prc-<caseId>`), the others quote it. Older events have none; each such
   * case is then its own procedure (see `procedureRefOf`).
   */
  procedureRef?: string;
}

/** Fields a trainee may correct after logging. */
export type CaseCorrection = Partial<
  Pick<
    CaseLogged,
    | 'performedOn'
    | 'operatorRole'
    | 'supervisorId'
    | 'supervisionLevel'
    | 'details'
    | 'notes'
    | 'localRef'
    | 'procedureRef'
  >
>;

export interface CaseAmended {
  caseId: string;
  traineeId: string;
  changes: CaseCorrection;
  reason: string;
  /** True when the case was signed off: an amendment withdraws the sign-off until signed again. */
  signOffWithdrawn: boolean;
}

export interface CaseRetracted {
  caseId: string;
  traineeId: string;
  reason: string;
}

export interface CaseSignedOff {
  caseId: string;
  traineeId: string;
  supervisorId: string;
  signedOn: string;
  comment?: string;
  /** The supervisor's entrustment rating at sign-off (docs/domain.md, "Entrustment"); optional. */
  entrustment?: EntrustmentRating;
}

/**
 * The signing supervisor corrects the supervision level the trainee recorded. Its own event
 * (not an amendment): the case keeps its sign-off, and provenance shows who changed what.
 */
export interface CaseSupervisionLevelCorrected {
  caseId: string;
  traineeId: string;
  supervisorId: string;
  from: SupervisionLevel;
  to: SupervisionLevel;
  correctedOn: string;
}

export interface CaseSignOffDisputed {
  caseId: string;
  traineeId: string;
  supervisorId: string;
  reason: string;
}

/**
 * What the stroke team learns after a thrombectomy. Every field is optional: each follow-up
 * records what is known so far, and a later value of a field replaces an earlier one.
 */
export interface ProcedureOutcome {
  /** NIHSS (0-42) at arrival and at 24 hours. */
  nihssOnArrival?: number;
  nihssAt24h?: number;
  ivThrombolysis?: boolean;
  anaesthesia?: AnaesthesiaType;
  /** Transferred in from another hospital (drip-and-ship). */
  transferredIn?: boolean;
  /** Minutes from arrival to departure at the referring hospital (door-in-door-out). */
  doorInDoorOutMinutes?: number;
  /** Symptomatic ICH on the 24 h scan, judged by the named definition. */
  sichOn24hScan?: boolean;
  sichDefinition?: SichDefinition;
  /** Modified Rankin Scale at 90 days (0-6; 6 is death). */
  mrsAt90Days?: number;
  diedWithin90Days?: boolean;
}

/** A follow-up outcome of the procedure a case belongs to; it never touches the sign-off. */
export interface CaseOutcomeRecorded {
  caseId: string;
  traineeId: string;
  procedureRef: string;
  outcome: ProcedureOutcome;
}
