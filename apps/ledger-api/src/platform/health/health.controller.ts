import { Controller, Get, HttpCode, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@inr/event-store';
import { Requires } from '../../auth/auth.decorators';
import { ProblemException } from '../problem/problem.exception';
import { LedgerRuntime } from '../../ledger-http/ledger-runtime';
import type { LogHealth } from '../../ledger-http/log-health';
import { Lifecycle } from '../store/lifecycle';
import { EVENT_STORE } from '../store/tokens';
import { Readiness } from './readiness';
import { HEALTH, READY } from '../../openapi/response-schemas';

@ApiTags('operations')
@Requires('health.read')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Lifecycle) private readonly lifecycle: Lifecycle,
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(LedgerRuntime) private readonly ledger: LedgerRuntime,
  ) {}

  /** Liveness: the process serves requests and its store is open (the app starts only once it is). */
  @Get('health')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The service is up', schema: HEALTH })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: the store answers, nothing reported a reason not to be ready, the signed log
   * keeps up (not failing, not lagging), and the service is not shutting down.
   */
  @Get('ready')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Ready to take traffic', schema: READY })
  @ApiServiceUnavailableResponse({
    description:
      'Shutting down, the store does not answer, a component said why not (e.g. the log may ' +
      'not sign: LOG_BEHIND_PUBLISHED_CHECKPOINT; a request failed on storage moments ago: ' +
      'STORAGE_FAILING), or the signed log is failing (LOG_FAILING) or lagging (LOG_LAGGING); ' +
      'the detail says why',
  })
  async ready(): Promise<{ status: 'ready'; events: number; log: LogHealth }> {
    if (this.lifecycle.shuttingDown)
      throw new ProblemException(503, 'SHUTTING_DOWN', 'the service is shutting down');
    const [first, ...more] = this.readiness.current();
    if (first !== undefined) {
      const also = more.map((r) => `; also ${r.code}: ${r.detail}`).join('');
      throw new ProblemException(503, first.code, `${first.detail}${also}`);
    }
    let events: number;
    let log: LogHealth;
    try {
      events = await this.store.count();
      log = await this.ledger.health();
    } catch {
      throw new ProblemException(503, 'STORE_UNAVAILABLE', 'the event store does not answer');
    }
    if (log.status === 'failing') throw new ProblemException(503, 'LOG_FAILING', log.reason ?? '');
    if (log.status === 'lagging') throw new ProblemException(503, 'LOG_LAGGING', log.reason ?? '');
    return { status: 'ready', events, log };
  }
}
