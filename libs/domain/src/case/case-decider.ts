import { admitCommand } from '../shared/admit-command';
import type { CaseLogged, DomainEvent } from '../events';
import type { DecisionContext } from '../shared/context';
import type { Decider } from '../shared/decider';
import { domainError, type DomainError } from '../shared/domain-error';
import { compact, requireActorIs, requireReason } from '../shared/guards';
import { initialSupervisorState } from '../supervisor/supervisor-state';
import type { CaseCommand } from './case-commands';
import { checkOutcome, mayRecordOutcome } from './case-outcome';
import { checkCaseRecord } from './case-record-checks';
import { evolveCase, initialCaseState, type CaseState } from './case-state';
import { procedureRefOf } from './procedure-ref';
import { signOffJudgements, supervisionCorrection } from './sign-off-judgements';
import { supervisorMaySign } from './supervisor-may-sign';

type Logged = Extract<CaseState, { status: 'logged' }>;

function notOwner(context: DecisionContext, traineeId: string): DomainError | undefined {
  return context.actor.subject === traineeId
    ? undefined
    : domainError(
        'NOT_CASE_OWNER',
        'Only the trainee who logged a case may log, amend or retract it.',
      );
}

function notSelfSigning(context: DecisionContext, record: CaseLogged): DomainError | undefined {
  return context.actor.subject === record.traineeId
    ? domainError('CANNOT_SIGN_OWN_CASE', 'A trainee cannot sign off or dispute their own case.')
    : undefined;
}

/** An independent operator's case has no sign-off to give or dispute. */
function selfAttested(record: CaseLogged): DomainError | undefined {
  return record.selfAttested === true
    ? domainError(
        'CASE_SELF_ATTESTED',
        'The case was logged by an independent operator without a supervisor: it has no sign-off.',
      )
    : undefined;
}

function existing(state: CaseState, caseId: string): Logged | DomainError {
  if (state.status === 'not-logged') return domainError('CASE_NOT_FOUND', `No case '${caseId}'.`);
  if (state.status === 'retracted') {
    return domainError(
      'CASE_RETRACTED',
      'The case was retracted; it cannot be changed, signed or counted.',
    );
  }
  return state;
}

function decide(
  command: CaseCommand,
  state: CaseState,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const guard = admitCommand(command, context.actor);
  if (guard) return guard;

  if (command.type === 'LogCase') {
    const { type: _type, ...record } = command;
    return (
      (state.status !== 'not-logged'
        ? domainError('CASE_ALREADY_LOGGED', `Case '${record.caseId}' is already logged.`)
        : undefined) ??
      notOwner(context, record.traineeId) ??
      checkCaseRecord(record, context) ?? [
        { type: 'CaseLogged', data: compact({ ...record, procedureRef: procedureRefOf(record) }) },
      ]
    );
  }

  const current = existing(state, command.caseId);
  if ('code' in current) return current;
  const { record } = current;

  switch (command.type) {
    case 'AmendCase': {
      const changes = compact(command.changes);
      const changed = Object.keys(changes).some(
        (key) =>
          JSON.stringify(changes[key as keyof typeof changes]) !==
          JSON.stringify(record[key as keyof typeof changes]),
      );
      return (
        notOwner(context, record.traineeId) ??
        requireReason(command.reason) ??
        (changed ? undefined : domainError('NOTHING_TO_AMEND', 'The amendment changes nothing.')) ??
        checkCaseRecord({ ...record, ...changes }, context) ?? [
          {
            type: 'CaseAmended',
            data: {
              caseId: record.caseId,
              traineeId: record.traineeId,
              changes,
              reason: command.reason,
              signOffWithdrawn: current.signOff.status === 'signed-off',
            },
          },
        ]
      );
    }
    case 'RetractCase':
      return (
        notOwner(context, record.traineeId) ??
        requireReason(command.reason) ?? [
          {
            type: 'CaseRetracted',
            data: { caseId: record.caseId, traineeId: record.traineeId, reason: command.reason },
          },
        ]
      );
    case 'SignOffCase':
      return (
        notSelfSigning(context, record) ??
        selfAttested(record) ??
        requireActorIs(context.actor, command.supervisorId, 'supervisorId') ??
        (current.signOff.status === 'signed-off'
          ? domainError('CASE_ALREADY_SIGNED_OFF', 'The case is already signed off.')
          : undefined) ??
        supervisorMaySign(
          context.supervisor ?? initialSupervisorState(),
          command.supervisorId,
          record,
          context.today,
        ) ??
        signOffJudgements(command, record) ?? [
          ...supervisionCorrection(command, record, context.today),
          {
            type: 'CaseSignedOff',
            data: compact({
              caseId: record.caseId,
              traineeId: record.traineeId,
              supervisorId: command.supervisorId,
              signedOn: context.today,
              comment: command.comment,
              entrustment: command.entrustment,
            }),
          },
        ]
      );
    case 'RecordCaseOutcome':
      return (
        mayRecordOutcome(context.actor, record) ??
        checkOutcome(record, current.outcome, command.outcome) ?? [
          {
            type: 'CaseOutcomeRecorded',
            data: {
              caseId: record.caseId,
              traineeId: record.traineeId,
              procedureRef: procedureRefOf(record),
              outcome: compact(command.outcome),
            },
          },
        ]
      );
    case 'DisputeCaseSignOff':
      // The supervisor the trainee named may always dispute ("I was not there"); anyone else
      // must be a supervisor who could have signed it.
      return (
        notSelfSigning(context, record) ??
        selfAttested(record) ??
        requireActorIs(context.actor, command.supervisorId, 'supervisorId') ??
        requireReason(command.reason) ??
        (current.signOff.status === 'signed-off'
          ? domainError(
              'CASE_ALREADY_SIGNED_OFF',
              'A signed-off case is corrected by amending it, not disputed.',
            )
          : undefined) ??
        (command.supervisorId === record.supervisorId
          ? undefined
          : supervisorMaySign(
              context.supervisor ?? initialSupervisorState(),
              command.supervisorId,
              record,
              context.today,
            )) ?? [
          {
            type: 'CaseSignOffDisputed',
            data: {
              caseId: record.caseId,
              traineeId: record.traineeId,
              supervisorId: command.supervisorId,
              reason: command.reason,
            },
          },
        ]
      );
  }
}

export const caseDecider: Decider<CaseCommand, CaseState> = {
  decide,
  evolve: evolveCase,
  initialState: initialCaseState,
};
