import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadModels, type SupervisorQueue } from '@inr/projections';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/actor';
import { POLICY } from '../auth/authorize';
import { forbidden } from '../platform/problem/problem.exception';
import { IdParam } from '../shared/id-param';

@ApiTags('read models')
@ApiBearerAuth('bearer')
@Controller('v1/supervisors')
export class SupervisorQueueController {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  /** "What is waiting for my sign-off?", oldest first. */
  @Get(':supervisorId/queue')
  @Requires('supervisor.pending.read')
  @ApiOperation({
    summary:
      "A supervisor's queue: cases awaiting (or awaiting again) their sign-off, oldest first",
  })
  @ApiOkResponse({ description: 'Queue items, oldest first' })
  queue(
    @Param('supervisorId', IdParam) supervisorId: string,
    @CurrentActor() actor: Actor,
  ): SupervisorQueue {
    const rule = POLICY['supervisor.pending.read'][actor.role];
    if (rule === 'named' && supervisorId !== actor.subject)
      throw forbidden('only the supervisor may read their queue');
    const queue = this.readModels.supervisorQueue(supervisorId);
    // Institution-scoped readers see the part of the queue at their institution.
    if (rule === 'institution')
      return {
        ...queue,
        items: queue.items.filter((item) => item.institutionId === actor.institutionId),
      };
    return queue;
  }
}
