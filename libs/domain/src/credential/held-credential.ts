import type { DomainEvent } from '../events';

/** The credential's life once issued: active -> suspended -> active (reinstated) | revoked (final). */
export type CredentialStatus = 'active' | 'suspended' | 'revoked';

/** A credential a trainee holds, as the case decider needs it to trust independent practice. */
export interface HeldCredential {
  credentialId: string;
  pathwayId: string;
  issuedOn: string;
  status: CredentialStatus;
}

/**
 * Folds a trainee's credential events (issued, suspended, reinstated, revoked; each names its
 * credential) into the credentials they hold, in order of issue. Events of other types pass.
 */
export function heldCredentials(events: readonly DomainEvent[]): HeldCredential[] {
  const held = new Map<string, HeldCredential>();
  const set = (id: string, status: CredentialStatus, from: readonly CredentialStatus[]) => {
    const credential = held.get(id);
    if (credential && from.includes(credential.status)) held.set(id, { ...credential, status });
  };
  for (const event of events) {
    switch (event.type) {
      case 'CredentialIssued': {
        const { credentialId, pathwayId, issuedOn } = event.data;
        held.set(credentialId, { credentialId, pathwayId, issuedOn, status: 'active' });
        break;
      }
      case 'CredentialSuspended':
        set(event.data.credentialId, 'suspended', ['active']);
        break;
      case 'CredentialReinstated':
        set(event.data.credentialId, 'active', ['suspended']);
        break;
      case 'CredentialRevoked':
        set(event.data.credentialId, 'revoked', ['active', 'suspended']);
        break;
      default:
        break;
    }
  }
  return [...held.values()];
}

/** Whether a credential held active today was already issued on `day`. */
export function credentialedOn(credentials: readonly HeldCredential[], day: string): boolean {
  return credentials.some((c) => c.status === 'active' && c.issuedOn <= day);
}
