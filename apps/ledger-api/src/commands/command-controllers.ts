import type { Provider, Type } from '@nestjs/common';
import { AmendCaseController } from '../cases/amend-case/amend-case.controller';
import { DisputeCaseController } from '../cases/dispute-case/dispute-case.controller';
import { LogCaseController } from '../cases/log-case/log-case.controller';
import { RecordCaseOutcomeController } from '../cases/record-case-outcome/record-case-outcome.controller';
import { RetractCaseController } from '../cases/retract-case/retract-case.controller';
import { SignOffCaseController } from '../cases/sign-off-case/sign-off-case.controller';
import { CastVoteController } from '../credentials/cast-vote/cast-vote.controller';
import { CredentialLifecycleController } from '../credentials/credential-lifecycle/credential-lifecycle.controller';
import { IssueCredentialController } from '../credentials/issue-credential/issue-credential.controller';
import { EvaluateApplication } from '../credentials/record-decision/evaluate-application';
import { RecordDecisionController } from '../credentials/record-decision/record-decision.controller';
import { ResolveReviewController } from '../credentials/resolve-review/resolve-review.controller';
import { SubmitApplicationController } from '../credentials/submit-application/submit-application.controller';
import { PublishPathwayController } from '../pathways/publish-pathway/publish-pathway.controller';
import { AccreditSupervisorController } from '../supervisors/accredit-supervisor/accredit-supervisor.controller';
import { FlagForReview } from '../supervisors/revoke-supervisor/flag-for-review';
import { RevokeSupervisorController } from '../supervisors/revoke-supervisor/revoke-supervisor.controller';
import { EnrolTraineeController } from '../trainees/enrol-trainee/enrol-trainee.controller';
import { RecogniseTrainingTimeController } from '../trainees/recognise-training-time/recognise-training-time.controller';
import { RecordAssessmentController } from '../trainees/record-assessment/record-assessment.controller';
import { RecordRotaParticipationController } from '../trainees/record-rota-participation/record-rota-participation.controller';
import { SignOffCompetencyController } from '../trainees/sign-off-competency/sign-off-competency.controller';
import { TransferTraineeController } from '../trainees/transfer-trainee/transfer-trainee.controller';
import { DeclareRotationController } from '../trainees/declare-rotation/declare-rotation.controller';
import { EraseSubjectController } from '../privacy/erase-subject.controller';
import { SignOffQueueItemsController } from '../supervisors/sign-off-queue-items/sign-off-queue-items.controller';
import { ReflectionsController } from '../trainees/reflections/reflections.controller';
import { RequestAssessmentController } from '../trainees/request-assessment/request-assessment.controller';
import { RequestCompetencySignOffController } from '../trainees/request-competency-sign-off/request-competency-sign-off.controller';
import { WithdrawRequestController } from '../trainees/withdraw-request/withdraw-request.controller';
import { CommandService } from './command-service';
import { CommandInterceptor } from './command.interceptor';

/** Every command use case; one controller each. */
export const COMMAND_CONTROLLERS: Type<unknown>[] = [
  EnrolTraineeController,
  TransferTraineeController,
  DeclareRotationController,
  AccreditSupervisorController,
  RevokeSupervisorController,
  LogCaseController,
  AmendCaseController,
  RetractCaseController,
  SignOffCaseController,
  DisputeCaseController,
  RecordCaseOutcomeController,
  RecordAssessmentController,
  SignOffCompetencyController,
  RecordRotaParticipationController,
  RecogniseTrainingTimeController,
  PublishPathwayController,
  SubmitApplicationController,
  RecordDecisionController,
  CastVoteController,
  ResolveReviewController,
  IssueCredentialController,
  CredentialLifecycleController,
  EraseSubjectController,
  RequestAssessmentController,
  RequestCompetencySignOffController,
  WithdrawRequestController,
  ReflectionsController,
  SignOffQueueItemsController,
];

export const COMMAND_PROVIDERS: Provider[] = [
  CommandService,
  EvaluateApplication,
  FlagForReview,
  CommandInterceptor,
];
