// What a decider may know about a pathway: its owner, the competencies it catalogues and who
// may enrol on it. The policy package reads these out of a validated pathway document (the
// domain has no document parser); the handler loads them for the pathways a command concerns.
import type { Specialty, SupervisorKind } from '../vocabulary/vocabulary';

/** One place on a competency's sign-off that a signature fills. */
export interface SignatureSlot {
  kind: SupervisorKind;
  /** Only the medical director of the trainee's principal training hospital fills it. */
  principalTrainingHospital?: boolean;
}

export interface CompetencyDefinition {
  id: string;
  title: string;
  /** Kinds of accredited supervisor who may sign it. */
  signerKinds: SupervisorKind[];
  /** When present, each signature fills one of these places and there are no others. */
  slots?: SignatureSlot[];
}

/** Who may enrol on or apply for a pathway; an absent list admits everyone. */
export interface PathwayEligibility {
  specialties?: Specialty[];
  /** Training stages as written on enrolment ("ST5", "post-CCT", "consultant"), any case. */
  stages?: string[];
}

export interface PathwayFacts {
  pathwayId: string;
  version: string;
  /** Id of the body that owns the pathway id; only its publishers publish versions. */
  issuer?: string;
  issuingBody: string;
  competencies: CompetencyDefinition[];
  eligibility?: PathwayEligibility;
}

/** The competency as the trainee's pathways catalogue it (the first that declares it). */
export function competencyIn(
  pathways: readonly PathwayFacts[] | undefined,
  traineePathwayIds: readonly string[],
  competencyId: string,
): CompetencyDefinition | undefined {
  return (pathways ?? [])
    .filter((p) => traineePathwayIds.includes(p.pathwayId))
    .flatMap((p) => p.competencies)
    .find((c) => c.id === competencyId);
}
