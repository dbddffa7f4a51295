import { Inject, Injectable } from '@nestjs/common';
import { PRIVATE_EVENT_TYPES } from '@inr/domain';
import type { EventStore, RecordedEvent } from '@inr/event-store';
import { PolicyFacts } from '../auth/policy-facts';
import type { EventRecord } from '../privacy/personal-field-access';
import { EVENT_STORE } from '../platform/store/tokens';

/** Who an event concerns: the trainee and the institutions, or everyone (published pathways). */
export interface EventAudience {
  public: boolean;
  /** Personal writing (a reflection): for its author alone, whatever the reader's scope. */
  private?: boolean;
  traineeId?: string;
  institutionIds: string[];
  /**
   * The record the event is part of, with the facts its own read route checks (who may read its
   * personal fields); none for events no reader's view shows (a supervisor's accreditation).
   */
  record?: EventRecord;
}

const CACHE_LIMIT = 10_000;
const CURRENT_TTL_MS = 1_000;

/**
 * Works out an event's audience for the live feed's read scopes. Some events name their
 * institution; others (a sign-off, a suspension) only name a case or an application, so the
 * first event of that stream is looked up once and cached (first events never change).
 */
@Injectable()
export class EventScope {
  private readonly firstEvents = new Map<string, RecordedEvent | null>();
  private readonly current = new Map<string, { institutionIds: string[]; at: number }>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
  ) {}

  async audience(event: RecordedEvent): Promise<EventAudience> {
    if (event.streamId.startsWith('policy-')) return { public: true, institutionIds: [] };
    if (PRIVATE_EVENT_TYPES.has(event.type)) {
      const author = (event.data as Record<string, unknown>)['authorId'];
      return {
        public: false,
        private: true,
        ...(typeof author === 'string' && {
          traineeId: author,
          record: { action: 'reflection.read', resource: { ownerId: author } },
        }),
        institutionIds: [],
      };
    }
    const data = event.data as Record<string, unknown>;
    const institutions = new Set<string>();
    for (const key of ['institutionId', 'fromInstitutionId', 'toInstitutionId']) {
      const value = data[key];
      if (typeof value === 'string') institutions.add(value);
    }
    if (Array.isArray(data['institutionIds']))
      for (const i of data['institutionIds']) if (typeof i === 'string') institutions.add(i);

    let traineeId = typeof data['traineeId'] === 'string' ? data['traineeId'] : undefined;
    const origin = await this.first(event.streamId);
    const originData = (origin?.data ?? {}) as Record<string, unknown>;
    if (!traineeId && typeof originData['traineeId'] === 'string')
      traineeId = originData['traineeId'];
    if (event.streamId.startsWith('case-') && typeof originData['institutionId'] === 'string')
      institutions.add(originData['institutionId']);
    if (event.streamId.startsWith('supervisor-') && Array.isArray(originData['institutionIds'])) {
      for (const i of originData['institutionIds']) if (typeof i === 'string') institutions.add(i);
    }
    // A trainee's record is seen where the trainee trains now (after a transfer, the new trust).
    let record: EventRecord | undefined;
    if (traineeId && event.streamId.startsWith('case-')) {
      const supervisorId = originData['supervisorId'];
      record = {
        action: 'case.read',
        resource: {
          ownerId: traineeId,
          ...(typeof supervisorId === 'string' && { namedId: supervisorId }),
          institutionIds: [...institutions],
        },
      };
    } else if (traineeId) {
      const current = await this.currentInstitutions(traineeId);
      for (const id of current) institutions.add(id);
      const category = event.streamId.slice(0, event.streamId.indexOf('-'));
      if (category === 'trainee' || category === 'application')
        record = {
          action: category === 'trainee' ? 'trainee.read' : 'application.read',
          resource: { ownerId: traineeId, institutionIds: current },
        };
    }
    return {
      public: false,
      ...(traineeId ? { traineeId } : {}),
      institutionIds: [...institutions],
      ...(record && { record }),
    };
  }

  /** The trainee's current institutions, remembered for a second (a transfer shows within it). */
  private async currentInstitutions(traineeId: string): Promise<string[]> {
    const now = Date.now();
    const cached = this.current.get(traineeId);
    if (cached && now - cached.at < CURRENT_TTL_MS) return cached.institutionIds;
    const institutionIds = await this.facts.traineeInstitutions(traineeId);
    if (this.current.size >= CACHE_LIMIT) this.current.clear();
    this.current.set(traineeId, { institutionIds, at: now });
    return institutionIds;
  }

  private async first(streamId: string): Promise<RecordedEvent | null> {
    const cached = this.firstEvents.get(streamId);
    if (cached !== undefined) return cached;
    const [first] = await this.store.readStream(streamId, { maxCount: 1 });
    if (this.firstEvents.size >= CACHE_LIMIT) this.firstEvents.clear();
    // Only a found event is final; a stream not yet written may be written later.
    if (first) this.firstEvents.set(streamId, first);
    return first ?? null;
  }
}
