import type { EventStore } from '@inr/event-store';
import { commitEvidence, isApplicantRecord, type EvidenceLeaf } from '@inr/ledger';
import { leafHash, leafJson } from '@inr/transparency';
import type { AppendOperation } from '../../../../tests/fixtures/generator';

/**
 * Gives the generator's decisions (schema version 1) the evidence commitment the API records
 * (version 2): the leaf hashes exist only once the store has stamped each event, so it reads
 * what was appended since the last call and commits to the applicant's leaves below ledgerSize.
 */
export class DecisionEvidenceSealer {
  private readonly leaves = new Map<string, EvidenceLeaf[]>();
  private read = 0;

  constructor(private readonly store: EventStore) {}

  /** Call with every earlier append settled. */
  async seal(
    op: AppendOperation & { type: 'CredentialDecisionRecorded' },
  ): Promise<AppendOperation> {
    for (;;) {
      const page = await this.store.readAll({ fromPosition: this.read, maxCount: 4096 });
      if (page.length === 0) break;
      for (const e of page) {
        const traineeId = (e.data as { traineeId?: unknown }).traineeId;
        if (typeof traineeId === 'string' && isApplicantRecord(e.data, traineeId)) {
          const list = this.leaves.get(traineeId) ?? [];
          list.push({ leafIndex: e.position, leafHash: leafHash(leafJson(e)) });
          this.leaves.set(traineeId, list);
        }
      }
      this.read = page[page.length - 1]!.position + 1;
    }
    const { traineeId, ledgerSize } = op.data;
    const below = (this.leaves.get(traineeId) ?? []).filter((l) => l.leafIndex < ledgerSize);
    return {
      ...op,
      data: { ...op.data, evidence: commitEvidence(below) },
      metadata: { ...op.metadata, schemaVersion: 2 },
    };
  }
}
