// Rules a case record must satisfy whenever it is logged or amended.
import type { CaseLogged } from '../events';
import { isIsoDate } from '../shared/dates';
import { domainError, type DomainError } from '../shared/domain-error';
import { requireNonEmpty } from '../shared/guards';
import type { TraineeState } from '../trainee/trainee-state';
import { checkCasePlausibility } from './case-plausibility';
import { OPERATOR_ROLES, PROCEDURES, SUPERVISION_LEVELS } from '../vocabulary/vocabulary';

export function checkCaseRecord(
  record: CaseLogged,
  trainee: TraineeState,
  today: string,
): DomainError | undefined {
  if (trainee.status !== 'enrolled' || trainee.enrolment.traineeId !== record.traineeId) {
    return domainError('TRAINEE_NOT_ENROLLED', `Trainee '${record.traineeId}' is not enrolled.`);
  }
  return (
    requireNonEmpty(record.localRef, 'localRef') ??
    requireNonEmpty(record.institutionId, 'institutionId') ??
    requireNonEmpty(record.supervisorId, 'supervisorId') ??
    (record.supervisorId === record.traineeId
      ? domainError('INVALID_VALUE', 'A trainee cannot name themselves as the supervisor.')
      : undefined) ??
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
    (record.performedOn > today
      ? domainError('PERFORMED_DATE_IN_FUTURE', 'A case cannot be performed in the future.')
      : undefined) ??
    (record.performedOn < trainee.enrolment.enrolledOn
      ? domainError(
          'PERFORMED_BEFORE_ENROLMENT',
          'The case was performed before the trainee enrolled.',
        )
      : undefined) ??
    (record.details.procedure !== record.procedure
      ? domainError(
          'CASE_DETAILS_MISMATCH',
          `The details describe '${record.details.procedure}', not '${record.procedure}'.`,
        )
      : undefined) ??
    checkCasePlausibility(record)
  );
}
