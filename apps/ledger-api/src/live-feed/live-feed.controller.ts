import { Controller, Get, Headers, Inject, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { concatMap, filter, Subscription } from 'rxjs';
import type { EventStore, RecordedEvent } from '@inr/event-store';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../auth/actor';
import { readScope } from '../auth/authorize';
import { badRequest } from '../platform/problem/problem.exception';
import { Lifecycle } from '../platform/store/lifecycle';
import { EVENT_STORE } from '../platform/store/tokens';
import { ID_PATTERN } from '../shared/validators';
import { EventScope, type EventAudience } from './event-scope';

const HEARTBEAT_MS = 15_000;

@ApiTags('live feed')
@ApiBearerAuth('bearer')
@Controller('v1/events')
export class LiveFeedController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EventScope) private readonly scope: EventScope,
    @Inject(Lifecycle) private readonly lifecycle: Lifecycle,
  ) {}

  /**
   * Server-sent events in global order: catch-up from Last-Event-ID (a global position), then
   * live, with no gap and no duplicate. Each event's `id:` is its position, so a reconnecting
   * EventSource resumes exactly where it stopped. Only events in the caller's read scope are sent.
   */
  @Get('stream')
  @Requires('events.stream')
  @ApiOperation({ summary: 'Live feed of ledger events (text/event-stream)' })
  @ApiQuery({
    name: 'category',
    required: false,
    description: 'Stream categories, comma-separated (case, trainee, ...)',
  })
  @ApiQuery({
    name: 'institution',
    required: false,
    description: 'Only events concerning this institution',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'Resume after this global position',
  })
  @ApiOkResponse({
    description: 'An endless text/event-stream',
    content: { 'text/event-stream': {} },
  })
  stream(
    @CurrentActor() actor: AuthenticatedActor,
    @Query('category') category: string | undefined,
    @Query('institution') institution: string | undefined,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): void {
    const categories = parseCategories(category);
    if (
      institution !== undefined &&
      (typeof institution !== 'string' || !ID_PATTERN.test(institution))
    ) {
      throw badRequest('VALIDATION_FAILED', 'institution must be an institution id');
    }
    const fromPosition = parseLastEventId(lastEventId);
    const scope = readScope(actor);

    void reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': String(request.id),
    });
    raw.write(': connected\n\n');

    const visible = (audience: EventAudience): boolean => {
      if (institution && !audience.public && !audience.institutionIds.includes(institution))
        return false;
      if (scope === 'all' || audience.public) return true;
      if (scope === 'own') return audience.traineeId === actor.subject;
      if (scope === 'institution') return audience.institutionIds.includes(actor.institutionId);
      return false;
    };

    const subscription = new Subscription();
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const end = (): void => {
      clearInterval(heartbeat);
      subscription.unsubscribe();
      stopListening();
      if (!raw.writableEnded) raw.end();
    };
    const stopListening = this.lifecycle.onStop(end);
    request.raw.on('close', end);

    subscription.add(
      this.store
        .subscribeToAll({ fromPosition })
        .pipe(
          filter(
            (e) =>
              categories === undefined ||
              categories.has(e.streamId.slice(0, e.streamId.indexOf('-'))),
          ),
          concatMap(async (e) => ({ event: e, show: visible(await this.scope.audience(e)) })),
        )
        .subscribe({
          next: ({ event, show }) => {
            if (show && !raw.writableEnded) raw.write(formatEvent(event));
          },
          error: () => end(),
          complete: () => end(),
        }),
    );
  }
}

function formatEvent(event: RecordedEvent): string {
  const payload = JSON.stringify({
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    eventId: event.id,
    type: event.type,
    recordedAt: event.recordedAt,
    data: event.data,
  });
  return `id: ${event.position}\nevent: ${event.type}\ndata: ${payload}\n\n`;
}

function parseCategories(value: string | undefined): Set<string> | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^[a-z]+(,[a-z]+)*$/.test(value)) {
    throw badRequest(
      'VALIDATION_FAILED',
      'category must be stream categories, comma-separated (e.g. case,trainee)',
    );
  }
  return new Set(value.split(','));
}

function parseLastEventId(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  if (!/^\d{1,15}$/.test(value))
    throw badRequest('VALIDATION_FAILED', 'Last-Event-ID must be a global position');
  return Number(value) + 1;
}
