import type { DualSignOffRequirement } from '../../pathway/pathway';
import type { CompetencySignOffState } from '../../history/trainee-record';
import { sortedUnique, type RequirementContext, type ResultFields } from '../requirement-context';

/**
 * RCR/BSIR/BSNR/UKNG 2020: final sign-off by one INR plus the medical director of the principal
 * training hospital, two different people. The principal training hospital is the trainee's
 * institution (enrolment, then transfers) when the director signed, so a later transfer does not
 * undo a valid sign-off. Accreditation (GMC registration, kind) is checked by the decider that
 * accepted the sign-off, not again here.
 */
export function evaluateDualSignOff(
  context: RequirementContext,
  requirement: DualSignOffRequirement,
): ResultFields {
  const signOffs = context.record.competencySignOffs.filter(
    (s) => s.competencyId === requirement.competencyId && s.signedOn <= context.asOf,
  );
  const director = signOffs.find(
    (s) => s.signerKind === 'medical-director' && s.institutionId === s.traineeInstitutionAtSigning,
  );
  const inr = signOffs.find((s) => s.signerKind === 'INR' && s.signerId !== director?.signerId);
  const counted = [director, inr].filter((s): s is CompetencySignOffState => s !== undefined);
  return {
    target: 2,
    achieved: counted.length,
    met: counted.length === 2,
    countedEventIds: sortedUnique(counted.map((s) => s.eventId)),
    supportingEventIds: [],
  };
}
