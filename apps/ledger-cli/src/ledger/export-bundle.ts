import type { AuditBundle, ProvenanceBundle } from '@inr/ledger';
import { auditBundle, decisionBundle, ReadModels, type AuditBundleScope } from '@inr/projections';
import { openLocalLedger } from './open-local-ledger';

/**
 * Builds a decision's bundle from the data directory, no server needed. It uses the latest
 * checkpoint the service signed; it signs nothing itself (the running service owns signing).
 */
export async function exportLocalBundle(
  dataDir: string,
  decisionId: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProvenanceBundle> {
  const ledger = await openLocalLedger(dataDir, env);
  const readModels = ReadModels.open(ledger.events, ledger.dataDir);
  try {
    await ledger.log.catchUp(); // proofs need the subtree hashes up to the checkpoint
    return await decisionBundle(
      {
        context: readModels.context,
        log: ledger.log,
        checkpointCovering: (index) => {
          const latest = ledger.hashes.latestCheckpoint();
          return Promise.resolve(latest !== undefined && latest.size > index ? latest : undefined);
        },
      },
      decisionId,
    );
  } finally {
    await readModels.close();
    await ledger.close();
  }
}

/** GET <url>/v1/decisions/<id>/bundle with a bearer token (the bundle holds training data). */
export function fetchBundle(
  url: string,
  decisionId: string,
  token: string | undefined,
): Promise<ProvenanceBundle> {
  return fetchJson<ProvenanceBundle>(
    `${url.replace(/\/$/, '')}/v1/decisions/${encodeURIComponent(decisionId)}/bundle`,
    token,
  );
}

async function fetchJson<T>(url: string, token: string | undefined): Promise<T> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  if (res.status !== 200) {
    let detail = text.slice(0, 300);
    try {
      const problem = JSON.parse(text) as { code?: string; detail?: string };
      detail = `${problem.code ?? res.status}: ${problem.detail ?? ''}`;
    } catch {
      // not problem+json: keep the raw text
    }
    throw new Error(`the server answered ${res.status} (${detail})`);
  }
  return JSON.parse(text) as T;
}

/**
 * A trust's audit bundle from the data directory, at the latest signed checkpoint (it signs
 * nothing itself), with progress on stderr while the inclusion proofs are built.
 */
export async function exportLocalAuditBundle(
  dataDir: string,
  scope: AuditBundleScope,
  onProgress?: (done: number, total: number) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AuditBundle> {
  const ledger = await openLocalLedger(dataDir, env);
  const readModels = ReadModels.open(ledger.events, ledger.dataDir);
  try {
    await ledger.log.catchUp();
    const checkpoint = ledger.hashes.latestCheckpoint();
    if (checkpoint === undefined)
      throw new Error('the ledger has no signed checkpoint yet (start the service once)');
    return await auditBundle(
      { context: readModels.context, log: ledger.log, checkpoint },
      scope,
      onProgress,
    );
  } finally {
    await readModels.close();
    await ledger.close();
  }
}

/** GET <url>/v1/audit/institutions/<id>/bundle with a bearer token. */
export async function fetchAuditBundle(
  url: string,
  scope: AuditBundleScope,
  token: string | undefined,
): Promise<AuditBundle> {
  const query = new URLSearchParams({ from: scope.from, to: scope.to });
  return fetchJson<AuditBundle>(
    `${url.replace(/\/$/, '')}/v1/audit/institutions/${encodeURIComponent(scope.institutionId)}/bundle?${query}`,
    token,
  );
}
