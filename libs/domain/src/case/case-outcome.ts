// Rules for a follow-up outcome (docs/audit.md, "Outcome follow-up"). An outcome is a fact the
// stroke team learns later; it neither corrects the trainee's record nor touches its sign-off.
import type { CaseLogged, ProcedureOutcome } from '../events';
import { domainError, type DomainError } from '../shared/domain-error';
import type { Actor } from '../shared/context';
import { ANAESTHESIA_TYPES, isOperatingRole, SICH_DEFINITIONS } from '../vocabulary/vocabulary';

const INTEGER_RANGES: ReadonlyArray<[keyof ProcedureOutcome, number, number]> = [
  ['nihssOnArrival', 0, 42],
  ['nihssAt24h', 0, 42],
  ['mrsAt90Days', 0, 6],
  // Door-in-door-out beyond a day is not a transfer time but a mistake.
  ['doorInDoorOutMinutes', 0, 1440],
];
const BOOLEANS: ReadonlyArray<keyof ProcedureOutcome> = [
  'ivThrombolysis',
  'transferredIn',
  'sichOn24hScan',
  'diedWithin90Days',
];

const invalid = (message: string): DomainError => domainError('INVALID_OUTCOME', message);

/** Later values of a field replace earlier ones. */
export function mergeOutcome(
  earlier: ProcedureOutcome | undefined,
  later: ProcedureOutcome,
): ProcedureOutcome {
  return { ...earlier, ...later };
}

/** Who may record: the trust's audit role, or a trainee who operated (never an observer). */
export function mayRecordOutcome(actor: Actor, record: CaseLogged): DomainError | undefined {
  if (actor.role !== 'trainee') return undefined;
  if (actor.subject !== record.traineeId)
    return domainError('NOT_CASE_OWNER', 'A trainee records outcomes only on their own case.');
  return isOperatingRole(record.operatorRole)
    ? undefined
    : domainError(
        'OBSERVER_CANNOT_RECORD_OUTCOME',
        "An observer's log is not the procedure's record: outcomes come from the operating team or the audit role.",
      );
}

/** The outcome itself, and consistent with what is already known of the procedure. */
export function checkOutcome(
  record: CaseLogged,
  known: ProcedureOutcome | undefined,
  outcome: ProcedureOutcome,
): DomainError | undefined {
  if (record.procedure !== 'mechanical-thrombectomy')
    return domainError(
      'OUTCOME_NOT_APPLICABLE',
      'Follow-up outcomes (NIHSS, mRS, sICH, ...) are recorded for thrombectomies.',
    );
  if (Object.values(outcome).every((v) => v === undefined))
    return invalid('The follow-up records no outcome.');
  for (const [field, min, max] of INTEGER_RANGES) {
    const value = outcome[field];
    if (
      value !== undefined &&
      !(Number.isInteger(value) && (value as number) >= min && (value as number) <= max)
    )
      return invalid(`'${field}' must be a whole number from ${min} to ${max}.`);
  }
  for (const field of BOOLEANS) {
    if (outcome[field] !== undefined && typeof outcome[field] !== 'boolean')
      return invalid(`'${field}' must be true or false.`);
  }
  if (outcome.anaesthesia !== undefined && !ANAESTHESIA_TYPES.includes(outcome.anaesthesia))
    return invalid(`'anaesthesia' must be one of ${ANAESTHESIA_TYPES.join(', ')}.`);
  if (outcome.sichDefinition !== undefined && !SICH_DEFINITIONS.includes(outcome.sichDefinition))
    return invalid(`'sichDefinition' must be one of ${SICH_DEFINITIONS.join(', ')}.`);
  const merged = mergeOutcome(known, outcome);
  if (merged.sichOn24hScan !== undefined && merged.sichDefinition === undefined)
    return invalid('An sICH result on the 24 h scan names the definition it was judged by.');
  if (merged.doorInDoorOutMinutes !== undefined && merged.transferredIn !== true)
    return invalid('Door-in-door-out is recorded only for a patient transferred in.');
  if (
    merged.mrsAt90Days !== undefined &&
    merged.diedWithin90Days !== undefined &&
    (merged.mrsAt90Days === 6) !== merged.diedWithin90Days
  )
    return invalid('A 90-day mRS of 6 means death within 90 days, and only then.');
  return undefined;
}
