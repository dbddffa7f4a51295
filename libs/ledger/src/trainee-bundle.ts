import {
  canonicalJson,
  leafHash,
  sha256,
  toBase64,
  toHex,
  type TrustPolicy,
} from '@inr/transparency';
import type { BundleEvent } from './bundle-event';
import { verifyEventProofs, type ProofCheck } from './event-proofs';
import { evidenceDigest } from './evidence';
import {
  isRecordLeaf,
  isSignerAccreditation,
  RECOGNITION_EVENT_TYPE,
  signersNamed,
  TRAINEE_RECORD_COMMITTED,
} from './trainee-record';
import type { TraineeBundle } from './trainee-bundle-types';

export { TRAINEE_BUNDLE_FORMAT } from './trainee-bundle-types';
export type { TraineeBundle } from './trainee-bundle-types';

export type TraineeBundleCheck = 'format' | ProofCheck | 'commitment' | 'completeness' | 'foreign';

export interface TraineeBundleReport {
  traineeId: string;
  origin: string;
  size: number;
  root: string;
  cosigners: string[];
  events: number;
  recordLeaves: number;
  accreditationLeaves: number;
  /** Each recognised foreign bundle, verified the same way under the same policy. */
  foreign: TraineeBundleReport[];
}

export type TraineeBundleVerification =
  | { ok: true; report: TraineeBundleReport }
  | { ok: false; check: TraineeBundleCheck; entry?: number; reason: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const leafOf = (e: BundleEvent): Obj => JSON.parse(e.leaf) as Obj;

/** The content address of a trainee bundle: lowercase hex SHA-256 of its RFC 8785 form. */
export function traineeBundleHash(bundle: TraineeBundle): string {
  return toHex(sha256(Buffer.from(canonicalJson(bundle), 'utf8')));
}

/**
 * Verify a shape-checked trainee bundle (docs/ledger-format.md §15.3): checkpoint and proofs
 * by the provenance bundle's own code, then the commitment leaf, the completeness of the record
 * and accreditation sets against it, then every foreign bundle the record's recognitions name.
 */
export function verifyTraineeBundle(
  bundle: TraineeBundle,
  policy: TrustPolicy,
): TraineeBundleVerification {
  const proven = verifyEventProofs(bundle, policy);
  if (!proven.ok) return proven;
  const complete = checkCompleteness(bundle);
  if (!complete.ok) return complete;
  const foreign = checkForeignBundles(bundle.foreign, complete.recognitions, policy);
  if (!foreign.ok) return foreign;
  return {
    ok: true,
    report: {
      traineeId: bundle.traineeId,
      origin: proven.origin,
      size: proven.size,
      root: toBase64(proven.root),
      cosigners: proven.cosigners,
      events: bundle.events.length,
      recordLeaves: complete.recordLeaves,
      accreditationLeaves: complete.accreditationLeaves,
      foreign: foreign.reports,
    },
  };
}

type Completeness =
  | { ok: true; recordLeaves: number; accreditationLeaves: number; recognitions: Obj[] }
  | { ok: false; check: 'commitment' | 'completeness'; entry?: number; reason: string };

function checkCompleteness(bundle: TraineeBundle): Completeness {
  const fail = (
    check: 'commitment' | 'completeness',
    reason: string,
    entry?: number,
  ): Completeness =>
    entry === undefined ? { ok: false, check, reason } : { ok: false, check, entry, reason };
  const at = bundle.events.findIndex((e) => e.leafIndex === bundle.commitment);
  if (at < 0)
    return fail('commitment', `leaf ${bundle.commitment} is not among the bundle's events`);
  const leaf = leafOf(bundle.events[at]!);
  const data = leaf['data'];
  if (leaf['type'] !== TRAINEE_RECORD_COMMITTED)
    return fail('commitment', `leaf ${bundle.commitment} is a ${String(leaf['type'])}`, at);
  if (!isObj(data) || data['traineeId'] !== bundle.traineeId)
    return fail('commitment', `leaf ${bundle.commitment} commits to another trainee's record`, at);
  const recordSize = data['recordSize'];
  const record = leafSet(data['record']);
  const accreditations = leafSet(data['accreditations']);
  if (!Number.isSafeInteger(recordSize) || (recordSize as number) > bundle.commitment)
    return fail('commitment', 'recordSize is not an integer at most the commitment leaf', at);
  if (record === undefined || accreditations === undefined)
    return fail('commitment', 'record and accreditations are not { leafIndexes, digest }', at);

  const leaves = bundle.events.map(leafOf);
  const recordEntries: number[] = [];
  const signers = new Set<string>();
  leaves.forEach((l, entry) => {
    if (entry === at || bundle.events[entry]!.leafIndex >= (recordSize as number)) return;
    if (!isRecordLeaf(l['type'], l['data'], bundle.traineeId)) return;
    recordEntries.push(entry);
    for (const s of signersNamed(l['data'])) signers.add(s);
  });
  const accreditationEntries: number[] = [];
  for (const [entry, l] of leaves.entries()) {
    if (entry === at || recordEntries.includes(entry)) continue;
    if (
      bundle.events[entry]!.leafIndex < (recordSize as number) &&
      isSignerAccreditation(l['type'], l['data'], signers)
    ) {
      accreditationEntries.push(entry);
      continue;
    }
    return fail(
      'completeness',
      `leaf ${bundle.events[entry]!.leafIndex} is neither in the record below ${String(recordSize)} nor a signer's accreditation`,
      entry,
    );
  }
  const r = sameSet(bundle.events, recordEntries, record, 'record');
  if (r !== undefined) return fail('completeness', r);
  const a = sameSet(bundle.events, accreditationEntries, accreditations, 'accreditation');
  if (a !== undefined) return fail('completeness', a);
  return {
    ok: true,
    recordLeaves: recordEntries.length,
    accreditationLeaves: accreditationEntries.length,
    recognitions: recordEntries
      .map((e) => leaves[e]!)
      .filter((l) => l['type'] === RECOGNITION_EVENT_TYPE)
      .map((l) => l['data'] as Obj),
  };
}

function leafSet(v: unknown): { leafIndexes: number[]; digest: string } | undefined {
  if (!isObj(v)) return undefined;
  const { leafIndexes, digest } = v;
  if (!Array.isArray(leafIndexes) || !leafIndexes.every((i) => Number.isSafeInteger(i)))
    return undefined;
  return typeof digest === 'string' ? { leafIndexes: leafIndexes as number[], digest } : undefined;
}

/** The carried leaves are exactly the committed ones and hash to the committed digest. */
function sameSet(
  events: readonly BundleEvent[],
  entries: readonly number[],
  committed: { leafIndexes: number[]; digest: string },
  what: string,
): string | undefined {
  const carried = new Set(entries.map((e) => events[e]!.leafIndex));
  const missing = committed.leafIndexes.find((i) => !carried.has(i));
  if (missing !== undefined) return `${what} leaf ${missing}, committed to, is not in the bundle`;
  if (carried.size !== committed.leafIndexes.length)
    return `the bundle carries ${carried.size} ${what} leaves, the commitment lists ${committed.leafIndexes.length}`;
  const digest = evidenceDigest(
    entries.map((e) => ({ leafIndex: events[e]!.leafIndex, leafHash: leafHash(events[e]!.leaf) })),
  );
  return digest === committed.digest
    ? undefined
    : `the ${what} digest is ${digest}, the commitment recorded ${committed.digest}`;
}

export type ForeignResult =
  { ok: true; reports: TraineeBundleReport[] } | { ok: false; check: 'foreign'; reason: string };

/**
 * The `foreign` check of a trainee bundle (§15.3 check 5) and of a v2 decision bundle (§8.4):
 * each recognition's bundle is carried once, verifies under the same policy, was proven in the
 * checkpoint the recognition names and holds the leaves it recognised; nothing else is carried.
 * `recognitions` are the data of the ExternalEvidenceRecognised leaves already proven.
 */
export function checkForeignBundles(
  carried: readonly TraineeBundle[],
  recognitions: readonly Obj[],
  policy: TrustPolicy,
): ForeignResult {
  const fail = (reason: string): ForeignResult => ({ ok: false, check: 'foreign', reason });
  const byHash = new Map(carried.map((f) => [traineeBundleHash(f), f]));
  if (byHash.size !== carried.length) return fail('a foreign bundle is carried twice');
  const reports = new Map<string, TraineeBundleReport>();
  for (const r of recognitions) {
    const hash = String(r['bundleHash']);
    const foreign = byHash.get(hash);
    if (foreign === undefined)
      return fail(`the bundle ${hash} of recognition ${String(r['recognitionId'])} is not carried`);
    if (!reports.has(hash)) {
      const verified = verifyTraineeBundle(foreign, policy);
      if (!verified.ok)
        return fail(`foreign bundle ${hash}: check ${verified.check} failed: ${verified.reason}`);
      reports.set(hash, verified.report);
    }
    const report = reports.get(hash)!;
    const cp = r['checkpoint'];
    if (
      r['origin'] !== report.origin ||
      !isObj(cp) ||
      cp['size'] !== report.size ||
      cp['root'] !== report.root
    )
      return fail(
        `recognition ${String(r['recognitionId'])} names another log or checkpoint than its bundle`,
      );
    const hashes = new Map(foreign.events.map((e) => [e.leafIndex, toHex(leafHash(e.leaf))]));
    const leaves = Array.isArray(r['leaves']) ? (r['leaves'] as Obj[]) : [];
    const wrong = leaves.find((l) => hashes.get(l['leafIndex'] as number) !== l['leafHash']);
    if (wrong !== undefined)
      return fail(
        `recognised leaf ${String(wrong['leafIndex'])} is not in bundle ${hash} as recorded`,
      );
  }
  const unused = [...byHash.keys()].find((h) => !reports.has(h));
  if (unused !== undefined)
    return fail(`foreign bundle ${unused} is recognised by no event of the record`);
  return { ok: true, reports: [...reports.values()] };
}
