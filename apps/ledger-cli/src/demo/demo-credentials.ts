import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  credentialDecider,
  currentSchemaVersion,
  isDomainError,
  upcastEvent,
  type DomainEvent,
} from '@inr/domain';
import { didWebOrigin } from '@inr/credentials';
import type { EventStore, JsonObject } from '@inr/event-store';
import { subjectOfEvent, type PersonalData, type SqliteHashStore } from '@inr/ledger';
import type { ReadModels } from '@inr/projections';
import { CredentialIssuer } from '@inr/ledger-api';
import { loadOrCreateIssuerKey, type LedgerConfig } from '@inr/ledger-api/config';
import { verifyCredentialFile } from '../ledger/verify-credential-file';

/** The regulator who suspends one credential in the demo, pending a review. */
const REGULATOR = { subject: 'reg-demo', role: 'regulator' as const };

/**
 * Suspends the most recently issued credential through the credential decider, as the API's
 * `POST /v1/applications/{id}/suspension` would (reason sealed as personal data): a status
 * change is a ledger event first. Returns the application, or undefined with none issued.
 */
export async function suspendDemoCredential(
  store: EventStore,
  issuedApplications: readonly string[],
  today: string,
  personal?: PersonalData,
): Promise<string | undefined> {
  const applicationId = issuedApplications.at(-1);
  if (applicationId === undefined) return undefined;
  const streamId = `application-${applicationId}`;
  const recorded = await store.readStream(streamId);
  const state = recorded
    .map((e) => upcastEvent(e) as DomainEvent)
    .reduce(credentialDecider.evolve, credentialDecider.initialState());
  const decided = credentialDecider.decide(
    { type: 'SuspendCredential', applicationId, reason: 'Under review after a complaint' },
    state,
    { today, actor: REGULATOR },
  );
  if (isDomainError(decided)) throw new Error(`demo suspension refused: ${decided.message}`);
  const applicant = String(recorded[0]?.data['traineeId'] ?? '');
  await store.append(
    streamId,
    decided.map((event) => {
      const data = event.data as unknown as JsonObject;
      return {
        id: randomUUID(),
        type: event.type,
        data: (personal
          ? personal.seal(event.type, data, subjectOfEvent(event.type, data, applicant))
          : data) as JsonObject,
        metadata: { schemaVersion: currentSchemaVersion(event.type), actor: REGULATOR },
      };
    }),
    { expectedRevision: recorded.length - 1 },
  );
  return applicationId;
}

export interface CredentialStory {
  issued: number;
  /** A valid credential and the suspended one, each written to a file and verified offline. */
  checked: { credentialId: string; file: string; status: string; lines: string[]; ok: boolean }[];
  didFile: string;
  statusListFiles: string[];
}

/**
 * Writes what a relying party would hold (a valid credential, the suspended one, the issuer's
 * DID document and both status lists) into the demo directory, and verifies both credentials
 * offline from those files alone.
 */
export async function exportDemoCredentials(
  config: LedgerConfig,
  readModels: ReadModels,
  hashes: SqliteHashStore,
  suspendedApplication: string | undefined,
): Promise<CredentialStory> {
  const keys = loadOrCreateIssuerKey(config.dataDir, config.issuer.key);
  const issuer = new CredentialIssuer(
    { id: config.issuer.id, name: config.issuer.name, origin: didWebOrigin(config.issuer.id) },
    {
      context: readModels.context,
      logOrigin: config.origin,
      keys: () => keys,
      firstCheckpointCovering: (index) => {
        const [checkpoint] = hashes.checkpointPage(index + 1, 1);
        if (!checkpoint) throw new Error(`no signed checkpoint covers leaf ${index}`);
        return Promise.resolve(checkpoint.size);
      },
    },
  );
  const write = (name: string, value: unknown): string => {
    const file = join(config.dataDir, name);
    writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
    return file;
  };
  const didFile = write('issuer-did.json', issuer.didDocument());
  const statusListFiles: string[] = [];
  for (const id of ['revocation-0', 'suspension-0'])
    statusListFiles.push(write(`status-list-${id}.json`, await issuer.statusList(id)));
  const records = await issuer.records();
  const suspended = records.find((r) => r.applicationId === suspendedApplication);
  const valid = records.find((r) => r.status === 'active');
  const checked: CredentialStory['checked'] = [];
  for (const record of [valid, suspended]) {
    if (!record) continue;
    const file = write(`credential-${record.credentialId}.json`, await issuer.credential(record));
    const result = await verifyCredentialFile(file, { didFile, statusListFiles });
    checked.push({
      credentialId: record.credentialId,
      file,
      status: issuer.status(record).status,
      lines: result.ok ? result.lines : [...result.lines, `${result.check}: ${result.reason}`],
      ok: result.ok,
    });
  }
  return { issued: records.length, checked, didFile, statusListFiles };
}
