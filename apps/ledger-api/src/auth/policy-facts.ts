import { Inject, Injectable } from '@nestjs/common';
import {
  evolveCase,
  evolveTrainee,
  initialCaseState,
  initialTraineeState,
  institutionsOn,
  streamName,
  upcastEvent,
  type CaseState,
  type TraineeState,
} from '@inr/domain';
import type { EventStore } from '@inr/event-store';
import { findDecision, ReadModels } from '@inr/projections';
import { forbidden, notFound } from '../platform/problem/problem.exception';
import { EVENT_STORE } from '../platform/store/tokens';
import type { AuthenticatedActor } from './actor';
import { authorize, type Action, type Resource } from './authorize';

/**
 * The one resolver of the facts the read rules need: which institutions a record belongs to and
 * whose record it is. It reads the one stream of the record (by id, never a pass over the
 * ledger) or a read model, so every controller asks the same question the same way. Commands
 * get theirs from the states the command handler folded (`commandResource`).
 */
@Injectable()
export class PolicyFacts {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  /** Throws 403 unless the policy lets the actor do `action` on `resource`. */
  require(actor: AuthenticatedActor, action: Action, resource: Resource): void {
    const decision = authorize(actor, action, resource);
    if (!decision.allowed) throw forbidden(decision.reason);
  }

  /** Whether the policy lets the actor do `action` on `resource` (for filtering lists). */
  allows(actor: AuthenticatedActor, action: Action, resource: Resource): boolean {
    return authorize(actor, action, resource).allowed;
  }

  async traineeState(traineeId: string): Promise<TraineeState> {
    const events = await this.store.readStream(streamName('trainee', traineeId));
    return events.map(upcastEvent).reduce(evolveTrainee, initialTraineeState());
  }

  async caseState(caseId: string): Promise<CaseState> {
    const events = await this.store.readStream(streamName('case', caseId));
    return events.map(upcastEvent).reduce(evolveCase, initialCaseState());
  }

  /** Institutions the trainee belongs to now (empty when not enrolled). */
  async traineeInstitutions(traineeId: string): Promise<string[]> {
    return institutionsOn(
      await this.traineeState(traineeId),
      new Date().toISOString().slice(0, 10),
    );
  }

  /** A trainee's record: theirs, at their current institutions. */
  async trainee(traineeId: string): Promise<Resource> {
    return { ownerId: traineeId, institutionIds: await this.traineeInstitutions(traineeId) };
  }

  /** The trainee a credential decision is about, as a trainee record; 404 when unknown. */
  async decision(decisionId: string): Promise<Resource> {
    const found = await findDecision(this.readModels.context, decisionId);
    if (!found) throw notFound(`no decision '${decisionId}'`);
    return this.trainee(found.decision.traineeId);
  }

  /** A case as a record: the trainee's, at the case's institution, naming its supervisor. */
  caseResource(record: {
    traineeId: string;
    supervisorId?: string;
    institutionId: string;
  }): Resource {
    return {
      ownerId: record.traineeId,
      namedId: record.supervisorId,
      institutionIds: [record.institutionId],
    };
  }
}
