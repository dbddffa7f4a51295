// How the API routes a command: which stream it is decided on, which other streams' states
// the decider needs in its context, and who may send it. Keep it the one place this is said.
import { caseDecider } from '../case/case-decider';
import type { CaseCommand } from '../case/case-commands';
import type { CaseState } from '../case/case-state';
import type { ApplicationState } from '../credential/application-state';
import type { CredentialCommand } from '../credential/credential-commands';
import { credentialDecider } from '../credential/credential-decider';
import type { StreamCategory } from '../events';
import { pathwayDecider } from '../pathway/pathway-decider';
import type { PortfolioCommand } from '../portfolio/portfolio-commands';
import { portfolioDecider } from '../portfolio/portfolio-decider';
import type { RecognitionCommand } from '../recognition/recognition-commands';
import { recognitionDecider, type RecognitionState } from '../recognition/recognition-decider';
import { COMMAND_ROLES, type CommandType } from '../shared/command-roles';
import type { Decider } from '../shared/decider';
import { supervisorDecider } from '../supervisor/supervisor-decider';
import { traineeDecider } from '../trainee/trainee-decider';
import type { TraineeCommand } from '../trainee/trainee-commands';
import type { TraineeState } from '../trainee/trainee-state';
import { erasureDecider, type ErasureState } from '../erasure/erasure-decider';
import type { Role } from '../vocabulary/vocabulary';
import type { CommandOf } from './command';

/** Ids (not stream names) of the aggregates whose folded state goes into the context. */
export interface FactIds {
  trainee?: string;
  /** The supervisor named by the command (signer, disputer): folded from supervisor-<id>. */
  supervisor?: string;
  /** A pathway id: folded from policy-<id>. */
  pathway?: string;
  /** Pathway ids whose facts (owner, competencies, eligibility) the decider needs. */
  pathways?: readonly string[];
  /** A trainee id whose held credentials the decider needs (from their events). */
  credentials?: string;
  /** Whether the decider needs the institutions the ledger knows (a read model). */
  institutions?: boolean;
}

export interface CommandRegistration<
  K extends CommandType,
  State,
  AggregateCommand = CommandOf<K>,
> {
  category: StreamCategory;
  streamId(command: CommandOf<K>): string;
  /** 'no-stream' for commands that start an aggregate; otherwise append at the revision read. */
  expectedStream: 'no-stream' | 'stream-exists' | 'any';
  roles: readonly Role[];
  /** The aggregate's decider (it decides every command of that aggregate). */
  decider: Decider<AggregateCommand, State>;
  facts(command: CommandOf<K>, state: State): FactIds;
}

const none = (): FactIds => ({});

function entry<K extends CommandType, State, AggregateCommand = CommandOf<K>>(
  type: K,
  registration: Omit<CommandRegistration<K, State, AggregateCommand>, 'roles'>,
): CommandRegistration<K, State, AggregateCommand> {
  return { ...registration, roles: COMMAND_ROLES[type] };
}

const trainee = <K extends TraineeCommand['type']>(
  type: K,
  facts: (command: CommandOf<K>, state: TraineeState) => FactIds = none,
  expectedStream: 'no-stream' | 'stream-exists' = 'stream-exists',
) =>
  entry<K, TraineeState, TraineeCommand>(type, {
    category: 'trainee',
    streamId: (c: { traineeId: string }) => c.traineeId,
    expectedStream,
    decider: traineeDecider,
    facts,
  });

const portfolio = <K extends PortfolioCommand['type']>(
  type: K,
  facts: (command: CommandOf<K>, state: TraineeState) => FactIds = none,
) =>
  entry<K, TraineeState, PortfolioCommand>(type, {
    category: 'trainee',
    streamId: (c: { traineeId: string }) => c.traineeId,
    expectedStream: 'stream-exists',
    decider: portfolioDecider,
    facts,
  });

const caseEntry = <K extends CaseCommand['type']>(
  type: K,
  facts: (command: CommandOf<K>, state: CaseState) => FactIds = none,
  expectedStream: 'no-stream' | 'stream-exists' = 'stream-exists',
) =>
  entry<K, CaseState, CaseCommand>(type, {
    category: 'case',
    streamId: (c: { caseId: string }) => c.caseId,
    expectedStream,
    decider: caseDecider,
    facts,
  });

const application = <K extends CredentialCommand['type']>(
  type: K,
  facts: (command: CommandOf<K>, state: ApplicationState) => FactIds = none,
  expectedStream: 'no-stream' | 'stream-exists' = 'stream-exists',
) =>
  entry<K, ApplicationState, CredentialCommand>(type, {
    category: 'application',
    streamId: (c: { applicationId: string }) => c.applicationId,
    expectedStream,
    decider: credentialDecider,
    facts,
  });

const recognition = <K extends RecognitionCommand['type']>(type: K) =>
  entry<K, RecognitionState, RecognitionCommand>(type, {
    category: 'trainee',
    streamId: (c: { traineeId: string }) => c.traineeId,
    expectedStream: 'stream-exists',
    decider: recognitionDecider,
    // The trainee's state, for the policy's institution check (commandResource).
    facts: (c: RecognitionCommand) => ({ trainee: c.traineeId }),
  });

export const deciders = {
  EnrolTrainee: trainee('EnrolTrainee', (c) => ({ pathways: c.pathwayIds }), 'no-stream'),
  TransferTrainee: trainee('TransferTrainee'),
  DeclareRotation: trainee('DeclareRotation', () => ({ institutions: true })),
  RecordAssessment: trainee('RecordAssessment', (c) => ({ supervisor: c.assessorId })),
  SignOffCompetency: trainee('SignOffCompetency', (c, s) => ({
    supervisor: c.signerId,
    pathways: s.status === 'enrolled' ? s.enrolment.pathwayIds : [],
  })),
  RecordRotaParticipation: trainee('RecordRotaParticipation', (c) => ({
    supervisor: c.recordedBy,
  })),
  RecogniseTrainingTime: trainee('RecogniseTrainingTime'),
  RequestAssessment: portfolio('RequestAssessment', (c) => ({ supervisor: c.assessorId })),
  RequestCompetencySignOff: portfolio('RequestCompetencySignOff', (c, s) => ({
    supervisor: c.signerId,
    pathways: s.status === 'enrolled' ? s.enrolment.pathwayIds : [],
  })),
  WithdrawRequest: portfolio('WithdrawRequest'),
  WriteReflection: portfolio('WriteReflection'),
  ShareReflection: portfolio('ShareReflection'),
  LogCase: caseEntry(
    'LogCase',
    (c) => ({ trainee: c.traineeId, institutions: true, credentials: c.traineeId }),
    'no-stream',
  ),
  AmendCase: caseEntry('AmendCase', (_c, s) =>
    s.status === 'not-logged'
      ? {}
      : { trainee: s.record.traineeId, institutions: true, credentials: s.record.traineeId },
  ),
  RetractCase: caseEntry('RetractCase'),
  SignOffCase: caseEntry('SignOffCase', (c) => ({ supervisor: c.supervisorId })),
  DisputeCaseSignOff: caseEntry('DisputeCaseSignOff', (c) => ({ supervisor: c.supervisorId })),
  RecordCaseOutcome: caseEntry('RecordCaseOutcome'),
  AccreditSupervisor: entry('AccreditSupervisor', {
    category: 'supervisor',
    streamId: (c) => c.supervisorId,
    expectedStream: 'any',
    decider: supervisorDecider,
    facts: none,
  }),
  RevokeSupervisorAccreditation: entry('RevokeSupervisorAccreditation', {
    category: 'supervisor',
    streamId: (c) => c.supervisorId,
    expectedStream: 'stream-exists',
    decider: supervisorDecider,
    facts: none,
  }),
  PublishPathway: entry('PublishPathway', {
    category: 'policy',
    streamId: (c) => c.pathwayId,
    expectedStream: 'any',
    decider: pathwayDecider,
    facts: (c) => ({ pathways: [c.pathwayId] }),
  }),
  SubmitCredentialApplication: application(
    'SubmitCredentialApplication',
    (c) => ({ trainee: c.traineeId, pathway: c.pathwayId, pathways: [c.pathwayId] }),
    'no-stream',
  ),
  RecordCredentialDecision: application('RecordCredentialDecision', (_c, s) =>
    s.status === 'not-submitted' ? {} : { pathway: s.application.pathwayId },
  ),
  CastPanelVote: application('CastPanelVote', (_c, s) =>
    s.status === 'not-submitted' ? {} : { pathway: s.application.pathwayId },
  ),
  FlagCredentialForReview: application('FlagCredentialForReview'),
  ResolveCredentialReview: application('ResolveCredentialReview'),
  IssueCredential: application('IssueCredential'),
  SuspendCredential: application('SuspendCredential'),
  ReinstateCredential: application('ReinstateCredential'),
  RevokeCredential: application('RevokeCredential'),
  RecogniseExternalEvidence: recognition('RecogniseExternalEvidence'),
  WithdrawExternalEvidenceRecognition: recognition('WithdrawExternalEvidenceRecognition'),
  // Its own stream, so an erasure never contends with the person's other records; the
  // trainee's and supervisor's states say whether the id is a person the ledger knows.
  EraseSubject: entry<'EraseSubject', ErasureState>('EraseSubject', {
    category: 'subject',
    streamId: (c) => c.subjectId,
    expectedStream: 'any',
    decider: erasureDecider,
    facts: (c) => ({ trainee: c.subjectId, supervisor: c.subjectId }),
  }),
} satisfies { [K in CommandType]: { category: StreamCategory } };

export const COMMAND_TYPES = Object.keys(deciders) as CommandType[];
