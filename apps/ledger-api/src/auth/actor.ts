import type { Actor } from '@inr/domain';

/**
 * The authenticated caller, as read from a verified bearer token: the domain's Actor (who issues
 * a command) with the institution the token was issued for, which scopes reads and
 * institutional writes.
 */
export interface AuthenticatedActor extends Actor {
  institutionId: string;
}
