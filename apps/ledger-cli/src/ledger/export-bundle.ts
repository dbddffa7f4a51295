import type { ProvenanceBundle } from '@inr/ledger';
import { ReadModels } from '@inr/projections';
import { decisionBundle } from '../../../ledger-api/src/ledger-http/decision-bundle';
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
export async function fetchBundle(
  url: string,
  decisionId: string,
  token: string | undefined,
): Promise<ProvenanceBundle> {
  const res = await fetch(
    `${url.replace(/\/$/, '')}/v1/decisions/${encodeURIComponent(decisionId)}/bundle`,
    {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    },
  );
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
  return JSON.parse(text) as ProvenanceBundle;
}
