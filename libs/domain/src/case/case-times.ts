// Clock times of a thrombectomy are local date-times as typed ("2026-03-01T10:15"). They are
// compared as minutes on a zone-free clock: enough for order and plausibility windows (a
// daylight-saving change can make one hour look longer or shorter, never reorder a day).
import type { MtTimes } from '../events';
import { dayNumber, isIsoDate } from '../shared/dates';

/** The order a thrombectomy's times happen in. */
export const TIME_ORDER: readonly (keyof MtTimes)[] = [
  'onsetOrLastKnownWell',
  'arrival',
  'groinPuncture',
  'firstDevice',
  'reperfusion',
];

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MINUTES = 1440;

/** Minutes since 1970-01-01T00:00 on a zone-free clock, or undefined if not a local date-time. */
export function minutesOf(value: string): number | undefined {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return undefined;
  const [, date = '', hh, mm, ss] = match;
  if (!isIsoDate(date) || Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)
    return undefined;
  return dayNumber(date) * DAY_MINUTES + Number(hh) * 60 + Number(mm);
}

/**
 * Policy choice (docs/domain.md): the procedure date is the day of groin puncture, give or take
 * midnight. Arrival, puncture, first device and reperfusion fall between the day before and
 * the day after it; onset or last known well at most three days before it (late-window
 * thrombectomy is offered up to 24 h after last known well; three days leaves room for
 * wake-up strokes and transfers without admitting a year-old arrival).
 */
export function plausibleWindow(
  performedOn: string,
  field: keyof MtTimes,
): { from: number; to: number; rule: string } | undefined {
  if (!isIsoDate(performedOn)) return undefined;
  const start = dayNumber(performedOn) * DAY_MINUTES;
  const daysBefore = field === 'onsetOrLastKnownWell' ? 3 : 1;
  return {
    from: start - daysBefore * DAY_MINUTES,
    to: start + 2 * DAY_MINUTES - 1,
    rule:
      field === 'onsetOrLastKnownWell'
        ? 'onset or last known well is at most three days before the procedure date'
        : 'procedure times fall between the day before and the day after the procedure date',
  };
}
