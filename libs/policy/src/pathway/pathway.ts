// The pathway document's types, all derived from its one definition (pathway-schema.ts).
import type { PathwayDocument } from './pathway-schema';

export { PATHWAY_STATUSES, REQUIREMENT_KINDS, TRAINING_SETTINGS } from './pathway-schema';
export type { ConfirmedLiteral, EvidenceWindow, NumberRef } from './number-ref';

export type Pathway = PathwayDocument;
export type PathwayStatus = Pathway['status'];
export type PathwaySource = Pathway['source'];
/** A number the pathway depends on. Unconfirmed numbers stay visible as confirmed:false. */
export type PathwayParameter = Pathway['parameters'][string];

export type Requirement = Pathway['requirements'][number];
export type RequirementKind = Requirement['kind'];
type OfKind<K extends RequirementKind> = Extract<Requirement, { kind: K }>;
export type CasesRequirement = OfKind<'cases'>;
export type AssessmentsRequirement = OfKind<'assessments'>;
export type DistinctSignersRequirement = OfKind<'distinct-signers'>;
/** One INR plus the medical director of the principal training hospital (RCR/BSIR/BSNR/UKNG 2020). */
export type DualSignOffRequirement = OfKind<'dual-signoff'>;
export type TrainingTimeRequirement = OfKind<'training-time'>;
export type RotaRequirement = OfKind<'rota'>;
/** Met when any alternative is met; cases at every institution count, so no institution filter. */
export type MaintenanceRequirement = OfKind<'maintenance'>;
export type MaintenanceAlternative = MaintenanceRequirement['alternatives'][number];

export type CaseFilter = CasesRequirement['filter'];
/** Who decides an application (docs/pathway-format.md §1.8). */
export type PanelDocument = NonNullable<Pathway['panel']>;
export type TrainingSetting = NonNullable<TrainingTimeRequirement['settings']>[number];
