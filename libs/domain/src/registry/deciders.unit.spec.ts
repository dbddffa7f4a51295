import type { DomainEvent } from '../events';
import { COMMAND_ROLES, type CommandType } from '../shared/command-roles';
import { isDomainError } from '../shared/domain-error';
import {
  actor,
  caseLogged,
  contextFor,
  supervisorAccredited,
  traineeEnrolled,
} from '../testing/fixtures';
import type { Command, CommandOf } from './command';
import { decideCommand, factsFor, factStreams, foldFacts, streamOf } from './decide-command';
import { COMMAND_TYPES, deciders } from './deciders';

const NHS = 'see 943 476 5919';
const logged = caseLogged().data;

/** A panel's decision (or vote) whose reasons carry `text`. */
function decisionCarrying(text: string): Omit<CommandOf<'RecordCredentialDecision'>, 'type'> {
  return {
    applicationId: 'a',
    decisionId: 'd',
    outcome: 'granted',
    pathwayVersion: '1',
    pathwayHash: 'h',
    ledgerSize: 1,
    evidence: { leafIndexes: [0], digest: '0'.repeat(64) },
    evaluation: { met: true },
    reasons: text,
    panelMemberId: 'p',
  };
}

// One command of every type, each carrying an NHS number in a string field.
const smuggling: { [K in CommandType]: CommandOf<K> } = {
  EraseSubject: { type: 'EraseSubject', subjectId: 't', reason: NHS },
  EnrolTrainee: { type: 'EnrolTrainee', ...traineeEnrolled().data, stage: NHS },
  TransferTrainee: {
    type: 'TransferTrainee',
    traineeId: 't',
    toInstitutionId: NHS,
    transferredOn: '2026-01-01',
  },
  DeclareRotation: {
    type: 'DeclareRotation',
    traineeId: 't',
    institutionId: NHS,
    from: '2026-01-01',
    to: '2026-03-31',
    declaredBy: 's',
  },
  RecordAssessment: {
    type: 'RecordAssessment',
    assessmentId: 'a',
    traineeId: 't',
    assessmentType: 'CbD',
    outcome: 'satisfactory',
    assessorId: 's',
    performedOn: '2026-01-01',
    comment: NHS,
  },
  SignOffCompetency: {
    type: 'SignOffCompetency',
    traineeId: 't',
    competencyId: NHS,
    signerId: 's',
    institutionId: 'i',
  },
  RequestAssessment: {
    type: 'RequestAssessment',
    traineeId: 't',
    requestId: 'r',
    assessorId: 's',
    assessmentType: 'CbD',
    note: NHS,
  },
  RequestCompetencySignOff: {
    type: 'RequestCompetencySignOff',
    traineeId: 't',
    requestId: 'r',
    competencyId: 'c',
    signerId: 's',
    institutionId: 'i',
    note: NHS,
  },
  WithdrawRequest: {
    type: 'WithdrawRequest',
    traineeId: 't',
    requestId: 'r',
    reason: NHS,
  },
  WriteReflection: {
    type: 'WriteReflection',
    traineeId: 't',
    reflectionId: 'r',
    title: 'A hard case',
    text: NHS,
    sharedWith: { supervisorIds: [], panel: false },
  },
  ShareReflection: {
    type: 'ShareReflection',
    traineeId: 't',
    reflectionId: 'r',
    sharedWith: { supervisorIds: [NHS], panel: false },
  },
  RecordRotaParticipation: {
    type: 'RecordRotaParticipation',
    traineeId: 't',
    recordedBy: 's',
    institutionId: NHS,
    from: '2026-01-01',
    to: '2026-01-02',
    shifts: 1,
  },
  RecogniseTrainingTime: {
    type: 'RecogniseTrainingTime',
    traineeId: 't',
    setting: 'clinical-neurosciences',
    months: 6,
    from: '2025-01-01',
    to: '2025-06-30',
    recognisedBy: NHS,
    sourceInstitution: 'site',
    programme: 'programme',
    evidenceRef: 'ref',
  },
  LogCase: {
    type: 'LogCase',
    ...logged,
    details: {
      ...logged.details,
      procedure: 'mechanical-thrombectomy',
      occlusionSite: 'M1',
      tandemLesion: false,
      technique: 'combined',
      balloonGuideCatheter: false,
      rescueStenting: false,
      eticiByPass: [],
      finalEtici: '0',
      times: { arrival: 'DOB 01/02/1950' },
      complications: [],
    },
  },
  AmendCase: { type: 'AmendCase', caseId: 'c', changes: { notes: 'MRN RX123456' }, reason: 'typo' },
  RetractCase: { type: 'RetractCase', caseId: 'c', reason: NHS },
  SignOffCase: { type: 'SignOffCase', caseId: 'c', supervisorId: 's', comment: NHS },
  DisputeCaseSignOff: { type: 'DisputeCaseSignOff', caseId: 'c', supervisorId: 's', reason: NHS },
  RecordCaseOutcome: {
    type: 'RecordCaseOutcome',
    caseId: 'c',
    outcome: { anaesthesia: NHS as 'general' },
  },
  AccreditSupervisor: {
    type: 'AccreditSupervisor',
    ...supervisorAccredited().data,
    institutionIds: [NHS],
  },
  RevokeSupervisorAccreditation: {
    type: 'RevokeSupervisorAccreditation',
    supervisorId: 's',
    reason: NHS,
  },
  PublishPathway: {
    type: 'PublishPathway',
    pathwayId: 'p',
    version: '1',
    contentHash: 'a'.repeat(64),
    document: { notes: NHS },
    changeNote: 'first',
  },
  SubmitCredentialApplication: {
    type: 'SubmitCredentialApplication',
    applicationId: 'a',
    traineeId: 't',
    pathwayId: NHS,
    pathwayVersion: '1',
  },
  RecordCredentialDecision: { ...decisionCarrying(NHS), type: 'RecordCredentialDecision' },
  CastPanelVote: {
    ...decisionCarrying(NHS),
    type: 'CastPanelVote',
    conflicts: { evidenceSignerIds: [], supervisorIds: [], institutionIds: [] },
  },
  FlagCredentialForReview: {
    type: 'FlagCredentialForReview',
    applicationId: 'a',
    flagId: NHS,
    decisionId: 'd',
    supervisorId: 's',
    revokedOn: '2026-01-01',
    eventIds: ['e'],
    requirementIds: ['r'],
  },
  ResolveCredentialReview: {
    type: 'ResolveCredentialReview',
    applicationId: 'a',
    flagId: 'f',
    resolution: 'credential-stands',
    reason: NHS,
    panelMemberId: 'p',
  },
  IssueCredential: { type: 'IssueCredential', applicationId: 'a', credentialId: NHS },
  SuspendCredential: { type: 'SuspendCredential', applicationId: 'a', reason: NHS },
  ReinstateCredential: { type: 'ReinstateCredential', applicationId: 'a', reason: NHS },
  RevokeCredential: { type: 'RevokeCredential', applicationId: 'a', reason: NHS },
  RecogniseExternalEvidence: {
    type: 'RecogniseExternalEvidence',
    traineeId: 't',
    recognitionId: 'r',
    origin: 'trust-a/inr-ledger',
    checkpoint: { size: 3, root: 'root' },
    bundleHash: 'h',
    foreignTraineeId: 't',
    scope: { kind: 'all' },
    leaves: [{ leafIndex: 0, leafHash: 'h' }],
    cases: [],
    sourceInstitutions: [],
    recognisedBy: 'p',
    reason: NHS,
  },
  WithdrawExternalEvidenceRecognition: {
    type: 'WithdrawExternalEvidenceRecognition',
    traineeId: 't',
    recognitionId: 'r',
    withdrawnBy: 'p',
    reason: NHS,
  },
};

describe('the deciders registry', () => {
  it('registers every command that has roles, and nothing else', () => {
    expect([...COMMAND_TYPES].sort()).toEqual(Object.keys(COMMAND_ROLES).sort());
  });

  it.each(Object.values(smuggling) as Command[])(
    '$type is rejected when it carries a patient identifier',
    (command) => {
      const role = deciders[command.type].roles[0]!;
      const result = decideCommand(command, [], contextFor(actor(role, 's')));
      expect(isDomainError(result) && result.code).toBe('PATIENT_IDENTIFIER_REJECTED');
      expect(isDomainError(result) && result.message).not.toMatch(/5919|1950|RX123456/);
    },
  );

  it('names the stream each command is decided on', () => {
    expect(streamOf({ type: 'LogCase', ...logged })).toBe('case-case-1');
    expect(streamOf(smuggling.SignOffCompetency)).toBe('trainee-t');
    expect(streamOf(smuggling.RevokeSupervisorAccreditation)).toBe('supervisor-s');
    expect(streamOf(smuggling.PublishPathway)).toBe('policy-p');
    expect(streamOf(smuggling.IssueCredential)).toBe('application-a');
    expect(deciders.LogCase.expectedStream).toBe('no-stream');
  });

  it('says which other streams a decision needs, reading ids from the command or its stream', () => {
    const events: DomainEvent[] = [caseLogged()];
    expect(factsFor({ type: 'LogCase', ...logged }, [])).toEqual({
      trainee: 'trainee-1',
      institutions: true,
      credentials: 'trainee-1',
    });
    expect(
      factsFor({ type: 'AmendCase', caseId: 'case-1', changes: {}, reason: 'r' }, events),
    ).toEqual({ trainee: 'trainee-1', institutions: true, credentials: 'trainee-1' });
    expect(
      factsFor({ type: 'SignOffCase', caseId: 'case-1', supervisorId: 'inr-1' }, events),
    ).toEqual({ supervisor: 'inr-1' });
    expect(factStreams({ trainee: 't', supervisor: 's', pathway: 'p' })).toEqual({
      trainee: 'trainee-t',
      supervisor: 'supervisor-s',
      pathway: 'policy-p',
    });
  });

  it('decides a command end to end from stored events and folded facts', () => {
    const facts = foldFacts({ trainee: [traineeEnrolled()], supervisor: [supervisorAccredited()] });
    const ctx = contextFor(actor('supervisor', 'inr-1'), facts);
    const result = decideCommand(
      { type: 'SignOffCase', caseId: 'case-1', supervisorId: 'inr-1' },
      [caseLogged()],
      ctx,
    );
    expect(result).toEqual([
      {
        type: 'CaseSignedOff',
        data: {
          caseId: 'case-1',
          traineeId: 'trainee-1',
          supervisorId: 'inr-1',
          signedOn: '2026-03-10',
        },
      },
    ]);
  });
});
