// The definitions an audit figure is computed by. Each cites its source; docs/audit.md says the
// same in prose, and docs/audit-data-dictionary.md per exported field.
import {
  ETICI_GRADES,
  isSuccessfulReperfusion,
  type EticiGrade,
  type ThrombectomyDetails,
} from '@inr/domain';

export { isSuccessfulReperfusion };

const atLeast = (grade: EticiGrade, floor: EticiGrade): boolean =>
  ETICI_GRADES.indexOf(grade) >= ETICI_GRADES.indexOf(floor);

/**
 * First-pass effect: complete or near-complete reperfusion (eTICI 2c or 3) after a single pass
 * of the device, without rescue therapy (Zaidat et al., Stroke 2018; eTICI scale: Liebeskind et
 * al., J NeuroIntervent Surg 2019). A procedure that took more passes never counts, even if the
 * first reached 2c.
 */
export function isFirstPassEffect(d: ThrombectomyDetails): boolean {
  return d.eticiByPass.length === 1 && !d.rescueStenting && atLeast(d.eticiByPass[0]!, '2c');
}

/** Modified first-pass effect: eTICI 2b50 or better after a single pass (same sources). */
export function isModifiedFirstPassEffect(d: ThrombectomyDetails): boolean {
  return (
    d.eticiByPass.length === 1 && !d.rescueStenting && isSuccessfulReperfusion(d.eticiByPass[0]!)
  );
}

/** Functional independence at 90 days: modified Rankin Scale 0-2 (the trials' primary cut). */
export const FUNCTIONAL_INDEPENDENCE_MAX_MRS = 2;

/**
 * How long an interval may plausibly be, in minutes. The decider refuses unordered or
 * implausible times at logging; events recorded before that rule still exist, so the audit
 * leaves out any interval that is negative or longer than this, and says how many it left out.
 * Onset (or last known well) may precede treatment by a day in the extended window.
 */
export const INTERVAL_LIMIT_MIN = {
  'onset-to-puncture': 48 * 60,
  'door-to-puncture': 24 * 60,
  'door-to-reperfusion': 24 * 60,
} as const;
export type AuditInterval = keyof typeof INTERVAL_LIMIT_MIN;

/** Targets (Society of NeuroInterventional Surgery): door-to-puncture < 60, door-to-reperfusion < 90 min. */
export const TIME_TARGET_MIN = { 'door-to-puncture': 60, 'door-to-reperfusion': 90 } as const;

/** Minutes between two local date-times of one case, read as UTC so the server zone is moot. */
export function minutesBetween(start: string | undefined, end: string | undefined): number | null {
  if (start === undefined || end === undefined) return null;
  const asUtc = (t: string): number => Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(t) ? t : `${t}Z`);
  const ms = asUtc(end) - asUtc(start);
  return Number.isFinite(ms) ? ms / 60000 : null;
}

/** An interval of a thrombectomy: its minutes, absent when a time is missing, or impossible. */
export function intervalOf(
  d: ThrombectomyDetails,
  interval: AuditInterval,
): number | 'missing' | 'impossible' {
  const [start, end] =
    interval === 'onset-to-puncture'
      ? [d.times.onsetOrLastKnownWell, d.times.groinPuncture]
      : interval === 'door-to-puncture'
        ? [d.times.arrival, d.times.groinPuncture]
        : [d.times.arrival, d.times.reperfusion];
  const minutes = minutesBetween(start, end);
  if (minutes === null) return start === undefined || end === undefined ? 'missing' : 'impossible';
  return minutes < 0 || minutes > INTERVAL_LIMIT_MIN[interval] ? 'impossible' : minutes;
}
