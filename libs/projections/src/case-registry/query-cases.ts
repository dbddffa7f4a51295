import { indexKey } from '../event-index/event-index-projection';
import type { LedgerEvent } from '../events/ledger-event';
import { parseDocs } from '../runner/document-projection';
import { foldDocuments } from '../runner/keyed-fold';
import { table } from '../runner/projection';
import { activeTables } from '../runner/projection-versions';
import { projectedSize, type ReadModelContext } from '../read-model-context';
import { resolveAsOf } from '../time-travel/as-of';
import { scanRange } from '../time-travel/read-positions';
import { caseFilterSql, compareCases, matchesCase, type CaseRegistryFilter } from './case-filter';
import { caseFold, type CaseRecord } from './case-fold';
import { CASE_REGISTRY } from './case-registry-projection';

export interface CaseQuery extends CaseRegistryFilter {
  /** Ledger position or ISO recorded time; absent means the projected registry (now). */
  asOf?: string | number;
  limit?: number;
  offset?: number;
}

export interface CasePage {
  /** Ledger size the answer reflects: events with position below it. */
  ledgerSize: number;
  total: number;
  cases: CaseRecord[];
}

export async function queryCases(ctx: ReadModelContext, query: CaseQuery): Promise<CasePage> {
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
  const offset = Math.max(query.offset ?? 0, 0);
  if (query.asOf !== undefined) {
    const ledgerSize = await resolveAsOf(ctx.store, query.asOf);
    const all = [...(await casesAsOf(ctx, query, ledgerSize)).values()]
      .filter((record) => matchesCase(record, query))
      .sort(compareCases);
    return { ledgerSize, total: all.length, cases: all.slice(offset, offset + limit) };
  }
  const name = table(activeTables(ctx.db, CASE_REGISTRY), 'case_registry');
  const { where, params } = caseFilterSql(query);
  const total = ctx.db
    .prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM ${name} ${where}`)
    .get(...params);
  const rows = ctx.db
    .prepare<unknown[], { doc: string }>(
      `SELECT doc FROM ${name} ${where} ORDER BY performed_on, logged_position LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, offset);
  return {
    ledgerSize: projectedSize(ctx.db, CASE_REGISTRY),
    total: total?.n ?? 0,
    cases: parseDocs(rows),
  };
}

/**
 * The registry as it stood at `ledgerSize`, folded in memory with the projection's own fold.
 * A trainee or institution filter narrows the events read through the event index.
 */
export async function casesAsOf(
  ctx: ReadModelContext,
  filter: Pick<CaseRegistryFilter, 'traineeId' | 'institutionId'>,
  ledgerSize: number,
): Promise<Map<string, CaseRecord>> {
  let events: LedgerEvent[];
  if (filter.traineeId !== undefined)
    events = await ctx.index.events([indexKey.trainee(filter.traineeId)], ledgerSize);
  else if (filter.institutionId !== undefined)
    events = await ctx.index.events([indexKey.institution(filter.institutionId)], ledgerSize);
  else {
    events = [];
    await scanRange(ctx.store, 0, ledgerSize, (event) => {
      if (caseFold.keyOf(event) !== undefined) events.push(event);
    });
  }
  return foldDocuments(caseFold, events);
}
