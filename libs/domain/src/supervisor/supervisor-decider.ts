import { admitCommand } from '../shared/admit-command';
import type { DomainEvent } from '../events';
import type { DecisionContext } from '../shared/context';
import type { Decider } from '../shared/decider';
import { domainError, type DomainError } from '../shared/domain-error';
import { compact, requireDate, requireReason } from '../shared/guards';
import { PROCEDURES, SUPERVISOR_KINDS } from '../vocabulary/vocabulary';
import type { AccreditSupervisor, SupervisorCommand } from './supervisor-commands';
import {
  evolveSupervisor,
  initialSupervisorState,
  isGmcNumber,
  type SupervisorState,
} from './supervisor-state';

function checkAccreditation(
  command: AccreditSupervisor,
  state: SupervisorState,
): DomainError | undefined {
  const { gmcNumber, kind, institutionIds, procedures, validFrom, validUntil } = command;
  return (
    (isGmcNumber(gmcNumber)
      ? undefined
      : domainError(
          'INVALID_GMC_NUMBER',
          "'gmcNumber' must be a seven-digit GMC reference number.",
        )) ??
    // One person, one registration: a renewal under another GMC number is a different person.
    (state.status === 'known' && state.gmcNumber !== gmcNumber
      ? domainError(
          'GMC_NUMBER_MISMATCH',
          'This supervisor is already accredited under another GMC number.',
        )
      : undefined) ??
    (SUPERVISOR_KINDS.includes(kind)
      ? undefined
      : domainError('INVALID_VALUE', `'kind' must be one of ${SUPERVISOR_KINDS.join(', ')}.`)) ??
    (institutionIds.length > 0 && institutionIds.every((id) => id.trim().length > 0)
      ? undefined
      : domainError('INVALID_VALUE', "'institutionIds' must name at least one institution.")) ??
    (procedures.length > 0 && procedures.every((p) => PROCEDURES.includes(p))
      ? undefined
      : domainError('INVALID_VALUE', "'procedures' must name at least one known procedure.")) ??
    requireDate(validFrom, 'validFrom') ??
    (validUntil === undefined
      ? undefined
      : (requireDate(validUntil, 'validUntil') ??
        (validUntil < validFrom
          ? domainError('INVALID_PERIOD', "'validUntil' must not be before 'validFrom'.")
          : undefined))) ??
    (command.principalTrainingHospital && kind !== 'medical-director'
      ? domainError(
          'INVALID_VALUE',
          'Only a medical director directs a principal training hospital.',
        )
      : undefined)
  );
}

function decide(
  command: SupervisorCommand,
  state: SupervisorState,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const guard = admitCommand(command, context.actor);
  if (guard) return guard;

  switch (command.type) {
    case 'AccreditSupervisor': {
      const { type: _type, ...data } = command;
      return (
        checkAccreditation(command, state) ?? [
          {
            type: 'SupervisorAccredited',
            data: compact({
              ...data,
              institutionIds: [...new Set(data.institutionIds)],
              procedures: [...new Set(data.procedures)],
            }),
          },
        ]
      );
    }
    case 'RevokeSupervisorAccreditation': {
      const { supervisorId, reason, forCause } = command;
      return (
        requireReason(reason) ??
        // Revoking covers current and future-dated periods alike: nothing unrevoked remains.
        (state.status === 'known' &&
        state.periods.some(
          (p) =>
            p.revokedOn === undefined &&
            (p.validUntil === undefined || p.validUntil >= context.today),
        )
          ? undefined
          : domainError(
              'SUPERVISOR_NOT_ACCREDITED',
              'The supervisor holds no accreditation to revoke.',
            )) ?? [
          {
            type: 'SupervisorAccreditationRevoked',
            data: compact({
              supervisorId,
              revokedOn: context.today,
              reason,
              forCause: forCause === true ? true : undefined,
            }),
          },
        ]
      );
    }
  }
}

export const supervisorDecider: Decider<SupervisorCommand, SupervisorState> = {
  decide,
  evolve: evolveSupervisor,
  initialState: initialSupervisorState,
};
