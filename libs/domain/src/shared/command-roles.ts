import type { Role } from '../vocabulary/vocabulary';

// Who may issue each command. The deciders enforce it (ROLE_NOT_PERMITTED) and the registry
// exposes it so the API's guards and OpenAPI document say the same thing.
export const COMMAND_ROLES = {
  EnrolTrainee: ['admin', 'medical-director'],
  TransferTrainee: ['admin', 'medical-director'],
  // The trainee's own trust sends them on a placement; the host's supervisors still sign each case.
  DeclareRotation: ['admin', 'medical-director'],
  RecordAssessment: ['supervisor', 'medical-director'],
  SignOffCompetency: ['supervisor', 'medical-director'],
  RecordRotaParticipation: ['admin', 'medical-director', 'supervisor'],
  RecogniseTrainingTime: ['admin', 'medical-director', 'panel'],
  // A trainee's own requests and reflections.
  RequestAssessment: ['trainee'],
  RequestCompetencySignOff: ['trainee'],
  WithdrawRequest: ['trainee'],
  WriteReflection: ['trainee'],
  ShareReflection: ['trainee'],
  LogCase: ['trainee'],
  AmendCase: ['trainee'],
  RetractCase: ['trainee'],
  SignOffCase: ['supervisor', 'medical-director'],
  DisputeCaseSignOff: ['supervisor', 'medical-director'],
  // The roles that hold the information: the trust's audit (stroke team data) role and the trainee.
  RecordCaseOutcome: ['trust-auditor', 'trainee'],
  AccreditSupervisor: ['admin', 'medical-director', 'accreditor'],
  RevokeSupervisorAccreditation: ['admin', 'medical-director', 'accreditor'],
  // An accreditor whose token names the pathway's issuer: see the pathway decider.
  PublishPathway: ['accreditor'],
  SubmitCredentialApplication: ['trainee'],
  RecordCredentialDecision: ['panel'],
  CastPanelVote: ['panel'],
  // Recorded by whoever revoked a supervisor for cause, as part of that revocation (no route).
  FlagCredentialForReview: ['admin', 'medical-director', 'accreditor'],
  ResolveCredentialReview: ['panel'],
  IssueCredential: ['panel', 'admin'],
  SuspendCredential: ['panel', 'admin', 'regulator'],
  ReinstateCredential: ['panel', 'admin', 'regulator'],
  RevokeCredential: ['panel', 'admin', 'regulator'],
  // Recognising another institution's evidence is an academic judgement: the credentialing
  // panel, or the receiving trust's medical director; not an administrative act.
  RecogniseExternalEvidence: ['panel', 'medical-director'],
  WithdrawExternalEvidenceRecognition: ['panel', 'medical-director'],
  // Erasure is the data-protection officer's act, on a request or a retention rule.
  EraseSubject: ['data-protection'],
} as const satisfies Record<string, readonly Role[]>;

export type CommandType = keyof typeof COMMAND_ROLES;
