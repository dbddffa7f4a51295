// Rules a recognition of training time satisfies (docs/domain.md, "Recognised training time"):
// the decider applies them to a new recognition, and readers apply them to older ones.
import type { TrainingTimeRecognised } from '../events';
import { domainError, type DomainError } from '../shared/domain-error';

const DAY_MS = 86_400_000;
const MEAN_MONTH_DAYS = 365.25 / 12;

/**
 * Recognised months cannot exceed the period they were spent in. Policy choice: the period's
 * length in mean calendar months, rounded up to the half month, so 1 Jan to 30 Jun is 6.
 */
export function monthsWithinPeriod(
  months: number,
  from: string,
  to: string,
): DomainError | undefined {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  const longest = Math.ceil((days / MEAN_MONTH_DAYS) * 2) / 2;
  return months > longest
    ? domainError(
        'MONTHS_EXCEED_PERIOD',
        `${months} months cannot be recognised for ${from} to ${to}: that period is at most ${longest} months.`,
      )
    : undefined;
}

const SOURCE_FIELDS = ['sourceInstitution', 'programme', 'evidenceRef'] as const;

/** A recognition says where the time was spent, under which programme, on what evidence. */
export function trainingTimeSourceGiven(
  record: Pick<TrainingTimeRecognised, (typeof SOURCE_FIELDS)[number]>,
): DomainError | undefined {
  const missing = SOURCE_FIELDS.filter((field) => (record[field] ?? '').trim().length === 0);
  return missing.length === 0
    ? undefined
    : domainError(
        'TRAINING_TIME_SOURCE_REQUIRED',
        `A recognition of training time names ${missing.map((f) => `'${f}'`).join(', ')}.`,
      );
}

/** Every rule an earlier recognition breaks, for readers that flag it. */
export function trainingTimeFindings(
  record: Pick<TrainingTimeRecognised, 'months' | 'from' | 'to' | (typeof SOURCE_FIELDS)[number]>,
): DomainError[] {
  return [
    monthsWithinPeriod(record.months, record.from, record.to),
    trainingTimeSourceGiven(record),
  ].filter((e): e is DomainError => e !== undefined);
}
