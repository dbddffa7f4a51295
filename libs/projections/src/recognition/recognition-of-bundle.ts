import type { JsonObject, RecognisedCase, RecognitionScope } from '@inr/domain';
import { isRecordLeaf, type TraineeBundle } from '@inr/ledger';
import { foldTraineeRecord, type HistoryEvent } from '@inr/policy';
import { leafHash, sha256, toHex } from '@inr/transparency';
import { canonicalJson } from '@inr/transparency';
import { toLedgerEvent } from '../events/ledger-event';

/** What a scope of a verified foreign bundle recognises: leaves and the cases they make. */
export interface RecognitionContent {
  recognitionId: string;
  leaves: { leafIndex: number; leafHash: string }[];
  cases: RecognisedCase[];
  sourceInstitutions: string[];
}

export class RecognitionScopeError extends Error {
  override readonly name = 'RecognitionScopeError';
}

interface Leaf {
  leafIndex: number;
  leafHash: string;
  event: HistoryEvent;
}

/**
 * The recognised part of a bundle that has already verified: its record leaves (upcast to the
 * current schema, so the evaluator reads them as it reads local events), folded into cases with
 * their original dates, institution, supervisor and sign-off. `all`: the whole record; `events`:
 * the listed record leaves; `period`: the cases performed in it, with every leaf of each case.
 * The id is derived from the bundle and the scope: the same recognition sent twice is one.
 */
export function recognitionOfBundle(
  bundle: TraineeBundle,
  bundleHash: string,
  scope: RecognitionScope,
): RecognitionContent {
  const leaves: Leaf[] = [];
  for (const e of bundle.events) {
    const leaf = JSON.parse(e.leaf) as {
      type: string;
      eventId: string;
      streamId: string;
      revision: number;
      recordedAt: string;
      data: JsonObject;
      metadata: JsonObject;
    };
    if (!isRecordLeaf(leaf.type, leaf.data, bundle.traineeId)) continue;
    const event = toLedgerEvent({ ...leaf, id: leaf.eventId, position: e.leafIndex });
    leaves.push({ leafIndex: e.leafIndex, leafHash: toHex(leafHash(e.leaf)), event });
  }
  const record = foldTraineeRecord(
    bundle.traineeId,
    leaves.map((l) => l.event),
  );
  let chosen: Leaf[];
  let cases = record.cases.filter((c) => !c.retracted);
  if (scope.kind === 'all') chosen = leaves;
  else if (scope.kind === 'events') {
    const wanted = new Set(scope.leafIndexes);
    chosen = leaves.filter((l) => wanted.has(l.leafIndex));
    if (chosen.length !== wanted.size)
      throw new RecognitionScopeError("some listed leaves are not in the bundle's record");
    cases = cases.filter((c) => wanted.has(c.position));
  } else {
    cases = cases.filter((c) => c.performedOn >= scope.from && c.performedOn <= scope.to);
    const ids = new Set(cases.map((c) => c.caseId));
    chosen = leaves.filter((l) => ids.has(String((l.event.data as JsonObject)['caseId'])));
  }
  const recognisedCases = cases.map((c): RecognisedCase => ({
    leafIndex: c.position,
    eventId: c.loggedEventId,
    caseId: c.caseId,
    institutionId: c.institutionId,
    procedure: c.procedure,
    performedOn: c.performedOn,
    operatorRole: c.operatorRole,
    ...(c.supervisorId === undefined ? {} : { supervisorId: c.supervisorId }),
    supervisionLevel: c.supervisionLevel,
    signedOff: c.signOff === 'signed-off',
  }));
  const id = toHex(sha256(Buffer.from(`${bundleHash}\n${canonicalJson(scope)}`, 'utf8')));
  return {
    recognitionId: `rec-${id.slice(0, 24)}`,
    leaves: chosen.map((l) => ({ leafIndex: l.leafIndex, leafHash: l.leafHash })),
    cases: recognisedCases,
    sourceInstitutions: [...new Set(recognisedCases.map((c) => c.institutionId))].sort(),
  };
}
