import { toBase64 } from '@inr/transparency';
import { BUNDLE_FORMAT, type ProvenanceBundle } from './bundle';
import type { LedgerLog } from './ledger-log';
import type { StoredCheckpoint } from './sqlite-hash-store';

/** Assemble a bundle for the given leaf indexes against a stored (cosigned) checkpoint. */
export async function buildBundle(
  log: LedgerLog,
  checkpoint: StoredCheckpoint,
  leafIndexes: readonly number[],
  pathway: unknown,
  decision: unknown,
): Promise<ProvenanceBundle> {
  const events = [];
  for (const index of leafIndexes) {
    const [entry] = await log.entries(index, index + 1);
    if (entry === undefined) throw new RangeError(`no leaf ${index}`);
    events.push({
      leafIndex: index,
      leaf: Buffer.from(entry.leaf).toString('utf8'),
      proof: log.inclusionProof(index, checkpoint.size).map(toBase64),
    });
  }
  return {
    format: BUNDLE_FORMAT,
    checkpoint: checkpoint.note + checkpoint.cosignatures.join(''),
    events,
    pathway,
    decision,
  };
}
