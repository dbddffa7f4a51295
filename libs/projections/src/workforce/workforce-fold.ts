import type { CredentialIssued, Specialty, TraineeEnrolled, TraineeTransferred } from '@inr/domain';
import { str, type LedgerEvent } from '../events/ledger-event';
import type { KeyedFold } from '../runner/keyed-fold';

export interface WorkforceTrainee {
  kind: 'trainee';
  traineeId: string;
  institutionId: string;
  specialty: Specialty;
  stage: string;
  enrolledOn: string;
}

export interface WorkforceCredential {
  kind: 'credential';
  credentialId: string;
  traineeId: string;
  pathwayId: string;
  issuedOn: string;
  status: 'active' | 'suspended' | 'revoked';
}

export type WorkforceDoc = WorkforceTrainee | WorkforceCredential;

const CREDENTIAL_EVENTS = new Set([
  'CredentialIssued',
  'CredentialSuspended',
  'CredentialReinstated',
  'CredentialRevoked',
]);

export function evolveWorkforce(
  doc: WorkforceDoc | undefined,
  event: LedgerEvent,
): WorkforceDoc | undefined {
  switch (event.type) {
    case 'TraineeEnrolled': {
      const e = event.data as unknown as TraineeEnrolled;
      return {
        kind: 'trainee',
        traineeId: e.traineeId,
        institutionId: e.institutionId,
        specialty: e.specialty,
        stage: e.stage,
        enrolledOn: e.enrolledOn,
      };
    }
    case 'TraineeTransferred': {
      const e = event.data as unknown as TraineeTransferred;
      return doc?.kind === 'trainee' ? { ...doc, institutionId: e.toInstitutionId } : doc;
    }
    case 'CredentialIssued': {
      const e = event.data as unknown as CredentialIssued;
      return {
        kind: 'credential',
        credentialId: e.credentialId,
        traineeId: e.traineeId,
        pathwayId: e.pathwayId,
        issuedOn: e.issuedOn,
        status: 'active',
      };
    }
    case 'CredentialSuspended':
      return doc?.kind === 'credential' && doc.status === 'active'
        ? { ...doc, status: 'suspended' }
        : doc;
    case 'CredentialReinstated':
      return doc?.kind === 'credential' && doc.status === 'suspended'
        ? { ...doc, status: 'active' }
        : doc;
    case 'CredentialRevoked':
      return doc?.kind === 'credential' ? { ...doc, status: 'revoked' } : doc;
    default:
      return doc;
  }
}

export const workforceFold: KeyedFold<WorkforceDoc> = {
  keyOf(event) {
    if (event.type === 'TraineeEnrolled' || event.type === 'TraineeTransferred') {
      const id = str(event.data, 'traineeId');
      return id === undefined ? undefined : `trainee:${id}`;
    }
    if (CREDENTIAL_EVENTS.has(event.type)) {
      const id = str(event.data, 'credentialId');
      return id === undefined ? undefined : `credential:${id}`;
    }
    return undefined;
  },
  evolve: evolveWorkforce,
};
