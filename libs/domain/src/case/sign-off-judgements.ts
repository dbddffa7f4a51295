// What a supervisor may add at sign-off beyond "I signed": an entrustment rating, and a
// correction of the supervision level the trainee recorded. The correction is its own event,
// before the sign-off, so the signature covers the corrected level and provenance shows both.
import type { CaseLogged, DomainEvent } from '../events';
import { domainError, type DomainError } from '../shared/domain-error';
import { ENTRUSTMENT_RATINGS, LEVELS_BY_ROLE, SUPERVISION_LEVELS } from '../vocabulary/vocabulary';
import type { SignOffCase } from './case-commands';

export function signOffJudgements(
  command: SignOffCase,
  record: CaseLogged,
): DomainError | undefined {
  const { entrustment, supervisionLevel } = command;
  if (entrustment !== undefined && !ENTRUSTMENT_RATINGS.includes(entrustment))
    return domainError('INVALID_VALUE', "'entrustment' must be a whole number from 1 to 5.");
  if (supervisionLevel === undefined) return undefined;
  if (!SUPERVISION_LEVELS.includes(supervisionLevel))
    return domainError('INVALID_VALUE', "'supervisionLevel' must be a whole number from 1 to 5.");
  if (supervisionLevel === record.supervisionLevel)
    return domainError(
      'SUPERVISION_LEVEL_UNCHANGED',
      `The case already records supervision level ${supervisionLevel}.`,
    );
  // The corrected level must still fit the operator role (a correction is not a re-logging).
  return LEVELS_BY_ROLE[record.operatorRole].includes(supervisionLevel)
    ? undefined
    : domainError(
        'OPERATOR_ROLE_INCONSISTENT_WITH_SUPERVISION',
        `A ${record.operatorRole} operator cannot have been at supervision level ${supervisionLevel}.`,
      );
}

export function supervisionCorrection(
  command: SignOffCase,
  record: CaseLogged,
  today: string,
): DomainEvent[] {
  const { supervisionLevel } = command;
  if (supervisionLevel === undefined) return [];
  return [
    {
      type: 'CaseSupervisionLevelCorrected',
      data: {
        caseId: record.caseId,
        traineeId: record.traineeId,
        supervisorId: command.supervisorId,
        from: record.supervisionLevel,
        to: supervisionLevel,
        correctedOn: today,
      },
    },
  ];
}
