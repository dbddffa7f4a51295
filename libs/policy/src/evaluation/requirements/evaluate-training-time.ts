import type { TrainingTimeRequirement } from '../../pathway/pathway';
import type { TrainingTimeState } from '../../history/trainee-record';
import {
  resolveNumber,
  sortedUnique,
  type RequirementContext,
  type ResultFields,
} from '../requirement-context';

const DAY_MS = 86_400_000;
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/**
 * Adds recognised time from periods that had ended by the as-of date, counting any stretch of
 * days once however many recognitions cover it (the same six months recognised twice is six
 * months). Each period credits its months evenly over its days; where periods overlap, a day
 * is worth the most any covering period credits it (the earliest recognised on a tie), so
 * part-time and full-time periods mix without double counting.
 */
export function evaluateTrainingTime(
  context: RequirementContext,
  requirement: TrainingTimeRequirement,
): ResultFields {
  const target = resolveNumber(context, requirement.months);
  const periods = context.record.trainingTime.filter(
    (t) =>
      t.to <= context.asOf &&
      (requirement.settings === undefined || requirement.settings.includes(t.setting)),
  );
  const { months, contributing } = creditedMonths(periods);
  // Rounded so fractional months never print as 5.999999999.
  const achieved = Math.round(months * 1000) / 1000;
  return {
    target,
    achieved,
    met: achieved >= target,
    countedEventIds: sortedUnique(contributing.map((t) => t.eventId)),
    supportingEventIds: [],
  };
}

function creditedMonths(periods: readonly TrainingTimeState[]): {
  months: number;
  contributing: TrainingTimeState[];
} {
  const spans = periods.map((p) => {
    const from = day(p.from);
    const to = day(p.to) + 1; // exclusive
    return { period: p, from, to, perDay: p.months / Math.max(1, to - from) };
  });
  const cuts = [...new Set(spans.flatMap((s) => [s.from, s.to]))].sort((a, b) => a - b);
  const contributing = new Set<TrainingTimeState>();
  let months = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    let best: (typeof spans)[number] | undefined;
    for (const s of spans) {
      if (s.from <= start && s.to >= end && (!best || s.perDay > best.perDay)) best = s;
    }
    if (!best) continue;
    months += best.perDay * (end - start);
    contributing.add(best.period);
  }
  return { months, contributing: [...contributing] };
}
