import {
  ForeignBundleStore,
  type AuditBundle,
  type ProvenanceBundle,
  type TraineeBundle,
} from '@inr/ledger';
import {
  auditBundle,
  decisionBundle,
  traineeBundle,
  type AuditBundleScope,
} from '@inr/projections';
import type { LedgerConfig } from '@inr/ledger-api/config';
import { openLocalLedger, openLocalReadModels } from './open-local-ledger';

/**
 * Builds a decision's bundle from the data directory, no server needed. It uses the latest
 * checkpoint the service signed; it signs nothing itself (the running service owns signing).
 */
export async function exportLocalBundle(
  config: LedgerConfig,
  decisionId: string,
): Promise<ProvenanceBundle> {
  const ledger = await openLocalLedger(config);
  const readModels = await openLocalReadModels(ledger);
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
        foreignBundle: (hash) => Promise.resolve(new ForeignBundleStore(ledger.dataDir).get(hash)),
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

/** GETs JSON from a server; a non-200 answer is an Error naming its problem code. */
export async function fetchJson<T>(url: string, token: string | undefined): Promise<T> {
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
  config: LedgerConfig,
  scope: AuditBundleScope,
  onProgress?: (done: number, total: number) => void,
): Promise<AuditBundle> {
  const ledger = await openLocalLedger(config);
  const readModels = await openLocalReadModels(ledger);
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

/**
 * A trainee's bundle from the data directory: appends the record's commitment (once per record
 * state) and waits up to `waitMs` for the running service to sign a checkpoint covering it (this
 * command signs nothing). `toCheckpoint`: only the record below the latest signed checkpoint.
 */
export async function exportLocalTraineeBundle(
  config: LedgerConfig,
  traineeId: string,
  options: { toCheckpoint?: boolean; waitMs?: number } = {},
): Promise<TraineeBundle> {
  const ledger = await openLocalLedger(config);
  const readModels = await openLocalReadModels(ledger);
  const foreign = new ForeignBundleStore(ledger.dataDir);
  try {
    const upTo = options.toCheckpoint ? (ledger.hashes.latestCheckpoint()?.size ?? 0) : undefined;
    return await traineeBundle(
      {
        context: readModels.context,
        log: ledger.log,
        foreignBundle: (hash) => Promise.resolve(foreign.get(hash)),
        commit: async (event) =>
          (
            await ledger.events.append(
              `trainee-${traineeId}`,
              [
                {
                  ...event,
                  data: event.data as never,
                  metadata: { schemaVersion: 1, tool: 'inr-ledger export --trainee' },
                },
              ],
              { expectedRevision: 'any' },
            )
          ).firstPosition,
        checkpointCovering: async (index) => {
          const deadline = Date.now() + (options.waitMs ?? 15_000);
          for (;;) {
            const latest = ledger.hashes.latestCheckpoint();
            if (latest !== undefined && latest.size > index) {
              await ledger.log.catchUp(); // proofs need the subtree hashes up to the checkpoint
              return latest;
            }
            if (Date.now() > deadline) return undefined;
            await new Promise((r) => setTimeout(r, 200));
          }
        },
      },
      traineeId,
      upTo,
    );
  } finally {
    await readModels.close();
    await ledger.close();
  }
}

/** GET <url>/v1/trainees/<id>/bundle with a bearer token. */
export function fetchTraineeBundle(
  url: string,
  traineeId: string,
  token: string | undefined,
  upTo?: number,
): Promise<TraineeBundle> {
  const query = upTo === undefined ? '' : `?upTo=${upTo}`;
  return fetchJson<TraineeBundle>(
    `${url.replace(/\/$/, '')}/v1/trainees/${encodeURIComponent(traineeId)}/bundle${query}`,
    token,
  );
}

/** The size of a server's latest signed checkpoint (GET /v1/ledger/checkpoint, public). */
export async function fetchCheckpointSize(url: string): Promise<number> {
  const res = await fetch(`${url.replace(/\/$/, '')}/v1/ledger/checkpoint`);
  const size = Number((await res.text()).split('\n')[1]);
  if (res.status !== 200 || !Number.isSafeInteger(size))
    throw new Error(`the server has no signed checkpoint (${res.status})`);
  return size;
}
