import type { Role } from '@inr/domain';

/** The authenticated caller, as read from a verified bearer token. */
export interface Actor {
  subject: string;
  role: Role;
  /** The institution the token was issued for; scopes reads and institutional writes. */
  institutionId: string;
}
