import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  addProof,
  didDocument,
  didWebOrigin,
  LIST_LENGTH,
  offlineDocumentLoader,
  openBadgeCredential,
  parseStatusListId,
  statusListCredential,
  verificationMethodId,
  type DidDocument,
  type Issuer,
  type JsonLdDocument,
  type Secured,
  type StatusPurpose,
} from '@inr/credentials';
import {
  credentialRecords,
  knownPathways,
  pickPathway,
  ReadModels,
  type CredentialRecord,
} from '@inr/projections';
import type { LedgerConfig } from '../../config/ledger-config';
import { LedgerRuntime } from '../../ledger-http/ledger-runtime';
import { ProblemException } from '../../platform/problem/problem.exception';
import { LEDGER_CONFIG } from '../../platform/store/tokens';
import { ISSUER_KEY_FILE, loadOrCreateIssuerKey, type IssuerKeys } from './issuer-key';
import { credentialStatus, type PublicCredentialStatus } from './credential-status';

/** A Data Integrity `created`: the ledger's record time, to the second (XSD dateTimeStamp). */
const toSecond = (iso: string): string => iso.replace(/\.\d+Z$/, 'Z');

/**
 * Portable credentials: each issued credential as a signed Open Badges 3.0 credential, its
 * public status, the signed status lists and the issuer's DID document. Everything is folded
 * from the ledger's events on request and signed with the issuer key; Ed25519 is deterministic
 * and every date comes from the ledger, so the same ledger always gives the same bytes.
 */
@Injectable()
export class PortableCredentials implements OnModuleInit {
  readonly issuer: Issuer;
  private loaded!: { keys: IssuerKeys; stamp: number };
  private readonly loader = offlineDocumentLoader();

  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(LedgerRuntime) private readonly ledger: LedgerRuntime,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {
    const { id, name } = config.issuer;
    this.issuer = { id, name, origin: didWebOrigin(id) };
  }

  onModuleInit(): void {
    this.loaded = { keys: this.load(), stamp: this.stamp() };
  }

  /** The issuer key; after `inr-ledger keys --rotate-issuer` the new one, without a restart. */
  private get keys(): IssuerKeys {
    const stamp = this.stamp();
    if (stamp !== this.loaded.stamp) this.loaded = { keys: this.load(), stamp };
    return this.loaded.keys;
  }

  private load(): IssuerKeys {
    return loadOrCreateIssuerKey(this.config.dataDir, this.config.issuer.key);
  }

  /** The key file's change time (0 when absent): a rotation replaces the file. */
  private stamp(): number {
    return (
      statSync(join(this.config.dataDir, ISSUER_KEY_FILE), { throwIfNoEntry: false })?.ctimeMs ?? 0
    );
  }

  didDocument(): DidDocument {
    return didDocument(this.issuer.id, [this.keys.current, ...[...this.keys.retired].reverse()]);
  }

  /** The credential's record, or undefined when no credential has that id. */
  async record(credentialId: string): Promise<CredentialRecord | undefined> {
    return (await this.records()).find((r) => r.credentialId === credentialId);
  }

  /** The signed OpenBadgeCredential of an issued credential. */
  async credential(record: CredentialRecord): Promise<Secured<JsonLdDocument>> {
    const { decision } = record;
    const resolved = pickPathway(
      await knownPathways(this.readModels.context, decision.position),
      decision.pathwayId,
      decision.pathwayVersion,
    );
    if (!resolved)
      throw new ProblemException(
        422,
        'PATHWAY_UNAVAILABLE',
        `pathway ${decision.pathwayId}@${decision.pathwayVersion} is not known to this ledger`,
      );
    const checkpoint = await this.firstCheckpointCovering(decision.position);
    const { pathway } = resolved;
    const unsigned = openBadgeCredential(this.issuer, {
      credentialId: record.credentialId,
      traineeId: record.traineeId,
      issuedOn: record.issuedOn,
      statusIndex: record.statusIndex,
      pathway: {
        id: pathway.id,
        version: pathway.version,
        contentHash: decision.pathwayHash,
        title: pathway.title,
        issuingBody: pathway.issuingBody,
        requirements: pathway.requirements.map((r) => `${r.id}: ${r.description}`),
      },
      decision: {
        decisionId: decision.decisionId,
        decidedOn: decision.decidedOn,
        leafIndex: decision.position,
      },
      log: { origin: this.ledger.origin, checkpointSize: checkpoint },
    });
    return this.sign(unsigned, record.history[0]!.recordedAt);
  }

  status(record: CredentialRecord): PublicCredentialStatus {
    return credentialStatus(record);
  }

  /** The signed status list credential `listId` (`revocation-0`, …), or undefined. */
  async statusList(listId: string): Promise<Secured<JsonLdDocument> | undefined> {
    const parsed = parseStatusListId(listId);
    if (!parsed) return undefined;
    const records = await this.records();
    const first = parsed.list * LIST_LENGTH;
    const onList = records.slice(first, first + LIST_LENGTH);
    if (onList.length === 0) return undefined;
    const set = onList.filter((r) => listed(r, parsed.purpose)).map((r) => r.statusIndex);
    const changed = lastChange(onList, parsed.purpose);
    const unsigned = statusListCredential(
      this.issuer,
      parsed.purpose,
      parsed.list,
      set,
      toSecond(changed),
    );
    return this.sign(unsigned, changed);
  }

  private records(): Promise<CredentialRecord[]> {
    return credentialRecords(this.readModels.context);
  }

  private sign(document: JsonLdDocument, at: string): Promise<Secured<JsonLdDocument>> {
    return addProof(
      document,
      {
        privateKey: this.keys.privateKey,
        verificationMethod: verificationMethodId(this.issuer.id, this.keys.current),
        created: toSecond(at),
      },
      this.loader,
    );
  }

  /** The size of the first signed checkpoint that includes leaf `index` (signing one if none). */
  private async firstCheckpointCovering(index: number): Promise<number> {
    const [stored] = this.ledger.hashes.checkpointPage(index + 1, 1);
    if (stored) return stored.size;
    const signed = await this.ledger.checkpointCovering(index);
    if (!signed)
      throw new ProblemException(503, 'NOT_CHECKPOINTED', 'the decision is not in the log yet');
    return signed.size;
  }
}

/** Whether the credential's bit is set on a list of `purpose`. */
function listed(record: CredentialRecord, purpose: StatusPurpose): boolean {
  return purpose === 'revocation' ? record.status === 'revoked' : record.status === 'suspended';
}

/**
 * When a list last changed: the latest status change that set or cleared a bit of it, or the
 * first issue on it when none did.
 */
function lastChange(records: readonly CredentialRecord[], purpose: StatusPurpose): string {
  const relevant = (type: string, previous: string | undefined) =>
    purpose === 'revocation'
      ? type === 'CredentialRevoked'
      : type === 'CredentialSuspended' ||
        type === 'CredentialReinstated' ||
        (type === 'CredentialRevoked' && previous === 'suspended');
  let latest = records[0]!.history[0]!;
  for (const r of records)
    r.history.forEach((change, i) => {
      if (relevant(change.type, r.history[i - 1]?.status) && change.position > latest.position)
        latest = change;
    });
  return latest.recordedAt;
}
