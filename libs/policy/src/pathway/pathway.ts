import type {
  CompetencyDefinition,
  PathwayEligibility,
  AssessmentOutcome,
  AssessmentType,
  OperatorRole,
  Procedure,
  SupervisionLevel,
  SupervisorKind,
  TrainingTimeRecognised,
} from '@inr/domain';

export const PATHWAY_STATUSES = ['confirmed-structure', 'illustrative', 'local'] as const;
export type PathwayStatus = (typeof PATHWAY_STATUSES)[number];

export type TrainingSetting = TrainingTimeRecognised['setting'];
export const TRAINING_SETTINGS: readonly TrainingSetting[] = [
  'neurointerventional-unit',
  'diagnostic-neuroradiology',
  'clinical-neurosciences',
];

export interface PathwaySource {
  citation: string;
  url?: string;
  /** The date the source was read (YYYY-MM-DD). */
  readOn: string;
  note?: string;
}

/** A number the pathway depends on. Unconfirmed numbers stay visible as confirmed:false. */
export interface PathwayParameter {
  value: number;
  confirmed: boolean;
  source?: string;
  note?: string;
}

/** An inline number is allowed only when a source confirms it; anything else must be a named parameter. */
export interface ConfirmedLiteral {
  value: number;
  confirmed: true;
  source: string;
}

/** Either the name of a parameter or a confirmed literal. */
export type NumberRef = string | ConfirmedLiteral;

/** Inclusive performed-date bounds, or a rolling window ending on the evaluation's as-of date. */
export type EvidenceWindow = { from?: string; to?: string } | { lastMonths: NumberRef };

export interface CaseFilter {
  procedures?: Procedure[];
  operatorRoles?: OperatorRole[];
  /** Counts cases at this level or more independent (1 observe … 5 may supervise). */
  minSupervisionLevel?: SupervisionLevel;
  /** true: only cases with a standing sign-off; false: only cases still awaiting one. */
  signedOff?: boolean;
  institutionIds?: string[];
  /** Aneurysm coiling only: ruptured or unruptured aneurysms. */
  ruptured?: boolean;
  window?: EvidenceWindow;
}

interface RequirementBase {
  id: string;
  description: string;
}

export interface CasesRequirement extends RequirementBase {
  kind: 'cases';
  target: NumberRef;
  filter: CaseFilter;
}

export interface AssessmentsRequirement extends RequirementBase {
  kind: 'assessments';
  type: AssessmentType;
  outcome?: AssessmentOutcome;
  procedure?: Procedure;
  target: NumberRef;
  window?: EvidenceWindow;
}

export interface DistinctSignersRequirement extends RequirementBase {
  kind: 'distinct-signers';
  competencyId: string;
  signerKinds: SupervisorKind[];
  count: NumberRef;
}

/** One INR plus the medical director of the principal training hospital (RCR/BSIR/BSNR/UKNG 2020). */
export interface DualSignOffRequirement extends RequirementBase {
  kind: 'dual-signoff';
  competencyId: string;
}

export interface TrainingTimeRequirement extends RequirementBase {
  kind: 'training-time';
  /** Settings whose recognised months add up; absent means any setting. */
  settings?: TrainingSetting[];
  months: NumberRef;
}

export interface RotaRequirement extends RequirementBase {
  kind: 'rota';
  minShifts: NumberRef;
  window?: EvidenceWindow;
}

export interface MaintenanceAlternative {
  count: NumberRef;
  months: NumberRef;
}

/** Met when any alternative is met; cases at every institution count, so no institution filter. */
export interface MaintenanceRequirement extends RequirementBase {
  kind: 'maintenance';
  filter: Omit<CaseFilter, 'institutionIds' | 'window'>;
  alternatives: MaintenanceAlternative[];
}

export type Requirement =
  | CasesRequirement
  | AssessmentsRequirement
  | DistinctSignersRequirement
  | DualSignOffRequirement
  | TrainingTimeRequirement
  | RotaRequirement
  | MaintenanceRequirement;

export type RequirementKind = Requirement['kind'];
export const REQUIREMENT_KINDS: readonly RequirementKind[] = [
  'cases',
  'assessments',
  'distinct-signers',
  'dual-signoff',
  'training-time',
  'rota',
  'maintenance',
];

export interface Pathway {
  id: string;
  version: string;
  title: string;
  issuingBody: string;
  /**
   * Id of the body that owns the pathway id (e.g. "rcr"): only a publisher whose token carries
   * this issuer may publish its versions. Documents from before ownership may lack it.
   */
  issuer?: string;
  source: PathwaySource;
  status: PathwayStatus;
  parameters: Record<string, PathwayParameter>;
  /** Competencies the pathway catalogues; a requirement may only name one of these. */
  competencies?: CompetencyDefinition[];
  /** Who may enrol on or apply for the pathway. */
  eligibility?: PathwayEligibility;
  /** What the source says that this document cannot express, in plain words. */
  limitations?: string[];
  requirements: Requirement[];
}
