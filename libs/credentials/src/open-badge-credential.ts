import { CONTEXT } from './contexts';
import type { JsonLdDocument } from './data-integrity';
import { STATUS_PURPOSES, statusListUrl } from './status-purpose';
import { LIST_LENGTH } from './bitstring';

export interface Issuer {
  /** A did:web (LEDGER_ISSUER_ID). */
  id: string;
  name: string;
  /** The HTTPS origin the did:web names: where the credential's links resolve. */
  origin: string;
}

/** What a credential states, all of it from the ledger's events. */
export interface CredentialFacts {
  credentialId: string;
  traineeId: string;
  /** CredentialIssued.issuedOn (YYYY-MM-DD). */
  issuedOn: string;
  /** Position of the credential in issue order: its index on both status lists. */
  statusIndex: number;
  pathway: {
    id: string;
    version: string;
    /** SHA-256 (hex) of the pathway's canonical JSON, as the decision recorded it. */
    contentHash: string;
    title: string;
    issuingBody: string;
    requirements: readonly string[];
  };
  decision: {
    decisionId: string;
    decidedOn: string;
    /** The decision event's global position: its leaf index in the log. */
    leafIndex: number;
  };
  /** The log's origin line and the first signed checkpoint that includes the decision's leaf. */
  log: { origin: string; checkpointSize: number };
  /** YYYY-MM-DD; only where the pathway defines an expiry. */
  validUntil?: string;
}

export const credentialUrl = (origin: string, credentialId: string): string =>
  `${origin}/v1/credentials/${encodeURIComponent(credentialId)}`;

const dateTime = (day: string): string => `${day}T00:00:00Z`;

/**
 * The unsigned Open Badges 3.0 OpenBadgeCredential (a VC Data Model 2.0 credential) for an
 * issued credential: the institution as issuer, the trainee's pseudonymous record as subject,
 * the pathway version as achievement, the decision, its bundle and its leaf in a signed
 * checkpoint as evidence, and an entry on the revocation and the suspension list.
 */
export function openBadgeCredential(issuer: Issuer, facts: CredentialFacts): JsonLdDocument {
  const o = issuer.origin;
  const { pathway, decision, log } = facts;
  const pathwayUrl = `${o}/v1/pathways/${encodeURIComponent(pathway.id)}/versions`;
  const decisionUrl = `${o}/v1/decisions/${encodeURIComponent(decision.decisionId)}`;
  return {
    '@context': [CONTEXT.credentialsV2, CONTEXT.openBadgesV3],
    id: credentialUrl(o, facts.credentialId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${pathway.title} ${pathway.version}`,
    issuer: { id: issuer.id, type: ['Profile'], name: issuer.name, url: o },
    validFrom: dateTime(facts.issuedOn),
    ...(facts.validUntil ? { validUntil: dateTime(facts.validUntil) } : {}),
    credentialSubject: {
      id: `${o}/v1/trainees/${encodeURIComponent(facts.traineeId)}`,
      type: ['AchievementSubject'],
      achievement: {
        id: `${pathwayUrl}#${encodeURIComponent(pathway.version)}`,
        type: ['Achievement'],
        achievementType: 'Certification',
        name: pathway.title,
        description: `${pathway.title}, version ${pathway.version}, published by ${pathway.issuingBody}; pathway document SHA-256 ${pathway.contentHash}.`,
        humanCode: pathway.id,
        version: pathway.version,
        otherIdentifier: [
          {
            type: ['IdentifierEntry'],
            identifier: `sha256:${pathway.contentHash}`,
            identifierType: 'identifier',
          },
        ],
        criteria: {
          narrative: `Every requirement of pathway ${pathway.id} version ${pathway.version} met on the evidence in the ledger, as decided by a credentialing panel: ${pathway.requirements.join('; ')}.`,
        },
        alignment: [
          {
            type: ['Alignment'],
            targetName: `${pathway.id} ${pathway.version}`,
            targetDescription: `The pathway document (SHA-256 ${pathway.contentHash}) the decision was evaluated against.`,
            targetFramework: pathway.issuingBody,
            targetUrl: pathwayUrl,
          },
        ],
      },
    },
    evidence: [
      {
        id: `${decisionUrl}/provenance`,
        type: ['Evidence'],
        name: `Credential decision ${decision.decisionId}`,
        genre: 'Credential decision',
        narrative: `Granted by the credentialing panel on ${decision.decidedOn}; the decision event is leaf ${decision.leafIndex} of the log ${log.origin}.`,
      },
      {
        id: `${decisionUrl}/bundle`,
        type: ['Evidence'],
        name: `Provenance bundle of ${decision.decisionId}`,
        genre: 'Provenance bundle',
        narrative:
          'Every event the decision stood on, each with an RFC 9162 inclusion proof in one signed checkpoint (an inr-ledger provenance bundle); `inr-ledger verify` checks it offline.',
      },
      {
        id: `${o}/v1/ledger/proof/inclusion?index=${decision.leafIndex}&size=${log.checkpointSize}`,
        type: ['Evidence'],
        name: `Leaf ${decision.leafIndex} in signed checkpoint ${log.checkpointSize}`,
        genre: 'Signed checkpoint',
        narrative: `The decision event (leaf index ${decision.leafIndex}) is included in the checkpoint of size ${log.checkpointSize} that ${log.origin} signed (${o}/v1/ledger/checkpoints/${log.checkpointSize}).`,
      },
    ],
    credentialStatus: STATUS_PURPOSES.map((purpose) => {
      const list = statusListUrl(o, purpose, facts.statusIndex);
      return {
        id: `${list}#${facts.statusIndex % LIST_LENGTH}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: purpose,
        statusListIndex: String(facts.statusIndex % LIST_LENGTH),
        statusListCredential: list,
      };
    }),
  };
}
