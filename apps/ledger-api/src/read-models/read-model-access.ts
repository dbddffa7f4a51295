import type { CaseQuery } from '@inr/projections';
import type { Actor } from '../auth/actor';
import { authorize, POLICY } from '../auth/authorize';
import { forbidden } from '../platform/problem/problem.exception';

/** Throws 403 unless the policy lets the actor do `action` on this record. */
export function requireAllowed(
  actor: Actor,
  action: Parameters<typeof authorize>[1],
  resource: Parameters<typeof authorize>[2],
): void {
  const decision = authorize(actor, action, resource);
  if (!decision.allowed) throw forbidden(decision.reason);
}

/**
 * Narrows a registry query to what the caller may read under the 'case.read' rule: a trainee
 * their own cases, institution-scoped roles their institution's, a supervisor the cases naming
 * them or at their institution. An explicit filter outside that scope is refused, not widened.
 */
export function scopeCaseQuery(actor: Actor, query: CaseQuery): CaseQuery {
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

// TODO(api): audit and workforce have no action of their own in auth/authorize.ts POLICY yet;
// until they do, these roles (the read-everything ones plus institutional ones) may read them.
const AGGREGATE_READERS = new Set([
  'panel',
  'accreditor',
  'regulator',
  'admin',
  'medical-director',
  'trust-auditor',
]);

/** Audit of an institution: 'any' roles, or institutional roles for their own institution. */
export function requireAuditReader(actor: Actor, institutionId: string): void {
  if (!AGGREGATE_READERS.has(actor.role))
    throw forbidden(`role '${actor.role}' may not read trust audits`);
  const institutional = actor.role === 'medical-director' || actor.role === 'trust-auditor';
  if (institutional && actor.institutionId !== institutionId)
    throw forbidden("reading a trust audit: only your institution's");
}

export function requireWorkforceReader(actor: Actor): void {
  if (!AGGREGATE_READERS.has(actor.role))
    throw forbidden(`role '${actor.role}' may not read workforce figures`);
}
