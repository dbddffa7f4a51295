import type { CredentialDecisionRecorded } from '@inr/domain';
import { indexKey } from '../event-index/event-index-projection';
import type { LedgerEvent } from '../events/ledger-event';
import type { ReadModelContext } from '../read-model-context';

export interface RecordedDecision {
  event: LedgerEvent;
  decision: CredentialDecisionRecorded;
}

/** A CredentialDecisionRecorded by decisionId, through the event index; undefined when unknown. */
export async function findDecision(
  ctx: ReadModelContext,
  decisionId: string,
): Promise<RecordedDecision | undefined> {
  const head = await ctx.store.count();
  const [event] = (await ctx.index.events([indexKey.decision(decisionId)], head)).filter(
    (e) => e.type === 'CredentialDecisionRecorded',
  );
  return event
    ? { event, decision: event.data as unknown as CredentialDecisionRecorded }
    : undefined;
}
