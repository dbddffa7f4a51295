import { randomUUID } from 'node:crypto';
import {
  CURRENT_SCHEMA_VERSION,
  decideCommand,
  factsFor,
  factStreams,
  foldFacts,
  isDomainError,
  streamOf,
  upcastEvent,
  type Actor,
  type EraseSubject,
} from '@inr/domain';
import type { EventStore, JsonObject } from '@inr/event-store';
import type { PersonalDataKeyStore } from './key-store';

export type ErasureOutcome = { erased: true; position: number } | { erased: false; code: string };

/**
 * EraseSubject outside the API (the retention command): decided by the same decider, then the
 * key destroyed, in that order, as the API does. The actor is named in the event's metadata.
 */
export async function recordErasure(
  store: EventStore,
  keys: PersonalDataKeyStore,
  command: EraseSubject,
  actor: Actor,
  today: string,
): Promise<ErasureOutcome> {
  const streamId = streamOf(command);
  const recorded = await store.readStream(streamId);
  const stream = recorded.map(upcastEvent);
  const fact = factStreams(factsFor(command, stream));
  const read = async (name: string | undefined) =>
    name === undefined ? undefined : (await store.readStream(name)).map(upcastEvent);
  const [trainee, supervisor] = await Promise.all([read(fact.trainee), read(fact.supervisor)]);
  const context = {
    today,
    actor,
    ...foldFacts({ ...(trainee && { trainee }), ...(supervisor && { supervisor }) }),
  };
  const outcome = decideCommand(command, stream, context);
  if (isDomainError(outcome)) return { erased: false, code: outcome.code };
  const appended = await store.append(
    streamId,
    outcome.map((event) => ({
      id: randomUUID(),
      type: event.type,
      data: event.data as unknown as JsonObject,
      metadata: {
        schemaVersion: CURRENT_SCHEMA_VERSION[event.type],
        actor: {
          subject: actor.subject,
          role: actor.role,
          institutionId: actor.institutionId ?? null,
        },
      },
    })),
    { expectedRevision: recorded.length === 0 ? 'no_stream' : recorded.length - 1 },
  );
  keys.erase(command.subjectId, today);
  return { erased: true, position: appended.lastPosition };
}
