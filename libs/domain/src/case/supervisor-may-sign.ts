import type { CaseLogged } from '../events';
import { domainError, type DomainError } from '../shared/domain-error';
import { periodsHolding, type SupervisorState } from '../supervisor/supervisor-state';

/**
 * Only a supervisor whose accreditation held on the day the case was performed, covers its
 * procedure and covers the institution where it was done may sign it. A revoked accreditation
 * signs nothing afterwards, even cases from before the revocation: revocation withdraws trust.
 */
export function supervisorMaySign(
  supervisor: SupervisorState,
  supervisorId: string,
  record: CaseLogged,
  today: string,
): DomainError | undefined {
  const onTheDay =
    supervisor.status === 'known' && supervisor.supervisorId === supervisorId
      ? periodsHolding(supervisor, record.performedOn, today)
      : [];
  if (onTheDay.length === 0) {
    return domainError(
      'SUPERVISOR_NOT_ACCREDITED_ON_DATE',
      `The supervisor held no active accreditation on ${record.performedOn}, the day the case was performed.`,
    );
  }
  const forProcedure = onTheDay.filter((p) => p.procedures.includes(record.procedure));
  if (forProcedure.length === 0) {
    return domainError(
      'SUPERVISOR_NOT_ACCREDITED_FOR_PROCEDURE',
      `The supervisor's accreditation does not cover ${record.procedure}.`,
    );
  }
  if (!forProcedure.some((p) => p.institutionIds.includes(record.institutionId))) {
    return domainError(
      'SUPERVISOR_NOT_ACCREDITED_AT_INSTITUTION',
      `The supervisor is not accredited for this procedure at institution '${record.institutionId}'.`,
    );
  }
  return undefined;
}
