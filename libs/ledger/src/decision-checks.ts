import { canonicalJson, fromBase64, leafHash } from '@inr/transparency';
import type { BundleEvent, ProvenanceBundle } from './bundle-types';
import { evidenceDigest, isApplicantRecord } from './evidence';
import { pathwayContentHash } from './pathway-content-hash';
import { RECOGNITION_EVENT_TYPE } from './trainee-record';

// docs/ledger-format.md §8.2, checks 4 to 6: what ties the decision to its pathway and to
// exactly the events it stood on. Hashes and set equality only: no evaluator needed.

export const DECISION_EVENT_TYPE = 'CredentialDecisionRecorded';
export const PUBLICATION_EVENT_TYPE = 'PolicyPublished';

type Obj = Record<string, unknown>;
export type DecisionCheck = 'decision-leaf' | 'pathway' | 'evidence';
export type DecisionCheckResult =
  | { ok: true; evidenceCommitted: boolean }
  | { ok: false; check: DecisionCheck; entry?: number; reason: string };

export interface DecisionCheckOptions {
  /** Accept a decision recorded before commitments (schema version 1); completeness unchecked. */
  allowUncommittedEvidence?: boolean;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const leafOf = (e: BundleEvent): Obj => JSON.parse(e.leaf) as Obj;

/** Run after every event's leaf encoding and inclusion are verified. */
export function checkDecision(
  bundle: ProvenanceBundle,
  options: DecisionCheckOptions = {},
): DecisionCheckResult {
  const fail = (check: DecisionCheck, reason: string, entry?: number): DecisionCheckResult =>
    entry === undefined ? { ok: false, check, reason } : { ok: false, check, entry, reason };
  const { leafIndex, eventId, record } = bundle.decision;
  const at = bundle.events.findIndex((e) => e.leafIndex === leafIndex);
  if (at < 0) return fail('decision-leaf', `leaf ${leafIndex} is not among the bundle's events`);
  const leaf = leafOf(bundle.events[at]!);
  if (leaf['type'] !== DECISION_EVENT_TYPE)
    return fail('decision-leaf', `leaf ${leafIndex} is a ${String(leaf['type'])}`, at);
  if (leaf['eventId'] !== eventId)
    return fail('decision-leaf', `leaf ${leafIndex} is event ${String(leaf['eventId'])}`, at);
  if (canonicalJson(leaf['data']) !== canonicalJson(record))
    return fail('decision-leaf', `decision.record differs from the data of leaf ${leafIndex}`, at);

  const { pathwayId, pathwayVersion, pathwayHash, traineeId, ledgerSize } = record;
  const pathway = bundle.pathway;
  if (!isObj(pathway) || pathway['id'] !== pathwayId || pathway['version'] !== pathwayVersion)
    return fail(
      'pathway',
      `the bundled pathway is not ${String(pathwayId)}@${String(pathwayVersion)}`,
    );
  const hash = pathwayContentHash(pathway);
  if (hash !== pathwayHash)
    return fail('pathway', `document hash ${hash} is not the recorded ${String(pathwayHash)}`);

  if (typeof traineeId !== 'string' || !Number.isSafeInteger(ledgerSize))
    return fail('evidence', 'the decision has no traineeId or integer ledgerSize');
  const size = ledgerSize as number;
  // Besides the decision, a bundle may carry the pathway's publication; all else is evidence.
  const evidence: { entry: number; event: BundleEvent; leaf: Obj }[] = [];
  let publication = false;
  for (const [entry, event] of bundle.events.entries()) {
    if (entry === at) continue;
    const l = leafOf(event);
    const data = l['data'] as Obj;
    if (
      !publication &&
      l['type'] === PUBLICATION_EVENT_TYPE &&
      data['pathwayId'] === pathwayId &&
      data['version'] === pathwayVersion &&
      data['contentHash'] === pathwayHash
    ) {
      publication = true;
      continue;
    }
    if (event.leafIndex >= size || !isApplicantRecord(data, traineeId))
      return fail(
        'evidence',
        `leaf ${event.leafIndex} is not in ${traineeId}'s record below size ${size}`,
        entry,
      );
    evidence.push({ entry, event, leaf: l });
  }

  const committed = record['evidence'];
  if (committed === undefined || committed === null) {
    if (options.allowUncommittedEvidence) return { ok: true, evidenceCommitted: false };
    return fail(
      'evidence',
      'the decision predates evidence commitments (schema version 1): nothing ties it to this set of events',
    );
  }
  const indexes = isObj(committed) ? committed['leafIndexes'] : undefined;
  const digest = isObj(committed) ? committed['digest'] : undefined;
  if (
    !Array.isArray(indexes) ||
    !indexes.every((i) => Number.isSafeInteger(i)) ||
    typeof digest !== 'string'
  )
    return fail('evidence', "the decision's evidence is not { leafIndexes, digest }");
  const carried = new Set(evidence.map((e) => e.event.leafIndex));
  const missing = indexes.find((i: number) => !carried.has(i));
  if (missing !== undefined)
    return fail('evidence', `leaf ${missing}, committed to by the decision, is not in the bundle`);
  const wanted = new Set(indexes as number[]);
  const extra = evidence.find((e) => !wanted.has(e.event.leafIndex));
  if (extra !== undefined)
    return fail(
      'evidence',
      `leaf ${extra.event.leafIndex} is not among the ${indexes.length} the decision committed to`,
      extra.entry,
    );
  const computed = evidenceDigest(
    evidence.map((e) => ({ leafIndex: e.event.leafIndex, leafHash: leafHash(e.event.leaf) })),
  );
  if (computed !== digest)
    return fail('evidence', `the evidence digest is ${computed}, the decision recorded ${digest}`);
  return { ok: true, evidenceCommitted: true };
}

/**
 * The data of the evidence's ExternalEvidenceRecognised leaves (withdrawn or not): each rests on
 * a foreign bundle a v2 bundle must carry (§8.4). Run after checkDecision has passed.
 */
export function recognitionsInEvidence(bundle: ProvenanceBundle): Obj[] {
  const traineeId = bundle.decision.record['traineeId'];
  return bundle.events
    .filter((e) => e.leafIndex !== bundle.decision.leafIndex)
    .map(leafOf)
    .filter((l) => l['type'] === RECOGNITION_EVENT_TYPE && isObj(l['data']))
    .map((l) => l['data'] as Obj)
    .filter((data) => data['traineeId'] === traineeId);
}

/** Base64 proof hashes, or undefined when one is not canonical base64 (kept here for reuse). */
export const proofHashes = (proof: readonly string[]): Uint8Array[] | undefined => {
  if (!Array.isArray(proof) || proof.some((p) => typeof p !== 'string')) return undefined;
  const hashes = proof.map(fromBase64);
  return hashes.every((h): h is Uint8Array => h !== undefined) ? hashes : undefined;
};
