import type { PolicyPublished, SupervisorAccredited } from '@inr/domain';
import { indexKey } from '../event-index/event-index-projection';
import type { ReadModelContext } from '../read-model-context';

export interface PublishedVersion {
  pathwayId: string;
  version: string;
  contentHash: string;
  publishedAt: string;
  position: number;
}

/**
 * Every published pathway version, in publication order, from the event index's global key
 * (accreditations and pathways, which every evaluation may need): no pass over the ledger.
 */
export async function publishedPathways(ctx: ReadModelContext): Promise<PublishedVersion[]> {
  const events = await ctx.index.events([indexKey.global], await ctx.store.count());
  return events
    .filter((e) => e.type === 'PolicyPublished')
    .map((e) => {
      const data = e.data as unknown as PolicyPublished;
      return {
        pathwayId: data.pathwayId,
        version: data.version,
        contentHash: data.contentHash,
        publishedAt: e.recordedAt,
        position: e.position,
      };
    });
}

/**
 * Institutions the ledger knows: those named by any supervisor accreditation. A training site
 * exists for the ledger once someone is accredited to supervise there.
 */
export async function knownInstitutions(ctx: ReadModelContext): Promise<Set<string>> {
  const events = await ctx.index.events([indexKey.global], await ctx.store.count());
  const known = new Set<string>();
  for (const e of events) {
    if (e.type !== 'SupervisorAccredited') continue;
    for (const id of (e.data as unknown as SupervisorAccredited).institutionIds) known.add(id);
  }
  return known;
}
