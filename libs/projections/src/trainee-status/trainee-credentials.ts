import { heldCredentials, type DomainEvent, type HeldCredential } from '@inr/domain';
import type { ReadModelContext } from '../read-model-context';
import { traineeHistory } from './trainee-status';

/**
 * The credentials a trainee holds now, from their events in the index (exact at any lag: the
 * index reader scans what it has not filed yet). The case decider needs them to accept a
 * self-attested case.
 */
export async function traineeCredentials(
  ctx: ReadModelContext,
  traineeId: string,
): Promise<HeldCredential[]> {
  const history = await traineeHistory(ctx, traineeId, await ctx.store.count());
  // Ledger events are already upcast to the current schema of their type.
  return heldCredentials(history as readonly { type: string; data: unknown }[] as DomainEvent[]);
}
