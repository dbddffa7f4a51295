import './buffer-global';
import {
  leafHash,
  parseCheckpoint,
  parseStrictJson,
  parseTrustPolicy,
  rootFromInclusionProof,
  type TrustPolicy,
} from '@inr/transparency';
import {
  verifyBundle,
  type BundleCheck,
  type BundleReport,
} from '../../../../libs/ledger/src/bundle';
import { checkBundleShape } from '../../../../libs/ledger/src/bundle-shape';
import type { ProvenanceBundle } from '../../../../libs/ledger/src/bundle-types';
import { proofHashes } from '../../../../libs/ledger/src/decision-checks';
import { NeedsWebCrypto, resetOracle, withWebCrypto, type OracleStats } from './web-crypto-oracle';

/** docs/ledger-format.md §8.2, in order: what the page lists, ticked up to the first failure. */
export const CHECKS: { check: BundleCheck; label: string }[] = [
  { check: 'format', label: 'Strict JSON, the bundle format' },
  { check: 'log-signature', label: "The log's signature on the checkpoint" },
  { check: 'witness-quorum', label: "The witnesses' cosignatures meet the policy's quorum" },
  { check: 'checkpoint', label: 'The checkpoint body' },
  { check: 'leaf-encoding', label: 'Every event is canonical JSON of the leaf schema' },
  { check: 'inclusion', label: 'Every event is proven in the checkpoint (RFC 9162)' },
  { check: 'decision-leaf', label: "The decision is the bundle's decision event" },
  { check: 'pathway', label: 'The pathway document has the recorded hash' },
  { check: 'evidence', label: 'The events are exactly the evidence the decision committed to' },
];

export interface FailedEvent {
  leafIndex: number;
  type?: string;
  eventId?: string;
}

export type BrowserVerification =
  | { ok: true; report: BundleReport; stats: OracleStats }
  | { ok: false; check: BundleCheck; reason: string; event?: FailedEvent; stats?: OracleStats };

/** The provenance bundle's checks, in this browser, with nothing sent anywhere. */
export async function verifyInBrowser(
  bundleText: string,
  policyText: string,
): Promise<BrowserVerification> {
  resetOracle();
  let policy: TrustPolicy;
  try {
    // Key ids are SHA-256 of the key: the policy is read through the oracle too.
    policy = (await withWebCrypto(() => parseTrustPolicy(policyText))).value;
  } catch (e) {
    throw new Error(`trust policy: ${e instanceof Error ? e.message : 'unreadable'}`);
  }
  let parsed;
  try {
    parsed = parseStrictJson(bundleText);
  } catch (e) {
    return {
      ok: false,
      check: 'format',
      reason: `not strict JSON: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  const shape = checkBundleShape(parsed.value, parsed.nonIntegerLexemes);
  if (!shape.ok) {
    const format = (parsed.value as { format?: unknown } | null)?.format;
    const reason =
      typeof format === 'string' && format.includes('audit')
        ? `${shape.reason} (audit bundles are verified with \`inr-ledger verify\`)`
        : shape.reason;
    return { ok: false, check: 'format', reason };
  }
  await prewarmInclusion(shape.bundle);
  const { value: result, stats } = await withWebCrypto(() => verifyBundle(shape.bundle, policy));
  if (result.ok) return { ok: true, report: result.report, stats };
  const event = result.entry === undefined ? undefined : describeEvent(shape.bundle, result.entry);
  return { ok: false, check: result.check, reason: result.reason, stats, ...(event && { event }) };
}

/**
 * Each inclusion proof is a chain of hashes, one Web Crypto round per step: walk every
 * event's chain side by side first, so the verifier itself then runs in a handful of rounds.
 */
async function prewarmInclusion(bundle: ProvenanceBundle): Promise<void> {
  const body = bundle.checkpoint.split('\n\n')[0];
  const checkpoint = body === undefined ? undefined : parseCheckpoint(`${body}\n`);
  if (!checkpoint?.ok) return; // the verifier reports it
  const size = checkpoint.value.size;
  await withWebCrypto(() => {
    for (const e of bundle.events) {
      try {
        const hashes = proofHashes(e.proof);
        if (hashes) rootFromInclusionProof(e.leafIndex, size, leafHash(e.leaf), hashes);
      } catch (err) {
        if (!(err instanceof NeedsWebCrypto)) continue; // the verifier reports a bad event
      }
    }
  });
}

function describeEvent(bundle: ProvenanceBundle, entry: number): FailedEvent | undefined {
  const e = bundle.events[entry];
  if (!e) return undefined;
  try {
    const leaf = JSON.parse(e.leaf) as { type?: unknown; eventId?: unknown };
    return {
      leafIndex: e.leafIndex,
      ...(typeof leaf.type === 'string' && { type: leaf.type }),
      ...(typeof leaf.eventId === 'string' && { eventId: leaf.eventId }),
    };
  } catch {
    return { leafIndex: e.leafIndex };
  }
}
