import { randomUUID } from 'node:crypto';
import type {
  AngiographyDetails,
  CaseCorrection,
  CaseLogged,
  CredentialDecisionRecorded,
  JsonObject,
  OperatorRole,
  SupervisionLevel,
  ThrombectomyDetails,
} from '@inr/domain';
import type { AppendResult, EventStore } from '@inr/event-store';

export const MT_DETAILS: ThrombectomyDetails = {
  procedure: 'mechanical-thrombectomy',
  occlusionSite: 'M1',
  tandemLesion: false,
  technique: 'stent-retriever',
  balloonGuideCatheter: true,
  rescueStenting: false,
  eticiByPass: ['2c'],
  finalEtici: '2c',
  times: { arrival: '2025-03-01T10:00', groinPuncture: '2025-03-01T10:45' },
  complications: [],
};

export const ANGIO_DETAILS: AngiographyDetails = {
  procedure: 'diagnostic-angiography',
  indication: 'subarachnoid haemorrhage work-up',
  consentObtained: true,
  diagnosticSuccess: true,
  neurologicalComplication: 'none',
  accessSiteComplications: [],
};

const actor = (subject: string, role: string, institutionId = 'trust-a'): JsonObject => ({
  schemaVersion: 1,
  actor: { subject, role, institutionId },
  correlationId: randomUUID(),
  causationId: null,
});

/** Appends realistic domain events for projection tests, one call per user action. */
export class LedgerBuilder {
  constructor(readonly store: EventStore) {}

  private put(stream: string, type: string, data: object, by: JsonObject): Promise<AppendResult> {
    return this.store.append(stream, [
      { id: randomUUID(), type, data: data as JsonObject, metadata: by },
    ]);
  }

  enrol(
    traineeId: string,
    institutionId = 'trust-a',
    pathwayIds: string[] = [],
    specialty = 'radiology',
    stage = 'ST5',
  ) {
    return this.put(
      `trainee-${traineeId}`,
      'TraineeEnrolled',
      { traineeId, institutionId, specialty, stage, enrolledOn: '2024-09-01', pathwayIds },
      actor('admin-1', 'admin', institutionId),
    );
  }

  accredit(
    supervisorId: string,
    kind: 'INR' | 'IR' | 'medical-director' = 'INR',
    institutionIds = ['trust-a'],
  ) {
    return this.put(
      `supervisor-${supervisorId}`,
      'SupervisorAccredited',
      {
        supervisorId,
        gmcNumber: '1234567',
        kind,
        institutionIds,
        procedures: ['mechanical-thrombectomy', 'aneurysm-coiling', 'diagnostic-angiography'],
        validFrom: '2020-01-01',
      },
      actor('admin-1', 'admin'),
    );
  }

  revokeAccreditation(supervisorId: string, revokedOn = '2025-06-01') {
    return this.put(
      `supervisor-${supervisorId}`,
      'SupervisorAccreditationRevoked',
      { supervisorId, revokedOn, reason: 'left the trust' },
      actor('admin-1', 'admin'),
    );
  }

  /** Without the source fields: a recognition as written before they were required. */
  recogniseTime(traineeId: string, months: number, from: string, to: string) {
    return this.put(
      `trainee-${traineeId}`,
      'TrainingTimeRecognised',
      { traineeId, setting: 'neurointerventional-unit', months, from, to, recognisedBy: 'md-1' },
      actor('md-1', 'supervisor'),
    );
  }

  logCase(caseId: string, traineeId: string, overrides: Partial<CaseLogged> = {}) {
    const logged: CaseLogged = {
      caseId,
      traineeId,
      institutionId: 'trust-a',
      procedure: 'mechanical-thrombectomy',
      performedOn: '2025-03-01',
      operatorRole: 'primary-supervised' as OperatorRole,
      supervisorId: 'sup-1',
      supervisionLevel: 2 as SupervisionLevel,
      localRef: `REF-${caseId}`,
      details: MT_DETAILS,
      ...overrides,
    };
    return this.put(
      `case-${caseId}`,
      'CaseLogged',
      logged,
      actor(traineeId, 'trainee', logged.institutionId),
    );
  }

  amend(caseId: string, traineeId: string, changes: CaseCorrection, signOffWithdrawn = false) {
    return this.put(
      `case-${caseId}`,
      'CaseAmended',
      { caseId, traineeId, changes, reason: 'correction', signOffWithdrawn },
      actor(traineeId, 'trainee'),
    );
  }

  retract(caseId: string, traineeId: string) {
    return this.put(
      `case-${caseId}`,
      'CaseRetracted',
      { caseId, traineeId, reason: 'logged twice' },
      actor(traineeId, 'trainee'),
    );
  }

  signOff(caseId: string, traineeId: string, supervisorId = 'sup-1', signedOn = '2025-03-05') {
    return this.put(
      `case-${caseId}`,
      'CaseSignedOff',
      { caseId, traineeId, supervisorId, signedOn },
      actor(supervisorId, 'supervisor'),
    );
  }

  dispute(caseId: string, traineeId: string, supervisorId = 'sup-1') {
    return this.put(
      `case-${caseId}`,
      'CaseSignOffDisputed',
      { caseId, traineeId, supervisorId, reason: 'I was not there' },
      actor(supervisorId, 'supervisor'),
    );
  }

  publishPolicy(pathwayId: string, version: string, document: JsonObject, contentHash = 'hash') {
    return this.put(
      `policy-${pathwayId}`,
      'PolicyPublished',
      { pathwayId, version, contentHash, document },
      actor('admin-1', 'admin'),
    );
  }

  apply(applicationId: string, traineeId: string, pathwayId: string, pathwayVersion: string) {
    return this.put(
      `application-${applicationId}`,
      'CredentialApplicationSubmitted',
      { applicationId, traineeId, pathwayId, pathwayVersion, submittedOn: '2025-05-01' },
      actor(traineeId, 'trainee'),
    );
  }

  /** Without `evidence` the decision is written as schema version 1 (before commitments). */
  decide(
    decision: Omit<CredentialDecisionRecorded, 'evidence'> & {
      evidence?: CredentialDecisionRecorded['evidence'];
    },
  ) {
    const by = actor('panel-1', 'panel');
    return this.put(
      `application-${decision.applicationId}`,
      'CredentialDecisionRecorded',
      decision,
      decision.evidence === undefined ? by : { ...by, schemaVersion: 2 },
    );
  }

  issue(
    applicationId: string,
    credentialId: string,
    traineeId: string,
    pathwayId: string,
    issuedOn = '2025-06-01',
  ) {
    return this.put(
      `application-${applicationId}`,
      'CredentialIssued',
      { applicationId, credentialId, traineeId, pathwayId, issuedOn },
      actor('panel-1', 'panel'),
    );
  }

  revokeCredential(applicationId: string, credentialId: string) {
    return this.put(
      `application-${applicationId}`,
      'CredentialRevoked',
      { applicationId, credentialId, reason: 'fraud', revokedOn: '2025-07-01' },
      actor('panel-1', 'panel'),
    );
  }
}
