import type { HeldCredential } from '@inr/domain';
import type { EventStore } from '@inr/event-store';
import { applicationView, type ApplicationView } from './applications/application-view';
import {
  pendingApplications,
  type ApplicationPage,
  type ApplicationQuery,
} from './applications/pending-applications';
import {
  decisionRecord,
  decisionsVouchedBy,
  reviewQueue,
  type DecisionRecord,
  type ReviewItem,
  type ReviewQueue,
  type VouchedDecision,
} from './applications/review-flags';
import { queryCases, type CasePage, type CaseQuery } from './case-registry/query-cases';
import { decisionProvenance, type DecisionProvenance } from './decisions/decision-provenance';
import { replayDecision, type DecisionReplay, type ReplayUnder } from './decisions/replay-decision';
import { traineeLogbook, type Logbook } from './logbook/logbook';
import { PROJECTIONS } from './projections';
import {
  knownInstitutions,
  publishedPathways,
  type PublishedVersion,
} from './registry/global-registry';
import { readModelContext, type ReadModelContext } from './read-model-context';
import { ProjectionRunner, type Lag, type RunnerOptions } from './runner/projection-runner';
import { openReadModelsDb } from './store/read-models-db';
import type { ReadModelDb } from './store/read-model-db';
import { PostgresReadModelDb } from './store/postgres-read-model-db';
import { SqliteReadModelDb } from './store/sqlite-read-model-db';
import { supervisorQueue, type SupervisorQueue } from './supervisor-queue/supervisor-queue';
import {
  traineeStatus,
  type TraineeStatus,
  type TraineeStatusQuery,
} from './trainee-status/trainee-status';
import { traineeCredentials } from './trainee-status/trainee-credentials';
import type { AuditReport } from './trust-audit/audit-report';
import { auditCsv } from './trust-audit/audit-csv';
import { queryAudit, queryNationalAudit, type AuditQuery } from './trust-audit/query-audit';
import {
  queryWorkforce,
  traineeInstitution,
  type WorkforceSummary,
} from './workforce/workforce-summary';

/**
 * The read side in one object: the runner keeping the read models up to date (in
 * `<dataDir>/read-models.sqlite`, or in PostgreSQL shared by replicas), and every query.
 */
export class ReadModels {
  readonly runner: ProjectionRunner;
  readonly context: ReadModelContext;

  private constructor(
    readonly store: EventStore,
    readonly db: ReadModelDb,
    options: RunnerOptions,
  ) {
    this.runner = new ProjectionRunner(store, db, PROJECTIONS, options);
    this.context = readModelContext(store, db);
  }

  /** Opens (creating if needed) the read models; call start() to follow the ledger. */
  static open(store: EventStore, dataDir: string, options: RunnerOptions = {}): ReadModels {
    return new ReadModels(store, new SqliteReadModelDb(openReadModelsDb(dataDir)), options);
  }

  /**
   * The read models in the shared PostgreSQL database (DATABASE_URL): every replica serves
   * queries from the same tables; one of them applies events (see RunnerCoordination).
   */
  static async openShared(
    store: EventStore,
    url: string,
    options: RunnerOptions = {},
  ): Promise<ReadModels> {
    const db = await PostgresReadModelDb.open(url);
    return new ReadModels(store, db, { ...options, coordination: db });
  }

  start(): void {
    this.runner.start();
  }

  /** Stops the runner (committing what it received) and closes the file; the store stays open. */
  async close(): Promise<void> {
    await this.runner.stop();
    this.db.close();
  }

  lag(): Promise<Lag> {
    return this.runner.lag();
  }

  cases(query: CaseQuery): Promise<CasePage> {
    return queryCases(this.context, query);
  }

  /** A trainee's logbook: their cases, for an export (CSV, PDF). */
  logbook(traineeId: string): Promise<Logbook> {
    return traineeLogbook(this.context, traineeId);
  }

  supervisorQueue(supervisorId: string): SupervisorQueue {
    return supervisorQueue(this.context, supervisorId);
  }

  audit(query: AuditQuery): Promise<AuditReport> {
    return queryAudit(this.context, query);
  }

  async auditCsv(query: AuditQuery): Promise<string> {
    return auditCsv(await queryAudit(this.context, query));
  }

  /** One CSV row per procedure (docs/audit-data-dictionary.md). */
  nationalAudit(query: AuditQuery): Promise<{ ledgerSize: number; csv: string }> {
    return queryNationalAudit(this.context, query);
  }

  /** National figures, or those of one institution's trainees. */
  workforce(institutionId?: string): WorkforceSummary {
    return queryWorkforce(this.context, institutionId);
  }

  publishedPathways(): Promise<PublishedVersion[]> {
    return publishedPathways(this.context);
  }

  knownInstitutions(): Promise<Set<string>> {
    return knownInstitutions(this.context);
  }

  traineeInstitution(traineeId: string): string | undefined {
    return traineeInstitution(this.context, traineeId);
  }

  /** The credentials a trainee holds (any status), for the case decider. */
  traineeCredentials(traineeId: string): Promise<HeldCredential[]> {
    return traineeCredentials(this.context, traineeId);
  }

  traineeStatus(query: TraineeStatusQuery): Promise<TraineeStatus | null> {
    return traineeStatus(this.context, query);
  }

  provenance(decisionId: string): Promise<DecisionProvenance | undefined> {
    return decisionProvenance(this.context, decisionId);
  }

  /** Applications awaiting a decision, oldest first. */
  pendingApplications(query: ApplicationQuery): ApplicationPage {
    return pendingApplications(this.context, query);
  }

  /** An application with its votes, decisions, flags and current evaluation. */
  application(applicationId: string, today: string): Promise<ApplicationView | undefined> {
    return applicationView(this.context, applicationId, today);
  }

  decision(decisionId: string): Promise<DecisionRecord | undefined> {
    return decisionRecord(this.context, decisionId);
  }

  /** Open review flags, oldest first, those `keep` lets through. */
  reviewQueue(keep?: (item: ReviewItem) => boolean): ReviewQueue {
    return reviewQueue(this.context, keep);
  }

  /** Granted decisions that counted evidence the supervisor vouched for (after a revocation). */
  decisionsVouchedBy(supervisorId: string): Promise<VouchedDecision[]> {
    return decisionsVouchedBy(this.context, supervisorId);
  }

  replay(decisionId: string, under: ReplayUnder = 'recorded'): Promise<DecisionReplay | undefined> {
    return replayDecision(this.context, decisionId, under);
  }
}
