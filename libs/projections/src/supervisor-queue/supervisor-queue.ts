import type { CaseDetails } from '@inr/domain';
import { caseFilterSql } from '../case-registry/case-filter';
import type { CaseRecord } from '../case-registry/case-fold';
import { CASE_REGISTRY } from '../case-registry/case-registry-projection';
import { parseDocs } from '../runner/document-projection';
import { table } from '../runner/projection';
import { activeTables } from '../runner/projection-versions';
import { projectedSize, type ReadModelContext } from '../read-model-context';
import type { RequestRecord } from './request-fold';
import { REQUESTS } from './requests-projection';

/**
 * A case waiting for sign-off, with what a supervisor needs to decide without opening it: who
 * did what under which supervision, and the procedure's details. Never the local reference
 * (the one field that leads back to a patient in the trust's own records).
 */
export interface CaseQueueItem {
  kind: 'case';
  caseId: string;
  traineeId: string;
  institutionId: string;
  procedure: CaseRecord['procedure'];
  performedOn: string;
  operatorRole: CaseRecord['operatorRole'];
  supervisionLevel: CaseRecord['supervisionLevel'];
  details: CaseDetails;
  notes?: string;
  /** 'awaiting' a first sign-off or 'withdrawn' (amended after sign-off, to sign again). */
  signOff: CaseRecord['signOff'];
  amendments: number;
  waitingSince: string;
}

/** A trainee's request addressed to this person: an assessment to record or a competency to sign. */
export interface RequestQueueItem {
  kind: 'assessment-request' | 'competency-request';
  requestId: string;
  traineeId: string;
  institutionId: string;
  assessmentType?: RequestRecord['assessmentType'];
  procedure?: RequestRecord['procedure'];
  caseId?: string;
  competencyId?: string;
  requestedOn: string;
  /** The trainee's note: only for the person the request names. */
  note?: string;
  waitingSince: string;
}

export type QueueItem = CaseQueueItem | RequestQueueItem;

export interface SupervisorQueue {
  supervisorId: string;
  ledgerSize: number;
  items: QueueItem[];
}

/**
 * What waits for a supervisor, oldest first: cases awaiting their sign-off and the requests
 * trainees addressed to them. Disputed cases are not here: they wait for the trainee's
 * amendment, which puts them back in the queue.
 */
export function supervisorQueue(
  ctx: ReadModelContext,
  supervisorId: string,
  limit = 500,
): SupervisorQueue {
  const items = [
    ...waitingCases(ctx, supervisorId, limit),
    ...openRequests(ctx, supervisorId, limit),
  ]
    .sort((a, b) =>
      a.waitingSince < b.waitingSince ? -1 : a.waitingSince > b.waitingSince ? 1 : 0,
    )
    .slice(0, limit);
  const ledgerSize = Math.min(
    projectedSize(ctx.db, CASE_REGISTRY),
    projectedSize(ctx.db, REQUESTS),
  );
  return { supervisorId, ledgerSize, items };
}

function waitingCases(ctx: ReadModelContext, supervisorId: string, limit: number): CaseQueueItem[] {
  const name = table(activeTables(ctx.db, CASE_REGISTRY), 'case_registry');
  const { where, params } = caseFilterSql({ supervisorId });
  const rows = ctx.db
    .prepare<unknown[], { doc: string }>(
      `SELECT doc FROM ${name} ${where} AND sign_off IN ('awaiting', 'withdrawn')
       ORDER BY awaiting_since, logged_position LIMIT ?`,
    )
    .all(...params, limit);
  return parseDocs<CaseRecord>(rows).map((c) => ({
    kind: 'case',
    caseId: c.caseId,
    traineeId: c.traineeId,
    institutionId: c.institutionId,
    procedure: c.procedure,
    performedOn: c.performedOn,
    operatorRole: c.operatorRole,
    supervisionLevel: c.supervisionLevel,
    details: c.details,
    ...(c.notes !== undefined && { notes: c.notes }),
    signOff: c.signOff,
    amendments: c.amendments,
    waitingSince: c.awaitingSince ?? c.loggedAt,
  }));
}

function openRequests(
  ctx: ReadModelContext,
  addresseeId: string,
  limit: number,
): RequestQueueItem[] {
  const name = table(activeTables(ctx.db, REQUESTS), 'trainee_requests');
  const rows = ctx.db
    .prepare<[string, number], { doc: string }>(
      `SELECT doc FROM ${name} WHERE addressee_id = ? AND status = 'open'
       ORDER BY requested_position LIMIT ?`,
    )
    .all(addresseeId, limit);
  return parseDocs<RequestRecord>(rows).map((r) => ({
    kind: r.kind === 'assessment' ? 'assessment-request' : 'competency-request',
    requestId: r.requestId,
    traineeId: r.traineeId,
    institutionId: r.institutionId,
    ...(r.assessmentType !== undefined && { assessmentType: r.assessmentType }),
    ...(r.procedure !== undefined && { procedure: r.procedure }),
    ...(r.caseId !== undefined && { caseId: r.caseId }),
    ...(r.competencyId !== undefined && { competencyId: r.competencyId }),
    requestedOn: r.requestedOn,
    ...(r.note !== undefined && { note: r.note }),
    waitingSince: r.requestedAt,
  }));
}
