import {
  addProof,
  didDocument,
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
  type CredentialRecord,
  type ReadModelContext,
} from '@inr/projections';
import { ProblemException } from '../../platform/problem/problem.exception';
import { credentialStatus, type PublicCredentialStatus } from './credential-status';
import type { IssuerKeys } from './issuer-key';

/** What the issuer reads: the ledger's events, its checkpoints, its origin, the issuer key. */
export interface IssuerSources {
  context: ReadModelContext;
  /** The size of the first signed checkpoint that includes leaf `index`. */
  firstCheckpointCovering(index: number): Promise<number>;
  /** The log's origin line. */
  logOrigin: string;
  keys(): IssuerKeys;
}

/** A Data Integrity `created`: the ledger's record time, to the second (XSD dateTimeStamp). */
const toSecond = (iso: string): string => iso.replace(/\.\d+Z$/, 'Z');

/**
 * Portable credentials: each issued credential as a signed Open Badges 3.0 credential, its
 * public status, the signed status lists and the issuer's DID document. Everything is folded
 * from the ledger's events on request and signed with the issuer key; Ed25519 is deterministic
 * and every date comes from the ledger, so the same ledger always gives the same bytes. No
 * NestJS here: the service wraps it, and the demo uses it on its data directory.
 */
export class CredentialIssuer {
  private readonly loader = offlineDocumentLoader();

  constructor(
    readonly issuer: Issuer,
    private readonly sources: IssuerSources,
  ) {}

  didDocument(): DidDocument {
    const keys = this.sources.keys();
    return didDocument(this.issuer.id, [keys.current, ...[...keys.retired].reverse()]);
  }

  /** Every credential issued, in order of issue. */
  records(): Promise<CredentialRecord[]> {
    return credentialRecords(this.sources.context);
  }

  /** The credential's record, or undefined when no credential has that id. */
  async record(credentialId: string): Promise<CredentialRecord | undefined> {
    return (await this.records()).find((r) => r.credentialId === credentialId);
  }

  /** The signed OpenBadgeCredential of an issued credential. */
  async credential(record: CredentialRecord): Promise<Secured<JsonLdDocument>> {
    const { decision } = record;
    const resolved = pickPathway(
      await knownPathways(this.sources.context, decision.position),
      decision.pathwayId,
      decision.pathwayVersion,
    );
    if (!resolved)
      throw new ProblemException(
        422,
        'PATHWAY_UNAVAILABLE',
        `pathway ${decision.pathwayId}@${decision.pathwayVersion} is not known to this ledger`,
      );
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
      log: {
        origin: this.sources.logOrigin,
        checkpointSize: await this.sources.firstCheckpointCovering(decision.position),
      },
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
    const first = parsed.list * LIST_LENGTH;
    const onList = (await this.records()).slice(first, first + LIST_LENGTH);
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

  private sign(document: JsonLdDocument, at: string): Promise<Secured<JsonLdDocument>> {
    const keys = this.sources.keys();
    return addProof(
      document,
      {
        privateKey: keys.privateKey,
        verificationMethod: verificationMethodId(this.issuer.id, keys.current),
        created: toSecond(at),
      },
      this.loader,
    );
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
