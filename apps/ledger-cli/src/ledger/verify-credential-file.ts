import { readFileSync } from 'node:fs';
import {
  bitAt,
  didWebOrigin,
  offlineDocumentLoader,
  publicKeyFromMultibase,
  verifyProof,
  type DidDocument,
} from '@inr/credentials';
import { verifyBundleText } from './verify-bundle-file';

export interface VerifyCredentialOptions {
  /** The issuer's DID document, saved; absent: fetched from the origin its did:web names. */
  didFile?: string;
  /** Saved status list credentials; an entry whose list is not among them is fetched. */
  statusListFiles: readonly string[];
  /** With `bundleFile`: the decision the credential names is proven under this trust policy. */
  policyFile?: string;
  bundleFile?: string;
  /** Fetch from this origin instead of the one the credential names (a local server). */
  url?: string;
  fetchJson?: (url: string) => Promise<unknown>;
}

export type CredentialVerification =
  { ok: true; lines: string[] } | { ok: false; check: string; reason: string; lines: string[] };

type Json = Record<string, unknown>;
interface StatusEntry {
  statusPurpose: string;
  statusListIndex: string;
  statusListCredential: string;
}

/** Thrown inside the checks with the name of the failed one. */
class CheckFailed extends Error {
  constructor(
    readonly check: string,
    reason: string,
  ) {
    super(reason);
  }
}

const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;

async function defaultFetch(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/**
 * Verifies an Open Badges 3.0 credential the ledger issued (docs/credentials.md §5): its
 * Data Integrity proof under a key of the issuer's DID document, each status list (signed by
 * the same issuer, the bit at the credential's index), and, with a trust policy, the
 * decision's bundle and that it is the decision the credential names.
 */
export async function verifyCredentialFile(
  file: string,
  options: VerifyCredentialOptions,
): Promise<CredentialVerification> {
  const lines: string[] = [];
  const fetchJson = options.fetchJson ?? defaultFetch;
  try {
    const credential = readJson(file);
    const issuerId = idOf(credential['issuer']);
    const origin = options.url?.replace(/\/$/, '') ?? didWebOrigin(issuerId);
    const relocate = (url: string) =>
      options.url ? url.replace(didWebOrigin(issuerId), origin) : url;
    const did = (
      options.didFile
        ? readJson(options.didFile)
        : await fetchJson(`${origin}/.well-known/did.json`)
    ) as DidDocument;
    if (did.id !== issuerId)
      throw new CheckFailed('issuer', `the DID document is ${did.id}, the issuer ${issuerId}`);
    const keyOf = (id: string) => {
      const method = did.verificationMethod.find((m) => m.id === id);
      return method && did.assertionMethod.includes(id)
        ? publicKeyFromMultibase(method.publicKeyMultibase)
        : undefined;
    };
    const loader = offlineDocumentLoader();
    const proof = await verifyProof(credential, keyOf, loader);
    if (!proof.ok) throw new CheckFailed('proof', proof.reason);
    lines.push(`proof: eddsa-rdfc-2022 by ${proof.verificationMethod}`);

    const saved = new Map(
      options.statusListFiles.map((f) => {
        const list = readJson(f);
        return [String(list['id']), list] as const;
      }),
    );
    const entries = (credential['credentialStatus'] ?? []) as StatusEntry[];
    const statuses: string[] = [];
    for (const entry of Array.isArray(entries) ? entries : [entries]) {
      const url = entry.statusListCredential;
      const list = (saved.get(url) ?? (await fetchJson(relocate(url)))) as Json;
      const check = `status-${entry.statusPurpose}`;
      const signed = await verifyProof(list, keyOf, loader);
      if (!signed.ok) throw new CheckFailed(check, `status list ${url}: ${signed.reason}`);
      if (idOf(list['issuer']) !== issuerId || list['id'] !== url)
        throw new CheckFailed(check, `status list ${url} is not the issuer's list`);
      const subject = list['credentialSubject'] as Json;
      if (subject['statusPurpose'] !== entry.statusPurpose)
        throw new CheckFailed(
          check,
          `status list ${url} is for ${String(subject['statusPurpose'])}`,
        );
      const set = bitAt(String(subject['encodedList']), Number(entry.statusListIndex));
      statuses.push(set ? (entry.statusPurpose === 'revocation' ? 'REVOKED' : 'SUSPENDED') : '');
      lines.push(
        `${entry.statusPurpose}: ${set ? 'SET' : 'not set'} (list valid from ${String(list['validFrom'])})`,
      );
    }
    if (options.policyFile || options.bundleFile) lines.push(await provenance(credential, options));
    const bad = statuses.filter(Boolean);
    if (bad.length > 0) throw new CheckFailed('status', `the credential is ${bad.join(' and ')}`);
    return { ok: true, lines };
  } catch (e) {
    if (e instanceof CheckFailed) return { ok: false, check: e.check, reason: e.message, lines };
    return { ok: false, check: 'input', reason: e instanceof Error ? e.message : String(e), lines };
  }
}

/** The decision's bundle verifies under the policy, and is the decision the credential names. */
async function provenance(credential: Json, options: VerifyCredentialOptions): Promise<string> {
  if (!options.policyFile || !options.bundleFile)
    throw new CheckFailed('provenance', '--policy and --bundle go together');
  const evidence = (credential['evidence'] ?? []) as { id?: string }[];
  const ids = evidence.map((e) => e.id ?? '');
  const decisionId = ids
    .map((id) => /\/v1\/decisions\/([^/]+)\/provenance$/.exec(id)?.[1])
    .find(Boolean);
  const inclusion = ids
    .map((id) => /\/proof\/inclusion\?index=(\d+)&size=(\d+)$/.exec(id))
    .find(Boolean);
  if (!decisionId || !inclusion)
    throw new CheckFailed('provenance', 'the credential names no decision and leaf');
  const bundleText = readFileSync(options.bundleFile, 'utf8');
  const result = await verifyBundleText(bundleText, readFileSync(options.policyFile, 'utf8'));
  if (!result.ok) throw new CheckFailed('provenance', `bundle: ${result.check}: ${result.reason}`);
  const decision = (JSON.parse(bundleText) as { decision?: { leafIndex?: number; record?: Json } })
    .decision;
  const leaf = Number(inclusion[1]);
  if (
    decision?.record?.['decisionId'] !== decodeURIComponent(decisionId) ||
    decision.leafIndex !== leaf
  )
    throw new CheckFailed(
      'provenance',
      `the bundle proves decision ${String(decision?.record?.['decisionId'])} at leaf ${String(decision?.leafIndex)}, the credential names ${decisionId} at leaf ${leaf}`,
    );
  const report = 'report' in result ? result.report : undefined;
  return `provenance: decision ${decisionId} at leaf ${leaf} proven in ${
    report && 'origin' in report ? `${report.origin} size ${report.size}` : 'the bundle'
  } under the trust policy`;
}

function idOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as Json)['id'] === 'string')
    return (value as Json)['id'] as string;
  throw new CheckFailed('format', 'the credential has no issuer id');
}
