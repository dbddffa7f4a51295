import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadModels, type SupervisorQueue } from '@inr/projections';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../auth/actor';
import { POLICY } from '../auth/authorize';
import { PolicyFacts } from '../auth/policy-facts';
import { IdParam } from '../shared/id-param';
import { SUPERVISOR_QUEUE } from '../openapi/response-schemas';

@ApiTags('read models')
@ApiBearerAuth('bearer')
@Controller('v1/supervisors')
export class SupervisorQueueController {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
  ) {}

  /** "What is waiting for my sign-off?", oldest first. */
  @Get(':supervisorId/queue')
  @Requires('supervisor.pending.read')
  @ApiOperation({
    summary:
      "A supervisor's queue, oldest first: cases awaiting (or awaiting again) their sign-off, and the assessment and competency sign-off requests trainees addressed to them",
  })
  @ApiOkResponse({ description: 'Queue items, oldest first', schema: SUPERVISOR_QUEUE })
  queue(
    @Param('supervisorId', IdParam) supervisorId: string,
    @CurrentActor() actor: AuthenticatedActor,
  ): SupervisorQueue {
    if (POLICY['supervisor.pending.read'][actor.role] === 'named')
      this.facts.require(actor, 'supervisor.pending.read', { namedId: supervisorId });
    const queue = this.readModels.supervisorQueue(supervisorId);
    // A reader sees the items the policy lets them read (an institutional reader, those at
    // their institution); a trainee's note to the supervisor is for the supervisor alone.
    const items = queue.items
      .filter((item) =>
        this.facts.allows(actor, 'supervisor.pending.read', {
          ownerId: item.traineeId,
          namedId: supervisorId,
          institutionIds: [item.institutionId],
        }),
      )
      .map((item) => {
        if (item.kind === 'case' || actor.subject === supervisorId) return item;
        const { note: _note, ...rest } = item;
        return rest;
      });
    return { ...queue, items };
  }
}
