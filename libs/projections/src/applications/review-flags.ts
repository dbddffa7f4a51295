import type { Evaluation } from '@inr/policy';
import { findDecision } from '../decisions/find-decision';
import { signersOf } from '../decisions/later-changes';
import { actorOf, type RecordedActor } from '../events/ledger-event';
import { projectedSize, type ReadModelContext } from '../read-model-context';
import { traineeHistory } from '../trainee-status/trainee-status';
import { traineeInstitution } from '../workforce/workforce-summary';
import { openFlags, type ApplicationFlag, type ApplicationStatus } from './application-fold';
import { APPLICATIONS, applicationDoc, selectApplications } from './applications-projection';

/** A granted decision that counted evidence a supervisor vouched for, and what it was. */
export interface VouchedDecision {
  applicationId: string;
  decisionId: string;
  traineeId: string;
  eventIds: string[];
  requirementIds: string[];
}

const GRANTED: readonly ApplicationStatus[] = ['granted', 'active', 'suspended'];

/**
 * Every granted decision (credential not revoked) whose recorded evaluation counted, or was
 * supported by, an event the supervisor signed off, assessed or was named on: what a
 * revocation for cause puts in doubt.
 */
export async function decisionsVouchedBy(
  ctx: ReadModelContext,
  supervisorId: string,
): Promise<VouchedDecision[]> {
  const head = await ctx.store.count();
  const placeholders = GRANTED.map(() => '?').join(', ');
  const out: VouchedDecision[] = [];
  for (const doc of selectApplications(ctx, `status IN (${placeholders})`, GRANTED)) {
    const decisionId = doc.decisions.filter((d) => d.outcome === 'granted').at(-1)?.decisionId;
    const found = decisionId === undefined ? undefined : await findDecision(ctx, decisionId);
    if (!found) continue;
    const history = await traineeHistory(ctx, doc.traineeId, head);
    const vouched = new Set(
      history.filter((e) => signersOf(e).includes(supervisorId)).map((e) => e.id),
    );
    const eventIds = new Set<string>();
    const requirementIds: string[] = [];
    for (const r of (found.decision.evaluation as unknown as Evaluation).requirements ?? []) {
      const hits = [...r.countedEventIds, ...r.supportingEventIds].filter((id) => vouched.has(id));
      if (hits.length === 0) continue;
      requirementIds.push(r.id);
      for (const id of hits) eventIds.add(id);
    }
    if (eventIds.size > 0)
      out.push({
        applicationId: doc.applicationId,
        decisionId: found.decision.decisionId,
        traineeId: doc.traineeId,
        eventIds: [...eventIds].sort(),
        requirementIds,
      });
  }
  return out;
}

/** An open flag in the panel's review queue. */
export interface ReviewItem extends ApplicationFlag {
  applicationId: string;
  traineeId: string;
  institutionId: string | null;
  pathwayId: string;
  status: ApplicationStatus;
}

export interface ReviewQueue {
  ledgerSize: number;
  flags: ReviewItem[];
}

/** Open review flags, oldest first; `keep` narrows them to what the reader may see. */
export function reviewQueue(
  ctx: ReadModelContext,
  keep: (item: ReviewItem) => boolean = () => true,
): ReviewQueue {
  const flags = selectApplications(ctx, 'open_flags > 0', [])
    .flatMap((doc) =>
      openFlags(doc).map((flag): ReviewItem => ({
        ...flag,
        applicationId: doc.applicationId,
        traineeId: doc.traineeId,
        institutionId: traineeInstitution(ctx, doc.traineeId) ?? null,
        pathwayId: doc.pathwayId,
        status: doc.status,
      })),
    )
    .filter(keep)
    .sort((a, b) => a.position - b.position);
  return { ledgerSize: projectedSize(ctx.db, APPLICATIONS), flags };
}

/** What a flag puts in doubt in one requirement of the recorded evaluation. */
export interface FlaggedRequirement {
  requirementId: string;
  target: number;
  achieved: number;
  /** Counted events the flag names. */
  flagged: number;
  /** What the requirement would count without them, and whether that still meets the target. */
  achievedWithout: number;
  metWithout: boolean;
}

/** A review flag on a decision, with what it changes: nothing recorded, a doubt per requirement. */
export interface FlagOnDecision extends ApplicationFlag {
  requirements: FlaggedRequirement[];
}

export function flagsOnDecision(
  flags: readonly ApplicationFlag[],
  decisionId: string,
  evaluation: Evaluation,
): FlagOnDecision[] {
  return flags
    .filter((f) => f.decisionId === decisionId)
    .map((flag) => ({
      ...flag,
      requirements: (evaluation.requirements ?? [])
        .filter((r) => flag.requirementIds.includes(r.id))
        .map((r) => {
          const flagged = r.countedEventIds.filter((id) => flag.eventIds.includes(id)).length;
          const achievedWithout = Math.max(0, r.achieved - flagged);
          return {
            requirementId: r.id,
            target: r.target,
            achieved: r.achieved,
            flagged,
            achievedWithout,
            metWithout: achievedWithout >= r.target,
          };
        }),
    }));
}

/** A decision by id: the recorded event, where the application stands, and the flags on it. */
export interface DecisionRecord {
  decision: Record<string, unknown>;
  eventId: string;
  position: number;
  recordedAt: string;
  actor: RecordedActor | null;
  /** The application's status now (a granted decision's credential may be active, suspended, …). */
  applicationStatus: ApplicationStatus | null;
  reviewFlags: FlagOnDecision[];
}

export async function decisionRecord(
  ctx: ReadModelContext,
  decisionId: string,
): Promise<DecisionRecord | undefined> {
  const found = await findDecision(ctx, decisionId);
  if (!found) return undefined;
  const doc = applicationDoc(ctx, found.decision.applicationId);
  return {
    decision: found.event.data,
    eventId: found.event.id,
    position: found.event.position,
    recordedAt: found.event.recordedAt,
    actor: actorOf(found.event),
    applicationStatus: doc?.status ?? null,
    reviewFlags: flagsOnDecision(
      doc?.flags ?? [],
      decisionId,
      found.decision.evaluation as unknown as Evaluation,
    ),
  };
}
