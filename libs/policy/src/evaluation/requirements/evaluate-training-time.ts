import type { TrainingTimeRequirement } from '../../pathway/pathway';
import {
  resolveNumber,
  sortedUnique,
  type RequirementContext,
  type ResultFields,
} from '../requirement-context';

/** Adds the months of recognised periods that had ended by the as-of date, in ledger order. */
export function evaluateTrainingTime(
  context: RequirementContext,
  requirement: TrainingTimeRequirement,
): ResultFields {
  const target = resolveNumber(context, requirement.months);
  const counted = context.record.trainingTime.filter(
    (t) =>
      t.to <= context.asOf &&
      (requirement.settings === undefined || requirement.settings.includes(t.setting)),
  );
  // Rounded so fractional months never print as 5.999999999.
  const achieved = Math.round(counted.reduce((sum, t) => sum + t.months, 0) * 1000) / 1000;
  return {
    target,
    achieved,
    met: achieved >= target,
    countedEventIds: sortedUnique(counted.map((t) => t.eventId)),
    supportingEventIds: [],
  };
}
