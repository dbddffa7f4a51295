// Rules that make a case record clinically possible, whoever logs it and whenever: they read
// only the record itself (no trainee, no clock), so the same rules check a new command, an
// amendment, the demo generator's output and, for old events, say which rule they predate.
// The clinical vocabulary and its sources are in docs/domain.md ("Case records").
import type { CaseLogged, CoilingDetails, MtTimes, ThrombectomyDetails } from '../events';
import { domainError, type DomainError } from '../shared/domain-error';
import { ETICI_GRADES, LEVELS_BY_ROLE } from '../vocabulary/vocabulary';
import { minutesOf, plausibleWindow, TIME_ORDER } from './case-times';

/** What the plausibility rules read: the record itself, never who logged it or when. */
export type PlausibilityInput = Pick<
  CaseLogged,
  'operatorRole' | 'supervisionLevel' | 'details' | 'performedOn'
>;

type Rule = (record: PlausibilityInput) => DomainError | undefined;

const roleAgainstSupervision: Rule = (record) =>
  LEVELS_BY_ROLE[record.operatorRole]?.includes(record.supervisionLevel) === false
    ? domainError(
        'OPERATOR_ROLE_INCONSISTENT_WITH_SUPERVISION',
        `An operator logged as '${record.operatorRole}' can only have been at supervision level ${LEVELS_BY_ROLE[record.operatorRole].join(' or ')}, not ${record.supervisionLevel}.`,
      )
    : undefined;

function complicationsOf(record: PlausibilityInput): readonly string[] {
  const details = record.details;
  return details.procedure === 'diagnostic-angiography'
    ? details.accessSiteComplications
    : details.complications;
}

const noDuplicateComplications: Rule = (record) => {
  const listed = complicationsOf(record);
  const repeated = listed.find((c, i) => listed.indexOf(c) !== i);
  return repeated === undefined
    ? undefined
    : domainError('DUPLICATE_COMPLICATION', `The complication '${repeated}' is listed twice.`);
};

const rank = (grade: string): number => ETICI_GRADES.indexOf(grade as never);

/**
 * The final grade cannot be better than the best grade any pass achieved, unless a rescue
 * treatment (stenting) followed the passes. With no pass (abandoned after puncture, or
 * recanalised before a device was used) the angiographic grade is taken as seen.
 */
function eticiAgainstPasses(details: ThrombectomyDetails): DomainError | undefined {
  if (details.eticiByPass.length === 0 || details.rescueStenting) return undefined;
  const best = Math.max(...details.eticiByPass.map(rank));
  return rank(details.finalEtici) > best
    ? domainError(
        'FINAL_ETICI_INCONSISTENT_WITH_PASSES',
        `Final eTICI ${details.finalEtici} is better than any pass achieved (best ${ETICI_GRADES[best]}) and no rescue treatment is recorded.`,
      )
    : undefined;
}

function timesAgainstOutcome(details: ThrombectomyDetails): DomainError | undefined {
  const { times } = details;
  if (times.firstDevice !== undefined && details.eticiByPass.length === 0) {
    return domainError('CASE_TIMES_INCONSISTENT', 'A first-device time needs at least one pass.');
  }
  if (times.reperfusion !== undefined && rank(details.finalEtici) < rank('2b50')) {
    return domainError(
      'CASE_TIMES_INCONSISTENT',
      'A reperfusion time needs a final eTICI of 2b50 or better.',
    );
  }
  return undefined;
}

function timesInOrder(record: PlausibilityInput, times: MtTimes): DomainError | undefined {
  let previous: { field: keyof MtTimes; minutes: number } | undefined;
  for (const field of TIME_ORDER) {
    const value = times[field];
    if (value === undefined) continue;
    const minutes = minutesOf(value);
    if (minutes === undefined) {
      return domainError(
        'INVALID_DATE',
        `'times.${field}' must be a local date-time YYYY-MM-DDTHH:MM.`,
      );
    }
    const window = plausibleWindow(record.performedOn, field);
    if (window && (minutes < window.from || minutes > window.to)) {
      return domainError(
        'CASE_TIME_IMPLAUSIBLE',
        `'times.${field}' (${value}) is too far from the procedure date ${record.performedOn}: ${window.rule}.`,
      );
    }
    if (previous && minutes < previous.minutes) {
      return domainError(
        'CASE_TIMES_OUT_OF_ORDER',
        `'times.${field}' is before '${previous.field}': onset, arrival, groin puncture, first device and reperfusion happen in that order.`,
      );
    }
    previous = { field, minutes };
  }
  return undefined;
}

/** Raymond–Roy classes describe coil packing; a flow diverter is graded with OKM or at follow-up. */
function occlusionScale(details: CoilingDetails): DomainError | undefined {
  const refuse = (message: string) =>
    domainError('OCCLUSION_SCALE_INCONSISTENT_WITH_TECHNIQUE', message);
  if (details.technique === 'flow-diversion') {
    if (details.raymondRoy !== undefined)
      return refuse(
        'Flow diversion is not graded with Raymond–Roy: give an OKM grade or grade it at follow-up.',
      );
    const graded =
      (details.okmGrade !== undefined ? 1 : 0) + (details.occlusionGradedAtFollowUp ? 1 : 0);
    return graded === 1
      ? undefined
      : refuse("Flow diversion needs either 'okmGrade' or 'occlusionGradedAtFollowUp: true'.");
  }
  if (details.okmGrade !== undefined || details.occlusionGradedAtFollowUp !== undefined)
    return refuse(
      'OKM grades and follow-up grading are for flow diversion; coiling uses Raymond–Roy.',
    );
  return details.raymondRoy === undefined
    ? refuse(`Coiling (${details.technique}) needs a Raymond–Roy class.`)
    : undefined;
}

const procedureDetails: Rule = (record) => {
  const details = record.details;
  switch (details.procedure) {
    case 'mechanical-thrombectomy':
      return (
        eticiAgainstPasses(details) ??
        timesInOrder(record, details.times) ??
        timesAgainstOutcome(details)
      );
    case 'aneurysm-coiling':
      return occlusionScale(details);
    case 'diagnostic-angiography':
      return undefined;
  }
};

/** In the order a user should hear about them. */
const RULES: readonly Rule[] = [roleAgainstSupervision, noDuplicateComplications, procedureDetails];

/** The first plausibility rule the record breaks, or undefined. */
export function checkCasePlausibility(record: PlausibilityInput): DomainError | undefined {
  for (const rule of RULES) {
    const error = rule(record);
    if (error) return error;
  }
  return undefined;
}

/** Every plausibility rule the record breaks (one finding per rule), for records logged earlier. */
export function casePlausibilityFindings(record: PlausibilityInput): DomainError[] {
  return RULES.map((rule) => rule(record)).filter((e): e is DomainError => e !== undefined);
}
