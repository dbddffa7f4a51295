// Rotations: a trainee on placement at another trust logs cases there, during the placement
// only. The trainee's own trust declares it (its medical director, or an admin); the host's
// consent shows case by case, as only a supervisor accredited at the host signs a case there.
import type { DomainEvent } from '../events';
import type { DecisionContext } from '../shared/context';
import { domainError, type DomainError } from '../shared/domain-error';
import { requireActorIs, requireNonEmpty, requirePeriod } from '../shared/guards';
import type { DeclareRotation } from './trainee-commands';
import { homeInstitutionsOn, type TraineeState } from './trainee-state';

type Enrolled = Extract<TraineeState, { status: 'enrolled' }>;

/**
 * A declaration covers at most a training year: `to` falls before the same day a year after
 * `from` (compared as text, so 29 February works too). A longer placement is declared again.
 */
const withinAYear = (from: string, to: string): boolean =>
  to < `${String(Number(from.slice(0, 4)) + 1).padStart(4, '0')}${from.slice(4)}`;

export function decideDeclareRotation(
  command: DeclareRotation,
  state: Enrolled,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const { type: _type, ...data } = command;
  const { institutionId, from, to } = data;
  return (
    requireActorIs(context.actor, data.declaredBy, 'declaredBy') ??
    requireNonEmpty(institutionId, 'institutionId') ??
    requirePeriod(from, to) ??
    (from < state.enrolment.enrolledOn
      ? domainError('DATE_BEFORE_ENROLMENT', "'from' is before the trainee's enrolment.")
      : undefined) ??
    (withinAYear(from, to)
      ? undefined
      : domainError(
          'ROTATION_TOO_LONG',
          'A rotation covers less than a year; declare a longer placement again.',
        )) ??
    ((context.knownInstitutions ?? []).includes(institutionId)
      ? undefined
      : domainError('UNKNOWN_INSTITUTION', `No institution '${institutionId}' is known.`)) ??
    ([from, to].some((day) => homeInstitutionsOn(state, day).includes(institutionId))
      ? domainError(
          'ROTATION_AT_OWN_INSTITUTION',
          `The trainee already trains at '${institutionId}' then; a rotation is to another trust.`,
        )
      : undefined) ??
    (state.rotations.some((r) => r.institutionId === institutionId && r.from <= to && from <= r.to)
      ? domainError(
          'ROTATION_OVERLAPS',
          `A rotation at '${institutionId}' already covers part of ${from} to ${to}.`,
        )
      : undefined) ?? [{ type: 'RotationDeclared', data }]
  );
}
