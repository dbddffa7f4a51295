import type { CasesRequirement } from '../../pathway/pathway';
import { caseMatches } from '../case-matches';
import { evidenceWindow } from '../evidence-window';
import {
  resolveNumber,
  sortedUnique,
  type RequirementContext,
  type ResultFields,
} from '../requirement-context';

export function evaluateCases(
  context: RequirementContext,
  requirement: CasesRequirement,
): ResultFields {
  const target = resolveNumber(context, requirement.target);
  const inWindow = evidenceWindow(context, requirement.filter.window);
  const counted = context.record.cases.filter(
    (c) => caseMatches(c, requirement.filter) && inWindow(c.performedOn),
  );
  return {
    target,
    achieved: counted.length,
    met: counted.length >= target,
    countedEventIds: sortedUnique(counted.map((c) => c.loggedEventId)),
    supportingEventIds: sortedUnique(counted.flatMap((c) => c.supportingEventIds)),
  };
}
