import type { MaintenanceRequirement } from '../../pathway/pathway';
import type { AlternativeResult } from '../evaluation';
import { caseMatches } from '../case-matches';
import { evidenceWindow } from '../evidence-window';
import {
  resolveNumber,
  sortedUnique,
  type RequirementContext,
  type ResultFields,
} from '../requirement-context';

/**
 * Met when any alternative is met (e.g. 15 in 12 months or 30 in 24). The headline target,
 * achieved and provenance are those of the first met alternative, else of the first one.
 * Cases at every institution count.
 */
export function evaluateMaintenance(
  context: RequirementContext,
  requirement: MaintenanceRequirement,
): ResultFields {
  const eligible = context.record.cases.filter((c) => caseMatches(c, requirement.filter));
  const evaluated = requirement.alternatives.map((alternative) => {
    const target = resolveNumber(context, alternative.count);
    const windowMonths = resolveNumber(context, alternative.months);
    const inWindow = evidenceWindow(context, { lastMonths: alternative.months });
    const counted = eligible.filter((c) => inWindow(c.performedOn));
    const result: AlternativeResult = {
      target,
      windowMonths,
      achieved: counted.length,
      met: counted.length >= target,
    };
    return { result, counted };
  });
  const governing = evaluated.find((a) => a.result.met) ?? evaluated[0];
  if (!governing)
    throw new RangeError(`maintenance requirement ${requirement.id} has no alternatives`);
  return {
    target: governing.result.target,
    achieved: governing.result.achieved,
    met: governing.result.met,
    countedEventIds: sortedUnique(governing.counted.map((c) => c.loggedEventId)),
    supportingEventIds: sortedUnique(governing.counted.flatMap((c) => c.supportingEventIds)),
    alternatives: evaluated.map((a) => a.result),
  };
}
