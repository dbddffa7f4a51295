import { comparePathwayVersions, type PolicyPublished } from '@inr/domain';
import { shippedVersions, validatePathway, type Pathway } from '@inr/policy';
import { indexKey } from '../event-index/event-index-projection';
import type { LedgerEvent } from '../events/ledger-event';
import type { ReadModelContext } from '../read-model-context';

export interface ResolvedPathway {
  pathway: Pathway;
  /** 'ledger' when published in the ledger (then `event` is the PolicyPublished), else the shipped catalogue. */
  source: 'ledger' | 'catalogue';
  contentHash: string | null;
  event?: LedgerEvent;
}

/**
 * The pathways the ledger knew below `below`: every PolicyPublished, validated, then the
 * catalogue for versions never published. A ledger publication wins: a decision can only cite
 * a published version, and its document is what the panel saw.
 */
export async function knownPathways(
  ctx: ReadModelContext,
  below: number,
): Promise<ResolvedPathway[]> {
  const out: ResolvedPathway[] = [];
  const seen = new Set<string>();
  for (const event of await ctx.index.events([indexKey.global], below)) {
    if (event.type !== 'PolicyPublished') continue;
    const resolved = validated(event);
    if (!resolved) continue;
    out.push(resolved);
    seen.add(`${resolved.pathway.id}@${resolved.pathway.version}`);
  }
  for (const pathway of shippedVersions) {
    if (!seen.has(`${pathway.id}@${pathway.version}`))
      out.push({ pathway, source: 'catalogue', contentHash: null });
  }
  return out;
}

// Global events are kept by the index reader, so the same event objects come back query after
// query: validating each publication once saves re-checking whole pathway documents.
const validations = new WeakMap<LedgerEvent, ResolvedPathway | null>();

function validated(event: LedgerEvent): ResolvedPathway | null {
  const cached = validations.get(event);
  if (cached !== undefined) return cached;
  const published = event.data as unknown as PolicyPublished;
  const result = validatePathway(published.document);
  const resolved: ResolvedPathway | null = result.ok
    ? { pathway: result.pathway, source: 'ledger', contentHash: published.contentHash, event }
    : null;
  validations.set(event, resolved);
  return resolved;
}

/** A pathway version, or the latest version of the id when `version` is undefined. */
export function pickPathway(
  known: readonly ResolvedPathway[],
  id: string,
  version?: string,
): ResolvedPathway | undefined {
  const candidates = known.filter(
    (k) => k.pathway.id === id && (version === undefined || k.pathway.version === version),
  );
  return candidates.sort((a, b) => comparePathwayVersions(b.pathway.version, a.pathway.version))[0];
}
