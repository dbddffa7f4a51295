import { Inject, Injectable } from '@nestjs/common';
import {
  isDomainEventType,
  streamName,
  upcastEvent,
  type DecisionEvidence,
  type JsonObject,
  type PanelConflicts,
} from '@inr/domain';
import { panelConflicts } from '@inr/projections';
import type { EventStore } from '@inr/event-store';
import { commitEvidence, isApplicantRecord, type EvidenceLeaf } from '@inr/ledger';
import { leafHash, leafJson } from '@inr/transparency';
import { evaluate, validatePathway, type HistoryEvent } from '@inr/policy';
import { notFound, unprocessable } from '../../platform/problem/problem.exception';
import { EVENT_STORE } from '../../platform/store/tokens';

export interface ApplicationEvaluation {
  traineeId: string;
  pathwayVersion: string;
  pathwayHash: string;
  ledgerSize: number;
  /** The applicant's record below ledgerSize, as the decision commits to it. */
  evidence: DecisionEvidence;
  evaluation: JsonObject;
  /** Who may not sit on the application, found in the same history. */
  conflicts: PanelConflicts;
}

/**
 * Runs the policy evaluator for an application as the ledger stands now, so the panel's decision
 * records what it stood on: the pathway version and hash, the ledger size, the evaluation; and
 * finds who may not sit on it (the panel rule's conflicts) in the same history.
 * It reads the history by scanning $all; the projections' read models can replace the scan.
 */
@Injectable()
export class EvaluateApplication {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async run(applicationId: string, today: string): Promise<ApplicationEvaluation> {
    const submitted = (await this.store.readStream(streamName('application', applicationId))).find(
      (e) => e.type === 'CredentialApplicationSubmitted',
    );
    if (!submitted) throw notFound(`no credential application '${applicationId}'`);
    const { traineeId, pathwayId, pathwayVersion } = upcastEvent(submitted).data as {
      traineeId: string;
      pathwayId: string;
      pathwayVersion: string;
    };
    const published = (await this.store.readStream(streamName('policy', pathwayId)))
      .map((e) => e.data)
      .find((d) => d['version'] === pathwayVersion);
    if (!published)
      throw unprocessable(
        'PATHWAY_VERSION_NOT_PUBLISHED',
        `pathway ${pathwayId} ${pathwayVersion} is not published`,
      );
    const checked = validatePathway(published['document']);
    if (!checked.ok)
      throw unprocessable(
        'PATHWAY_INVALID',
        `the published pathway ${pathwayId} ${pathwayVersion} does not validate`,
      );

    const ledgerSize = await this.store.count();
    const history: HistoryEvent[] = [];
    const evidence: EvidenceLeaf[] = [];
    for (let from = 0; from < ledgerSize;) {
      const page = await this.store.readAll({
        fromPosition: from,
        maxCount: Math.min(4096, ledgerSize - from),
      });
      if (page.length === 0) break;
      for (const e of page) {
        // The stored payload (not upcast) is what the leaf hashes.
        if (isApplicantRecord(e.data, traineeId))
          evidence.push({ leafIndex: e.position, leafHash: leafHash(leafJson(e)) });
        if (isDomainEventType(e.type)) {
          history.push({
            position: e.position,
            id: e.id,
            type: e.type,
            data: upcastEvent(e).data,
            recordedAt: e.recordedAt,
          });
        }
      }
      from = (page[page.length - 1]?.position ?? from) + 1;
    }
    const evaluation = evaluate(checked.pathway, traineeId, history, { evaluatedOn: today });
    return {
      traineeId,
      pathwayVersion,
      pathwayHash: String(published['contentHash']),
      ledgerSize,
      evidence: commitEvidence(evidence),
      evaluation: evaluation as unknown as JsonObject,
      conflicts: panelConflicts(traineeId, history, evaluation),
    };
  }
}
