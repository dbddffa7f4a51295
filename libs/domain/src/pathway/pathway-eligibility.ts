// Enrolment and application rules a pathway states as data: the pathway must be published
// (in the ledger, or shipped in the catalogue), and the trainee inside its eligibility.
import type { DecisionContext } from '../shared/context';
import { domainError, type DomainError } from '../shared/domain-error';
import type { Specialty } from '../vocabulary/vocabulary';
import type { PathwayFacts } from './pathway-facts';

export function knownPathway(
  context: DecisionContext,
  pathwayId: string,
): PathwayFacts | DomainError {
  return (
    context.pathways?.find((p) => p.pathwayId === pathwayId) ??
    domainError(
      'PATHWAY_NOT_PUBLISHED',
      `No pathway '${pathwayId}' is published or shipped in the catalogue.`,
    )
  );
}

/** Refuses with a code naming the rule the trainee falls outside. */
export function checkEligibility(
  pathway: PathwayFacts,
  trainee: { specialty: Specialty; stage: string },
): DomainError | undefined {
  const rules = pathway.eligibility;
  if (rules?.specialties && !rules.specialties.includes(trainee.specialty)) {
    return domainError(
      'NOT_ELIGIBLE_SPECIALTY',
      `Pathway '${pathway.pathwayId}' admits ${rules.specialties.join(', ')}; the trainee's background is ${trainee.specialty}.`,
    );
  }
  const stage = trainee.stage.trim().toLowerCase();
  if (rules?.stages && !rules.stages.some((s) => s.toLowerCase() === stage)) {
    return domainError(
      'NOT_ELIGIBLE_STAGE',
      `Pathway '${pathway.pathwayId}' admits training stages ${rules.stages.join(', ')}; the trainee is at ${trainee.stage}.`,
    );
  }
  return undefined;
}

/** Every pathway named must be known, and the trainee eligible for each. */
export function checkPathwaysForTrainee(
  context: DecisionContext,
  pathwayIds: readonly string[],
  trainee: { specialty: Specialty; stage: string },
): DomainError | undefined {
  for (const id of pathwayIds) {
    const pathway = knownPathway(context, id);
    if ('code' in pathway) return pathway;
    const refusal = checkEligibility(pathway, trainee);
    if (refusal) return refusal;
  }
  return undefined;
}
