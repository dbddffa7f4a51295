import type { OutgoingHttpHeaders } from 'node:http';
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
import type { Subscription } from 'rxjs';
import type { EventStore, JsonObject, RecordedEvent } from '@inr/event-store';
import { PersonalData } from '@inr/ledger';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../auth/actor';
import { readScope } from '../auth/authorize';
import type { LedgerConfig } from '../config/ledger-config';
import { badRequest, ProblemException } from '../platform/problem/problem.exception';
import { Lifecycle } from '../platform/store/lifecycle';
import { EVENT_STORE, LEDGER_CONFIG } from '../platform/store/tokens';
import { ID_PATTERN } from '../shared/validators';
import { mayReadPersonalFields } from '../privacy/personal-field-access';
import { EventScope, type EventAudience } from './event-scope';
import { FeedConnection } from './feed-connection';

/** How many of the newest events the feeds share in memory. */
const RECENT = 256;

@ApiTags('live feed')
@ApiBearerAuth('bearer')
@Controller('v1/events')
export class LiveFeedController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EventScope) private readonly scope: EventScope,
    @Inject(Lifecycle) private readonly lifecycle: Lifecycle,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(PersonalData) private readonly personal: PersonalData,
  ) {}

  /** Feeds open now: each holds a socket, so there is a cap (LEDGER_FEED_MAX_CLIENTS). */
  private open = 0;
  /** Feeds waiting for new events, and the one store subscription that wakes them. */
  private readonly waiting = new Set<() => void>();
  private growth: Subscription | undefined;
  private readonly recent = new Map<number, RecordedEvent>();

  /**
   * Server-sent events in global order: live from now, or catch-up from a start position (after
   * Last-Event-ID, or from `?from=`) then live, with no gap and no duplicate. Each event's `id:`
   * is its position, so a reconnecting EventSource resumes exactly where it stopped. Only events
   * in the caller's read scope are sent; their personal fields are opened only for a caller who
   * could read them through the record's own views, else shown as "[redacted]" (and "[erased]"
   * after an erasure), never as ciphertext. A client that does not read is sent nothing more until
   * it does; past LEDGER_FEED_MAX_CLIENTS open feeds the answer is 503.
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
  @ApiQuery({
    name: 'from',
    required: false,
    description: 'Start at this global position (0: the whole ledger); default: live only',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'Resume after this global position (takes precedence over from)',
  })
  @ApiOkResponse({
    description: 'An endless text/event-stream',
    content: {
      'text/event-stream': {
        schema: {
          type: 'string',
          description: 'SSE frames: `id: <position>`, `event: <type>`, `data: <event JSON>`',
        },
      },
    },
  })
  async stream(
    @CurrentActor() actor: AuthenticatedActor,
    @Query('category') category: string | undefined,
    @Query('institution') institution: string | undefined,
    @Query('from') from: string | undefined,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const categories = parseCategories(category);
    if (
      institution !== undefined &&
      (typeof institution !== 'string' || !ID_PATTERN.test(institution))
    ) {
      throw badRequest('VALIDATION_FAILED', 'institution must be an institution id');
    }
    const start = parseStart(lastEventId, from);
    const scope = readScope(actor);
    const { maxClients, maxBufferedBytes } = this.config.liveFeed;
    if (this.open >= maxClients) {
      throw new ProblemException(
        503,
        'TOO_MANY_FEEDS',
        `${maxClients} live feeds are open, the most this service serves; retry later`,
        undefined,
        5,
      );
    }
    // The place is taken before any await: feeds that connect at once would otherwise all pass
    // the check above while each waits on the store, and open past the cap.
    this.open++;
    let head: number;
    try {
      head = await this.store.count();
    } catch (error) {
      this.open--;
      throw error;
    }
    // Without a start position the feed is live only: replaying the whole ledger to every
    // client that connects is a cost nobody asked for.
    const fromPosition = start ?? head;

    void reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      // The headers hooks set on the reply (security headers, rate limits) go out too.
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': String(request.id),
    });
    raw.write(': connected\n\n');

    const visible = (audience: EventAudience): boolean => {
      // A reflection reaches its author's feed only (readers it is shared with use its route).
      if (audience.private) return audience.traineeId === actor.subject;
      if (institution && !audience.public && !audience.institutionIds.includes(institution))
        return false;
      if (scope === 'all' || audience.public) return true;
      if (scope === 'own') return audience.traineeId === actor.subject;
      if (scope === 'institution') return audience.institutionIds.includes(actor.institutionId);
      return false;
    };

    const connection = new FeedConnection({
      raw,
      fromPosition,
      maxBufferedBytes,
      read: (position, maxCount) => this.read(position, maxCount),
      present: async (e) => {
        if (
          categories !== undefined &&
          !categories.has(e.streamId.slice(0, e.streamId.indexOf('-')))
        )
          return undefined;
        const audience = await this.scope.audience(e);
        if (!visible(audience)) return undefined;
        const data = e.data as JsonObject;
        const shown = mayReadPersonalFields(actor, { type: e.type, data }, audience.record)
          ? this.personal.reveal(data)
          : (this.personal.redact(e.type, data) as JsonObject);
        return shown === e.data ? e : { ...e, data: shown };
      },
      onGrowth: (wake) => this.wakeOnGrowth(wake, head),
      onEnd: () => {
        this.open--;
        stopListening();
      },
    });
    const stopListening = this.lifecycle.onStop(() => connection.end());
    request.raw.on('close', () => connection.end());
    // A client gone while the store was read closed before that listener: free its place now.
    if (request.raw.socket.destroyed) connection.end();
  }

  /**
   * One store subscription for all feeds, only while some feed waits: it tells them the store
   * grew, and each reads the new events at its own pace.
   */
  /** New events, shared: feeds that keep up read them here rather than each from the store. */
  private read(fromPosition: number, maxCount: number): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    for (let p = fromPosition; out.length < maxCount; p++) {
      const event = this.recent.get(p);
      if (event === undefined) break;
      out.push(event);
    }
    return out.length > 0 ? Promise.resolve(out) : this.store.readAll({ fromPosition, maxCount });
  }

  private wakeOnGrowth(wake: () => void, head: number): () => void {
    this.waiting.add(wake);
    this.growth ??= this.store.subscribeToAll({ fromPosition: head }).subscribe({
      next: (event) => {
        this.recent.set(event.position, event);
        // The oldest first (insertion order): bounded however the subscription restarts.
        if (this.recent.size > RECENT)
          this.recent.delete(this.recent.keys().next().value as number);
        for (const w of this.waiting) w();
      },
      error: () => (this.growth = undefined),
    });
    return () => {
      this.waiting.delete(wake);
      if (this.waiting.size === 0) {
        this.growth?.unsubscribe();
        this.growth = undefined;
      }
    };
  }
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

/** Where the client asked to start: after Last-Event-ID, else at `from`; undefined: live only. */
function parseStart(lastEventId: string | undefined, from: string | undefined): number | undefined {
  const position = (value: string, name: string): number => {
    if (!/^\d{1,15}$/.test(value))
      throw badRequest('VALIDATION_FAILED', `${name} must be a global position`);
    return Number(value);
  };
  if (lastEventId !== undefined && lastEventId !== '')
    return position(lastEventId, 'Last-Event-ID') + 1;
  if (from !== undefined && from !== '') return position(String(from), 'from');
  return undefined;
}
