import type { AuditBundle } from '@inr/ledger';
import { auditFromEvents, toLedgerEvent, type AuditReport } from '@inr/projections';
import { canonicalJson } from '@inr/transparency';

type Outcome = { ok: true } | { ok: false; reason: string };
type Leaf = Parameters<typeof toLedgerEvent>[0] & { eventId: string };

/**
 * The `report` check of `inr-ledger verify` for an audit bundle, run after every event is
 * proven: fold the bundled events with the service's own code, recompute the audit at the
 * checkpoint's size, and compare it with the bundled report figure by figure.
 */
export function recomputeAudit(
  bundle: AuditBundle,
  checkpoint: { origin: string; size: number; root: string },
): Outcome {
  const { institutionId, from, to } = bundle.scope;
  if ([institutionId, from, to].some((v) => typeof v !== 'string'))
    return { ok: false, reason: 'the scope needs institutionId, from and to' };
  const events = [...bundle.events]
    .sort((a, b) => a.leafIndex - b.leafIndex)
    .map((e) => {
      const leaf = JSON.parse(e.leaf) as Leaf;
      return toLedgerEvent({ ...leaf, id: leaf.eventId, position: e.leafIndex });
    });
  const recomputed = auditFromEvents(events, {
    institutionId,
    from,
    to,
    ledgerSize: checkpoint.size,
    checkpoint: { origin: checkpoint.origin, size: checkpoint.size, rootHash: checkpoint.root },
  });
  if (canonicalJson(recomputed) === canonicalJson(bundle.report as never)) return { ok: true };
  return { ok: false, reason: firstDifference(bundle.report as AuditReport, recomputed) };
}

function firstDifference(claimed: AuditReport, recomputed: AuditReport): string {
  for (const field of ['format', 'institutionId', 'from', 'to', 'ledgerSize'] as const) {
    if (claimed?.[field] !== recomputed[field])
      return `${field}: the bundle says ${JSON.stringify(claimed?.[field])}, recomputed ${JSON.stringify(recomputed[field])}`;
  }
  if (canonicalJson(claimed.checkpoint as never) !== canonicalJson(recomputed.checkpoint as never))
    return 'the report names another checkpoint than the bundle carries';
  const rows = (r: AuditReport) => [
    ...(Array.isArray(r.rows)
      ? r.rows.map((row) => ({ dimension: 'trust', key: '', ...row }))
      : []),
    ...(Array.isArray(r.series) ? r.series : []),
  ];
  const mine = rows(recomputed);
  const theirs = rows(claimed);
  for (const [i, row] of mine.entries()) {
    if (canonicalJson(row as never) !== canonicalJson(theirs[i] as never)) {
      const at = `${row.dimension}${row.key ? ` ${row.key}` : ''} ${row.procedure} ${row.metric}`;
      return `${at}: the bundle says ${JSON.stringify(theirs[i] ?? null)}, recomputed ${row.count}/${row.denominator ?? '-'} = ${row.value}`;
    }
  }
  return `the bundle's report has ${theirs.length} figures, the recomputation ${mine.length}`;
}
