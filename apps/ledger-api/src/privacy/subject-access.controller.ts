import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { upcastEvent } from '@inr/domain';
import type { EventStore } from '@inr/event-store';
import { eventsAboutSubject, PersonalData } from '@inr/ledger';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../auth/actor';
import { PolicyFacts } from '../auth/policy-facts';
import { EVENT_STORE } from '../platform/store/tokens';
import { IdParam } from '../shared/id-param';
import { SUBJECT_ACCESS } from '../openapi/response-schemas';

export const SUBJECT_ACCESS_FORMAT = 'inr-ledger-subject-access/v1';

@ApiTags('privacy')
@ApiBearerAuth('bearer')
@Controller('v1/trainees')
export class SubjectAccessController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
    @Inject(PersonalData) private readonly personal: PersonalData,
  ) {}

  /** UK GDPR Art. 15: every event that names the person, its personal fields opened. */
  @Get(':traineeId/subject-access')
  @Requires('subject.access')
  @ApiOperation({ summary: 'Everything the ledger holds about a person (subject access)' })
  @ApiOkResponse({
    description: 'Every event naming the person, decrypted',
    schema: SUBJECT_ACCESS,
  })
  async get(
    @Param('traineeId', IdParam) subjectId: string,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<Record<string, unknown>> {
    this.facts.require(actor, 'subject.access', { ownerId: subjectId });
    const events = await eventsAboutSubject(this.store, subjectId);
    const erasure = events.find((e) => e.type === 'SubjectDataErased');
    const key = this.personal.keys.lookup(subjectId);
    return {
      format: SUBJECT_ACCESS_FORMAT,
      subjectId,
      generatedAt: new Date().toISOString(),
      ledgerSize: await this.store.count(),
      personalData:
        key.status === 'key' ? 'held' : key.status === 'erased' ? 'erased' : 'none-or-unavailable',
      erasure: erasure
        ? { ...(erasure.data as Record<string, unknown>), recordedAt: erasure.recordedAt }
        : null,
      events: events.map((event) => ({
        eventId: event.id,
        type: event.type,
        streamId: event.streamId,
        position: event.position,
        recordedAt: event.recordedAt,
        data: upcastEvent(event).data,
        actor: (event.metadata as { actor?: unknown }).actor ?? null,
      })),
    };
  }
}
