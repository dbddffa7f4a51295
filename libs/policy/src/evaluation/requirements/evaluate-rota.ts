import type { RotaRequirement } from '../../pathway/pathway';
import { evidenceWindow } from '../evidence-window';
import {
  resolveNumber,
  sortedUnique,
  type RequirementContext,
  type ResultFields,
} from '../requirement-context';

/** Shifts from rota periods that had ended by the as-of date (and end inside the window, if any). */
export function evaluateRota(
  context: RequirementContext,
  requirement: RotaRequirement,
): ResultFields {
  const target = resolveNumber(context, requirement.minShifts);
  const inWindow = evidenceWindow(context, requirement.window);
  const counted = context.record.rota.filter((r) => inWindow(r.to));
  const achieved = counted.reduce((sum, r) => sum + r.shifts, 0);
  return {
    target,
    achieved,
    met: achieved >= target,
    countedEventIds: sortedUnique(counted.map((r) => r.eventId)),
    supportingEventIds: [],
  };
}
