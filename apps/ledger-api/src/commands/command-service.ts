import { Inject, Injectable } from '@nestjs/common';
import {
  CURRENT_SCHEMA_VERSION,
  FORBIDDEN_CODES,
  factStreams,
  foldFacts,
  isDomainError,
  registrationOf,
  streamOf,
  upcastEvent,
  type Command,
  type DecisionContext,
  streamName,
  type FactIds,
  type PathwayFacts,
} from '@inr/domain';
import { resolvePathwayFacts } from '@inr/policy';
import type {
  EventData,
  EventStore,
  ExpectedRevision,
  JsonObject,
  RecordedEvent,
} from '@inr/event-store';
import { ReadModels } from '@inr/projections';
import { PersonalData } from '@inr/ledger';
import { refuseEnvelopes, sealEvents } from './seal-events';
import { authorize } from '../auth/authorize';
import { commandResource } from '../auth/command-resources';
import { LedgerMetrics } from '../platform/metrics/ledger-metrics';
import { forbidden, ProblemException, unprocessable } from '../platform/problem/problem.exception';
import { Lifecycle } from '../platform/store/lifecycle';
import { EVENT_STORE } from '../platform/store/tokens';
import type { CommandRequest } from './command-request';
import type { CommandResult } from './command-result';
import { commandIdFor, eventIdFor } from './event-ids';
import { parseIfMatch } from './if-match';

/** A decided command, not yet written. */
export interface PreparedWrite {
  streamId: string;
  events: EventData[];
  expected: ExpectedRevision;
  createdId?: string;
}

/**
 * The one command handler: load the stream, fold it, load the facts the decider needs, check
 * the policy on the record (facts from `commandResource`, beside the policy), decide, append at the revision read (or the If-Match revision).
 */
@Injectable()
export class CommandService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LedgerMetrics) private readonly metrics: LedgerMetrics,
    @Inject(Lifecycle) private readonly lifecycle: Lifecycle,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PersonalData) private readonly personal: PersonalData,
  ) {}

  async execute(
    command: Command,
    request: CommandRequest,
    createdId?: string,
  ): Promise<CommandResult> {
    const prepared = await this.prepare(command, request, createdId);
    return 'result' in prepared ? prepared.result : this.commit(prepared);
  }

  /**
   * Everything short of writing: the stream read, the policy and the decision, as a write
   * ready to commit; or the answer already stored when this request was written before.
   * Throws the problem a refused command gets. A bulk request prepares every item first.
   */
  async prepare(
    command: Command,
    request: CommandRequest,
    createdId?: string,
  ): Promise<PreparedWrite | { result: CommandResult }> {
    if (this.lifecycle.shuttingDown)
      throw new ProblemException(503, 'SHUTTING_DOWN', 'the service is shutting down');
    const reg = registrationOf(command);
    const streamId = streamOf(command);
    const { actor, idempotencyKey } = request;
    const recorded = await this.store.readStream(streamId);

    // A retry whose first attempt was written but never answered: answer from what is stored.
    const firstId = eventIdFor(actor.subject, idempotencyKey, 0);
    if (recorded.some((e) => e.id === firstId))
      return { result: this.alreadyWritten(recorded, request, streamId, createdId) };
    refuseEnvelopes(command);

    // Deciders see personal fields opened (an erased one as "[erased]"); nothing they decide
    // on is personal (PERSONAL_DATA), so an erasure changes no decision.
    const state = recorded
      .map((e) => this.personal.reveal(upcastEvent(e)))
      .reduce((s, e) => reg.decider.evolve(s, e), reg.decider.initialState());
    const facts = reg.facts(command, state);
    // The policy and the decider run on the context; both are pure, so a run that read the
    // credentials before they were loaded is simply run again with them.
    const current = recorded.length - 1;
    const decideIn = (context: DecisionContext) => {
      const decision = authorize(actor, command.type, commandResource(command, state, context));
      if (!decision.allowed) throw forbidden(decision.reason);
      const expected = this.expectedRevision(request.ifMatch, current, streamId);
      return { expected, outcome: reg.decider.decide(command, state, context) };
    };
    const { expected, outcome } = await this.decideLoadingCredentials(
      decideIn,
      await this.contextFor(facts, request),
      facts.credentials,
    );
    if (isDomainError(outcome)) {
      const status = (FORBIDDEN_CODES as readonly string[]).includes(outcome.code) ? 403 : 422;
      throw status === 403
        ? new ProblemException(403, outcome.code, outcome.message)
        : unprocessable(outcome.code, outcome.message);
    }
    if (outcome.length === 0)
      throw unprocessable('NOTHING_TO_RECORD', 'the command changes nothing');

    const commandId = commandIdFor(actor.subject, idempotencyKey);
    // Personal fields are sealed before the events exist, so the leaves commit to ciphertext.
    const sealed = sealEvents(this.personal, outcome, recorded);
    const events: EventData[] = outcome.map((event, index) => ({
      id: index === 0 ? firstId : eventIdFor(actor.subject, idempotencyKey, index),
      type: event.type,
      data: sealed[index] as JsonObject,
      metadata: {
        schemaVersion: CURRENT_SCHEMA_VERSION[event.type],
        actor: { subject: actor.subject, role: actor.role, institutionId: actor.institutionId },
        correlationId: request.requestId,
        causationId: commandId,
        idempotencyKey,
      },
    }));
    return { streamId, events, expected, ...(createdId ? { createdId } : {}) };
  }

  /** Appends a prepared write at the revision it was decided on. */
  async commit(write: PreparedWrite): Promise<CommandResult> {
    const { streamId, events, expected, createdId } = write;
    const result = await this.lifecycle.track(
      this.store.append(streamId, events, { expectedRevision: expected }),
    );
    for (const event of events) this.metrics.appends.inc({ type: event.type });
    this.destroyErasedKeys(events);
    return {
      eventIds: events.map((e) => e.id),
      streamId,
      revision: result.nextExpectedRevision,
      position: result.lastPosition,
      ...(createdId ? { id: createdId } : {}),
    };
  }

  private expectedRevision(
    ifMatch: string | undefined,
    current: number,
    streamId: string,
  ): ExpectedRevision {
    if (ifMatch === undefined) return current < 0 ? 'no_stream' : current;
    const wanted = parseIfMatch(ifMatch);
    if (wanted === 'any') return current < 0 ? 'no_stream' : current;
    if (wanted !== current) {
      throw new ProblemException(
        412,
        'PRECONDITION_FAILED',
        `${streamId} is at revision ${current}, not ${ifMatch}`,
      );
    }
    return wanted;
  }

  private alreadyWritten(
    recorded: RecordedEvent[],
    request: CommandRequest,
    streamId: string,
    createdId?: string,
  ): CommandResult {
    const ids = new Set(
      recorded.map((_, i) => eventIdFor(request.actor.subject, request.idempotencyKey, i)),
    );
    const mine = recorded.filter((e) => ids.has(e.id));
    // The first attempt may have stopped between recording an erasure and destroying the key.
    this.destroyErasedKeys(mine);
    const last = mine[mine.length - 1] as RecordedEvent;
    return {
      eventIds: mine.map((e) => e.id),
      streamId,
      revision: last.revision,
      position: last.position,
      ...(createdId ? { id: createdId } : {}),
    };
  }

  private destroyErasedKeys(events: readonly { type: string; data: unknown }[]): void {
    for (const event of events)
      if (event.type === 'SubjectDataErased') {
        const { subjectId, erasedOn } = event.data as { subjectId: string; erasedOn: string };
        this.personal.keys.erase(subjectId, erasedOn);
      }
  }

  /** Each pathway as published in the ledger, else as shipped; ids known to neither are left out. */
  private async pathwayFacts(ids: readonly string[]): Promise<PathwayFacts[]> {
    const resolved = await Promise.all(
      [...new Set(ids)].map(async (id) => {
        const published = (await this.store.readStream(streamName('policy', id)))
          .map(upcastEvent)
          .flatMap((e) => (e.type === 'PolicyPublished' ? [e.data] : []));
        return resolvePathwayFacts(id, published);
      }),
    );
    return resolved.filter((p): p is PathwayFacts => p !== undefined);
  }

  /**
   * Decides without the trainee's credentials unless the decision reads them: only a
   * self-attested case does, and reading them (through the event index, every case of the
   * trainee's history) cost more than the rest of a supervised case's facts. The first run
   * sees a context whose `credentials` records the read; a run that read it is discarded
   * and the decision is made again with them loaded, so every decision sees what it read.
   */
  private async decideLoadingCredentials<T>(
    decideIn: (context: DecisionContext) => T,
    context: DecisionContext,
    traineeId: string | undefined,
  ): Promise<T> {
    if (traineeId === undefined) return decideIn(context);
    let read = false;
    const probe = Object.defineProperty({ ...context }, 'credentials', {
      enumerable: true,
      get: () => {
        read = true;
        return undefined;
      },
    });
    try {
      const outcome = decideIn(probe);
      if (!read) return outcome;
    } catch (error) {
      if (!read) throw error;
    }
    const credentials = await this.readModels.traineeCredentials(traineeId);
    return decideIn({ ...context, credentials });
  }

  private async contextFor(facts: FactIds, request: CommandRequest): Promise<DecisionContext> {
    const streams = factStreams(facts);
    const read = async (stream: string | undefined) =>
      stream === undefined
        ? undefined
        : (await this.store.readStream(stream)).map((e) => this.personal.reveal(upcastEvent(e)));
    // The credentials are loaded only if the decision reads them (decideLoadingCredentials).
    const [trainee, supervisor, pathway, pathways, institutions] = await Promise.all([
      read(streams.trainee),
      read(streams.supervisor),
      read(streams.pathway),
      facts.pathways ? this.pathwayFacts(facts.pathways) : undefined,
      facts.institutions ? this.readModels.knownInstitutions() : undefined,
    ]);
    return {
      today: new Date().toISOString().slice(0, 10),
      actor: request.actor,
      ...foldFacts({
        ...(trainee && { trainee }),
        ...(supervisor && { supervisor }),
        ...(pathway && { pathway }),
      }),
      ...(pathways && { pathways }),
      ...(institutions && { knownInstitutions: [...institutions] }),
    };
  }
}
