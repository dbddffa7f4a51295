// Small checks shared by the deciders. Each returns a DomainError or undefined, so a decider
// reads as a `??` chain of its rules in the order a user should hear about them.
import type { Role } from '../vocabulary/vocabulary';
import type { Actor } from './context';
import { compareDates, isIsoDate } from './dates';
import { domainError, type DomainError } from './domain-error';

export function requireRole(
  actor: Actor,
  roles: readonly Role[],
  commandType: string,
): DomainError | undefined {
  return roles.includes(actor.role)
    ? undefined
    : domainError(
        'ROLE_NOT_PERMITTED',
        `${commandType} needs one of the roles ${roles.join(', ')}; the actor is '${actor.role}'.`,
      );
}

/** The person named in the command must be the one making it: nobody signs for someone else. */
export function requireActorIs(
  actor: Actor,
  subject: string,
  field: string,
): DomainError | undefined {
  return actor.subject === subject
    ? undefined
    : domainError('ACTOR_MISMATCH', `'${field}' must be the authenticated actor.`);
}

export function requireDate(value: string, field: string): DomainError | undefined {
  return isIsoDate(value)
    ? undefined
    : domainError('INVALID_DATE', `'${field}' must be a calendar date (YYYY-MM-DD).`);
}

export function requirePastOrToday(
  value: string,
  today: string,
  field: string,
): DomainError | undefined {
  return (
    requireDate(value, field) ??
    (compareDates(value, today) > 0
      ? domainError('DATE_IN_FUTURE', `'${field}' cannot be in the future.`)
      : undefined)
  );
}

export function requirePeriod(from: string, to: string): DomainError | undefined {
  return (
    requireDate(from, 'from') ??
    requireDate(to, 'to') ??
    (compareDates(from, to) > 0
      ? domainError('INVALID_PERIOD', `'from' must not be after 'to'.`)
      : undefined)
  );
}

export function requireReason(
  value: string | undefined,
  field = 'reason',
): DomainError | undefined {
  return value !== undefined && value.trim().length > 0
    ? undefined
    : domainError('REASON_REQUIRED', `'${field}' must give a reason.`);
}

export function requireNonEmpty(value: string, field: string): DomainError | undefined {
  return value.trim().length > 0
    ? undefined
    : domainError('INVALID_VALUE', `'${field}' must not be empty.`);
}

/** Drops undefined optional fields so events compare and serialise the same however they were built. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
