import {
  periodsHolding,
  type ApplicationState,
  type CaseLogged,
  type CaseState,
  type DecisionContext,
  type SupervisorState,
  type TraineeState,
} from '@inr/domain';
import { notFound } from '../platform/problem/problem.exception';

// Helpers the use cases share to describe, for `authorize`, the record a command touches.
// A command on a record that does not exist answers 404 before any policy check.

export function enrolledTrainee(
  state: TraineeState,
  traineeId: string,
): Extract<TraineeState, { status: 'enrolled' }> {
  if (state.status !== 'enrolled') throw notFound(`no trainee '${traineeId}' is enrolled`);
  return state;
}

export function loggedCase(state: CaseState, caseId: string): CaseLogged {
  if (state.status === 'not-logged') throw notFound(`no case '${caseId}'`);
  return state.record;
}

export function submittedApplication(state: ApplicationState, applicationId: string): void {
  if (state.status === 'not-submitted')
    throw notFound(`no credential application '${applicationId}'`);
}

/** Institutions where the acting supervisor's accreditation holds today. */
export function accreditedToday(context: DecisionContext): string[] {
  const supervisor: SupervisorState | undefined = context.supervisor;
  if (!supervisor) return [];
  return periodsHolding(supervisor, context.today, context.today).flatMap((p) => p.institutionIds);
}

export function supervisorInstitutions(state: SupervisorState): string[] {
  return state.status === 'known'
    ? [...new Set(state.periods.flatMap((p) => p.institutionIds))]
    : [];
}
