import type { ApplicationQuery, CaseQuery } from '@inr/projections';
import type { AuthenticatedActor } from '../auth/actor';
import { POLICY } from '../auth/authorize';
import { forbidden } from '../platform/problem/problem.exception';

/**
 * Narrows a registry query to what the caller may read under the 'case.read' rule: a trainee
 * their own cases, institution-scoped roles their institution's, a supervisor the cases naming
 * them or at their institution. An explicit filter outside that scope is refused, not widened.
 */
export function scopeCaseQuery(actor: AuthenticatedActor, query: CaseQuery): CaseQuery {
  const rule = POLICY['case.read'][actor.role];
  const outside = (what: string): never => {
    throw forbidden(`reading the case registry: only ${what}`);
  };
  switch (rule) {
    case 'any':
      return query;
    case 'own':
      if (query.traineeId !== undefined && query.traineeId !== actor.subject)
        outside('your own cases');
      return { ...query, traineeId: actor.subject };
    case 'institution':
      if (query.institutionId !== undefined && query.institutionId !== actor.institutionId)
        outside("your institution's cases");
      return { ...query, institutionId: actor.institutionId };
    case 'named-or-institution':
      if (query.supervisorId === actor.subject) return query;
      if (query.institutionId !== undefined && query.institutionId !== actor.institutionId)
        outside('cases naming you or at your institution');
      return { ...query, institutionId: actor.institutionId };
    default:
      return outside('roles allowed to read cases');
  }
}

/**
 * Narrows an application listing under the 'application.read' rule: a trainee their own, an
 * institution-scoped role its institution's (an explicit other institution is refused).
 */
export function scopeApplicationQuery(
  actor: AuthenticatedActor,
  query: ApplicationQuery,
): ApplicationQuery {
  switch (POLICY['application.read'][actor.role]) {
    case 'any':
      return query;
    case 'own':
      return { ...query, traineeId: actor.subject };
    case 'institution':
      if (query.institutionId !== undefined && query.institutionId !== actor.institutionId)
        throw forbidden("reading applications: only your institution's");
      return { ...query, institutionId: actor.institutionId };
    default:
      throw forbidden('reading applications: not for your role');
  }
}
