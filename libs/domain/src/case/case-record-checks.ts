// Rules a case record must satisfy whenever it is logged or amended.
import { credentialedOn } from '../credential/held-credential';
import type { CaseLogged } from '../events';
import type { DecisionContext } from '../shared/context';
import { isIsoDate } from '../shared/dates';
import { domainError, type DomainError } from '../shared/domain-error';
import { requireNonEmpty } from '../shared/guards';
import { initialTraineeState, trainsAt, type TraineeState } from '../trainee/trainee-state';
import { checkCasePlausibility } from './case-plausibility';
import { OPERATOR_ROLES, PROCEDURES, SUPERVISION_LEVELS } from '../vocabulary/vocabulary';

export function checkCaseRecord(
  record: CaseLogged,
  context: DecisionContext,
): DomainError | undefined {
  const trainee = context.trainee ?? initialTraineeState();
  if (trainee.status !== 'enrolled' || trainee.enrolment.traineeId !== record.traineeId) {
    return domainError('TRAINEE_NOT_ENROLLED', `Trainee '${record.traineeId}' is not enrolled.`);
  }
  return (
    requireNonEmpty(record.localRef, 'localRef') ??
    requireNonEmpty(record.institutionId, 'institutionId') ??
    (PROCEDURES.includes(record.procedure) &&
    OPERATOR_ROLES.includes(record.operatorRole) &&
    SUPERVISION_LEVELS.includes(record.supervisionLevel)
      ? undefined
      : domainError(
          'INVALID_VALUE',
          'Procedure, operator role or supervision level is not in the vocabulary.',
        )) ??
    (isIsoDate(record.performedOn)
      ? undefined
      : domainError('INVALID_DATE', "'performedOn' must be a calendar date (YYYY-MM-DD).")) ??
    (record.performedOn > context.today
      ? domainError('PERFORMED_DATE_IN_FUTURE', 'A case cannot be performed in the future.')
      : undefined) ??
    (record.performedOn < trainee.enrolment.enrolledOn
      ? domainError(
          'PERFORMED_BEFORE_ENROLMENT',
          'The case was performed before the trainee enrolled.',
        )
      : undefined) ??
    checkCaseInstitution(record, trainee, context.knownInstitutions ?? []) ??
    checkAttestation(record, context) ??
    (record.details.procedure !== record.procedure
      ? domainError(
          'CASE_DETAILS_MISMATCH',
          `The details describe '${record.details.procedure}', not '${record.procedure}'.`,
        )
      : undefined) ??
    checkCasePlausibility(record)
  );
}

/**
 * A case is logged at an institution the ledger knows (one where a supervisor has been
 * accredited) and where the trainee trained on the day (their enrolment or a transfer put them
 * there): otherwise a trainee could add evidence to any trust's figures.
 */
function checkCaseInstitution(
  record: CaseLogged,
  trainee: TraineeState,
  knownInstitutions: readonly string[],
): DomainError | undefined {
  if (!knownInstitutions.includes(record.institutionId))
    return domainError('UNKNOWN_INSTITUTION', `No institution '${record.institutionId}' is known.`);
  return trainsAt(trainee, record.institutionId, record.performedOn)
    ? undefined
    : domainError(
        'NOT_TRAINEES_INSTITUTION',
        `The trainee did not train at '${record.institutionId}' on ${record.performedOn}.`,
      );
}

/**
 * Who vouches for the case: a supervisor the trainee names (never themselves), or, for an
 * independent operator, the operator alone. Self-attested cases need a credential active now
 * and issued by the day of the case, and an independent primary operator (docs/domain.md,
 * "Independent operators").
 */
function checkAttestation(record: CaseLogged, context: DecisionContext): DomainError | undefined {
  if (record.selfAttested !== true) {
    if (record.supervisorId === undefined || record.supervisorId.trim() === '')
      return domainError(
        'SUPERVISOR_REQUIRED',
        "Name the supervisor who is to sign the case, or, as a credentialed independent operator, log it with 'selfAttested: true'.",
      );
    return record.supervisorId === record.traineeId
      ? domainError('INVALID_VALUE', 'A trainee cannot name themselves as the supervisor.')
      : undefined;
  }
  if (record.supervisorId !== undefined)
    return domainError(
      'SELF_ATTESTED_CASE_NAMES_SUPERVISOR',
      'A self-attested case names no supervisor: nobody signs it.',
    );
  if (record.operatorRole !== 'primary-independent')
    return domainError(
      'SELF_ATTESTED_CASE_NOT_INDEPENDENT',
      `Only an independent primary operator attests their own case, not '${record.operatorRole}'.`,
    );
  return credentialedOn(context.credentials ?? [], record.performedOn)
    ? undefined
    : domainError(
        'NOT_AN_INDEPENDENT_OPERATOR',
        `Logging without a supervisor needs a credential that is active and was issued by ${record.performedOn}, the day of the case.`,
      );
}
