import type { RecognitionScope } from '@inr/domain';
import { recognitionsInEvidence, traineeBundleHash, type ProvenanceBundle } from '@inr/ledger';
import {
  diffEvaluations,
  evaluate,
  validatePathway,
  type Evaluation,
  type EvaluationDiff,
} from '@inr/policy';
import { recognitionOfBundle, toLedgerEvent } from '@inr/projections';
import { canonicalJson } from '@inr/transparency';

type Outcome = { ok: true } | { ok: false; reason: string };
type Obj = Record<string, unknown>;

interface Leaf {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  recordedAt: string;
  data: Obj;
  metadata: Obj;
}

const fail = (part: string, reason: string): Outcome => ({
  ok: false,
  reason: `${part}: ${reason}`,
});

/**
 * The `decision` check of `inr-ledger verify` (docs/ledger-format.md §8.2, check 7), run after
 * the decision's leaf, pathway hash and evidence set are verified: the pathway validates, every
 * event its evaluation cites is in the bundle, and the evaluator, re-run on the bundled history
 * below the recorded ledger size, gives exactly the recorded evaluation and supports the outcome.
 * In a v2 bundle each recognition's cases are first recomputed from the foreign bundle it rests
 * on (§8.4): what the receiving ledger recorded of them must be what that bundle proves.
 * Reasons start with the failing part: decision, pathway, recognition, evidence, evaluation or
 * outcome.
 */
export function reEvaluateDecision(bundle: ProvenanceBundle): Outcome {
  const record: Obj = bundle.decision.record;
  const leaves = bundle.events.map((e) => ({
    index: e.leafIndex,
    leaf: JSON.parse(e.leaf) as Leaf,
  }));
  const pathway = validatePathway(bundle.pathway);
  if (!pathway.ok) return fail('pathway', 'the bundled pathway document does not validate');
  const { pathwayId, pathwayVersion, traineeId, ledgerSize, decidedOn, outcome } = record;
  if (
    typeof traineeId !== 'string' ||
    typeof ledgerSize !== 'number' ||
    typeof decidedOn !== 'string'
  ) {
    return fail('decision', 'traineeId, ledgerSize or decidedOn is missing');
  }

  const recorded = record['evaluation'] as Evaluation;
  const before = leaves.filter((l) => l.index < ledgerSize);
  const present = new Set(before.map((l) => l.leaf.eventId));
  const foreignIds = recognisedEventIds(bundle);
  if (!Array.isArray(foreignIds)) return foreignIds;
  for (const id of foreignIds) present.add(id);
  for (const requirement of Array.isArray(recorded.requirements) ? recorded.requirements : []) {
    for (const id of [...requirement.countedEventIds, ...requirement.supportingEventIds]) {
      if (!present.has(id))
        return fail(
          'evidence',
          `event ${id}, cited by requirement ${requirement.id}, is not in the bundle`,
        );
    }
  }

  const history = before.map((l) =>
    toLedgerEvent({ ...l.leaf, id: l.leaf.eventId, position: l.index } as Parameters<
      typeof toLedgerEvent
    >[0]),
  );
  const performedBy =
    recorded.performedBy !== recorded.evaluatedOn ? recorded.performedBy : undefined;
  let replayed: Evaluation;
  try {
    replayed = evaluate(pathway.pathway, traineeId, history, {
      evaluatedOn: decidedOn,
      ...(typeof performedBy === 'string' ? { performedBy } : {}),
    });
  } catch (e) {
    return fail('evaluation', e instanceof Error ? e.message : 'the evaluator refused the input');
  }
  if (canonicalJson(replayed) !== canonicalJson(recorded)) {
    return fail(
      'evaluation',
      `re-running ${String(pathwayId)}@${String(pathwayVersion)} does not reproduce the recorded evaluation (${firstDifference(diffEvaluations(recorded, replayed))})`,
    );
  }
  if (outcome === 'granted' && !replayed.met && typeof record['overrideReason'] !== 'string') {
    return fail(
      'outcome',
      'granted although the evaluation is not met and no override reason is recorded',
    );
  }
  return { ok: true };
}

/**
 * The foreign CaseLogged ids the evidence's recognitions count, once each recognition's
 * recorded leaves, cases and source institutions equal those recomputed from its bundle
 * (already verified by the `foreign` check) under its recorded scope.
 */
function recognisedEventIds(bundle: ProvenanceBundle): string[] | Outcome {
  const byHash = new Map((bundle.foreign ?? []).map((f) => [traineeBundleHash(f), f]));
  const ids: string[] = [];
  for (const r of recognitionsInEvidence(bundle)) {
    const hash = String(r['bundleHash']);
    const foreign = byHash.get(hash);
    if (foreign === undefined) return fail('recognition', `bundle ${hash} is not carried`);
    let content;
    try {
      content = recognitionOfBundle(foreign, hash, r['scope'] as RecognitionScope);
    } catch (e) {
      return fail('recognition', e instanceof Error ? e.message : 'the scope does not apply');
    }
    const recorded = {
      recognitionId: r['recognitionId'],
      leaves: r['leaves'],
      cases: r['cases'],
      sourceInstitutions: r['sourceInstitutions'],
    };
    if (canonicalJson(recorded) !== canonicalJson(content))
      return fail(
        'recognition',
        `recognition ${String(r['recognitionId'])} records other cases than bundle ${hash} proves under its scope`,
      );
    ids.push(...content.cases.map((c) => c.eventId));
  }
  return ids;
}

function firstDifference(diff: EvaluationDiff): string {
  const h = diff.header[0];
  if (h !== undefined)
    return `${h.field}: recorded ${JSON.stringify(h.recorded)}, replayed ${JSON.stringify(h.replayed)}`;
  const r = diff.requirements[0];
  const f = r?.fields[0];
  if (r !== undefined && f !== undefined) {
    return `requirement ${r.id} ${f.field}: recorded ${JSON.stringify(f.recorded)}, replayed ${JSON.stringify(f.replayed)}`;
  }
  const l = r?.idLists[0];
  if (r !== undefined && l !== undefined) return `requirement ${r.id} ${l.field} differ`;
  return r === undefined ? 'serialisation differs' : `requirement ${r.id} ${r.change}`;
}
