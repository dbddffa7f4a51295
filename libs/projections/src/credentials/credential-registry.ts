import type { CredentialDecisionRecorded, CredentialIssued, CredentialStatus } from '@inr/domain';
import { indexKey } from '../event-index/event-index-projection';
import type { LedgerEvent } from '../events/ledger-event';
import type { ReadModelContext } from '../read-model-context';

/** One status change, as the ledger recorded it: what, on which day, at which position. */
export interface StatusChange {
  status: CredentialStatus;
  on: string;
  position: number;
  type: string;
  /** When the ledger recorded the event (ISO 8601). */
  recordedAt: string;
}

/** An issued credential, everything its portable form states, folded from the ledger. */
export interface CredentialRecord {
  credentialId: string;
  applicationId: string;
  traineeId: string;
  pathwayId: string;
  issuedOn: string;
  /** Position of the CredentialIssued event. */
  issuedPosition: number;
  /** Order of issue (0, 1, …): the credential's index on the status lists. */
  statusIndex: number;
  /** The granted decision the credential was issued on, and its position (leaf index). */
  decision: CredentialDecisionRecorded & { position: number };
  status: CredentialStatus;
  /** Every status the credential has had, oldest first; the first is its issue. */
  history: StatusChange[];
}

const CHANGES: Record<string, { status: CredentialStatus; dateField: string }> = {
  CredentialSuspended: { status: 'suspended', dateField: 'suspendedOn' },
  CredentialReinstated: { status: 'active', dateField: 'reinstatedOn' },
  CredentialRevoked: { status: 'revoked', dateField: 'revokedOn' },
};

/**
 * Folds the `credentials` index key's events (granted decisions, issues and status changes,
 * in ledger order) into the credentials issued, in order of issue. Deterministic: the same
 * ledger gives every credential the same status index.
 */
export function foldCredentials(events: readonly LedgerEvent[]): CredentialRecord[] {
  const granted = new Map<string, CredentialDecisionRecorded & { position: number }>();
  const records: CredentialRecord[] = [];
  const byId = new Map<string, CredentialRecord>();
  for (const event of events) {
    if (event.type === 'CredentialDecisionRecorded') {
      const decision = event.data as unknown as CredentialDecisionRecorded;
      if (decision.outcome === 'granted')
        granted.set(decision.applicationId, { ...decision, position: event.position });
      continue;
    }
    if (event.type === 'CredentialIssued') {
      const issued = event.data as unknown as CredentialIssued;
      const decision = granted.get(issued.applicationId);
      if (!decision || byId.has(issued.credentialId)) continue;
      const record: CredentialRecord = {
        credentialId: issued.credentialId,
        applicationId: issued.applicationId,
        traineeId: issued.traineeId,
        pathwayId: issued.pathwayId,
        issuedOn: issued.issuedOn,
        issuedPosition: event.position,
        statusIndex: records.length,
        decision,
        status: 'active',
        history: [
          {
            status: 'active',
            on: issued.issuedOn,
            position: event.position,
            type: event.type,
            recordedAt: event.recordedAt,
          },
        ],
      };
      records.push(record);
      byId.set(record.credentialId, record);
      continue;
    }
    const change = CHANGES[event.type];
    const record = byId.get(String(event.data['credentialId']));
    if (!change || !record || record.status === 'revoked') continue;
    record.status = change.status;
    record.history.push({
      status: change.status,
      on: String(event.data[change.dateField]),
      position: event.position,
      type: event.type,
      recordedAt: event.recordedAt,
    });
  }
  return records;
}

/** Every credential issued below ledger size `below` (the whole ledger by default). */
export async function credentialRecords(
  ctx: ReadModelContext,
  below?: number,
): Promise<CredentialRecord[]> {
  const size = below ?? (await ctx.store.count());
  return foldCredentials(await ctx.index.events([indexKey.credentials], size));
}
