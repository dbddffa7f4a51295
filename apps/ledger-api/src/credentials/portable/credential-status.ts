import type { CredentialRecord } from '@inr/projections';

/** What anyone may learn about a credential: its state, since when, and the event that set it. */
export interface PublicCredentialStatus {
  credentialId: string;
  status: 'valid' | 'suspended' | 'revoked';
  /** The day of the change (or of the issue). */
  since: string;
  /** The ledger position (leaf index) of the event that set the status. */
  position: number;
  event: string;
  /** Every change, oldest first: the status history is itself in the log. */
  history: {
    status: 'valid' | 'suspended' | 'revoked';
    since: string;
    position: number;
    event: string;
  }[];
}

const PUBLIC = { active: 'valid', suspended: 'suspended', revoked: 'revoked' } as const;

/** The public status of a credential: no reason, no person, only state, dates and positions. */
export function credentialStatus(record: CredentialRecord): PublicCredentialStatus {
  const history = record.history.map((c) => ({
    status: PUBLIC[c.status],
    since: c.on,
    position: c.position,
    event: c.type,
  }));
  const last = history[history.length - 1]!;
  return { credentialId: record.credentialId, ...last, history };
}
