import type { AssessmentsRequirement } from '../../pathway/pathway';
import { evidenceWindow } from '../evidence-window';
import {
  resolveNumber,
  sortedUnique,
  type RequirementContext,
  type ResultFields,
} from '../requirement-context';

export function evaluateAssessments(
  context: RequirementContext,
  requirement: AssessmentsRequirement,
): ResultFields {
  const target = resolveNumber(context, requirement.target);
  const inWindow = evidenceWindow(context, requirement.window);
  const counted = context.record.assessments.filter(
    (a) =>
      a.type === requirement.type &&
      (requirement.outcome === undefined || a.outcome === requirement.outcome) &&
      (requirement.procedure === undefined || a.procedure === requirement.procedure) &&
      inWindow(a.performedOn),
  );
  return {
    target,
    achieved: counted.length,
    met: counted.length >= target,
    countedEventIds: sortedUnique(counted.map((a) => a.eventId)),
    supportingEventIds: [],
  };
}
