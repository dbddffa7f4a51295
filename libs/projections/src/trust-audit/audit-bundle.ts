import {
  AUDIT_BUNDLE_FORMAT,
  buildEventProofs,
  type AuditBundle,
  type LedgerLog,
  type StoredCheckpoint,
} from '@inr/ledger';
import type { ReadModelContext } from '../read-model-context';
import { auditEvidence, auditFromEvents } from './audit-evidence';
import type { AuditCheckpoint } from './audit-report';
import { parseCheckpoint, parseNote, toBase64 } from '@inr/transparency';

const PROGRESS_SLICE = 500;

export interface AuditBundleScope {
  institutionId: string;
  from: string;
  to: string;
}

/** What an audit report names as its anchor: the checkpoint's origin, size and root. */
export function checkpointRef(stored: StoredCheckpoint): AuditCheckpoint {
  const note = parseNote(stored.note);
  const body = note.ok ? parseCheckpoint(note.value.text) : note;
  if (!body.ok) throw new Error(`stored checkpoint ${stored.size} does not parse: ${body.reason}`);
  return { origin: body.value.origin, size: body.value.size, rootHash: toBase64(body.value.root) };
}

/**
 * A trust's audit as an `inr-ledger-audit-bundle/v1`: every event the audit of the scope stands
 * on at the checkpoint, each with its inclusion proof, and the report computed from exactly
 * those events, so a reviewer can recompute it offline (`inr-ledger verify`).
 */
export async function auditBundle(
  src: { context: ReadModelContext; log: LedgerLog; checkpoint: StoredCheckpoint },
  scope: AuditBundleScope,
  onProgress?: (done: number, total: number) => void,
): Promise<AuditBundle> {
  const { checkpoint } = src;
  const events = await auditEvidence(src.context, scope, checkpoint.size);
  const report = auditFromEvents(events, {
    ...scope,
    ledgerSize: checkpoint.size,
    checkpoint: checkpointRef(checkpoint),
  });
  // Proven in slices so a long export can show its progress.
  const positions = events.map((e) => e.position);
  const proven: AuditBundle['events'] = [];
  for (let i = 0; i < positions.length; i += PROGRESS_SLICE) {
    const slice = positions.slice(i, i + PROGRESS_SLICE);
    proven.push(...(await buildEventProofs(src.log, checkpoint, slice)).events);
    onProgress?.(proven.length, positions.length);
  }
  return {
    format: AUDIT_BUNDLE_FORMAT,
    checkpoint: checkpoint.note + checkpoint.cosignatures.join(''),
    events: proven,
    scope,
    report,
  };
}
