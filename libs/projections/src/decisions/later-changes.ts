import { actorOf, str, type RecordedActor, type LedgerEvent } from '../events/ledger-event';

export type ChangeKind =
  | 'amended'
  | 'sign-off-withdrawn'
  | 'retracted'
  | 'sign-off-disputed'
  | 'signer-accreditation-revoked';

export interface LaterChange {
  change: ChangeKind;
  eventId: string;
  type: string;
  position: number;
  recordedAt: string;
  actor: RecordedActor | null;
}

/** People who vouched for an event: its supervisor, signer or assessor. */
export function signersOf(event: LedgerEvent): string[] {
  return ['supervisorId', 'signerId', 'assessorId'].flatMap((field) => {
    const id = str(event.data, field);
    return id === undefined ? [] : [id];
  });
}

/**
 * What happened after the decision to an event it stood on: the case was amended (perhaps
 * withdrawing its sign-off), retracted or disputed, or a signer lost their accreditation.
 * `history` is the trainee's events plus the global ones (accreditations), in order.
 */
export function laterChanges(
  event: LedgerEvent,
  history: readonly LedgerEvent[],
  after: number,
): LaterChange[] {
  const caseId = event.type.startsWith('Case') ? str(event.data, 'caseId') : undefined;
  const signers = new Set(signersOf(event));
  // A case's sign-offs before the decision vouch for it too.
  if (caseId !== undefined)
    for (const e of history)
      if (e.position < after && e.type === 'CaseSignedOff' && str(e.data, 'caseId') === caseId)
        for (const signer of signersOf(e)) signers.add(signer);
  const out: LaterChange[] = [];
  const note = (change: ChangeKind, e: LedgerEvent): void => {
    out.push({
      change,
      eventId: e.id,
      type: e.type,
      position: e.position,
      recordedAt: e.recordedAt,
      actor: actorOf(e),
    });
  };
  for (const e of history) {
    if (e.position <= after) continue;
    if (caseId !== undefined && str(e.data, 'caseId') === caseId) {
      if (e.type === 'CaseAmended')
        note(e.data['signOffWithdrawn'] === true ? 'sign-off-withdrawn' : 'amended', e);
      else if (e.type === 'CaseRetracted') note('retracted', e);
      else if (e.type === 'CaseSignOffDisputed') note('sign-off-disputed', e);
    }
    if (
      e.type === 'SupervisorAccreditationRevoked' &&
      signers.has(str(e.data, 'supervisorId') ?? '')
    )
      note('signer-accreditation-revoked', e);
  }
  return out;
}
