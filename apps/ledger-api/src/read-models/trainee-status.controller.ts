import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadModels, type TraineeStatus } from '@inr/projections';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../auth/actor';
import { notFound } from '../platform/problem/problem.exception';
import { IdParam } from '../shared/id-param';
import { PolicyFacts } from '../auth/policy-facts';
import { TraineeStatusQueryDto } from './read-model-queries.dto';
import { readModelCall } from './to-read-problem';
import { TRAINEE_STATUS } from '../openapi/response-schemas';

@ApiTags('read models')
@ApiBearerAuth('bearer')
@Controller('v1/trainees')
export class TraineeStatusController {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
  ) {}

  /** "Where am I against my pathway?" — per requirement: target, achieved, met, counted event ids. */
  @Get(':traineeId/status')
  @Requires('trainee.read')
  @ApiOperation({
    summary:
      "A trainee's evaluation against each pathway they are on, optionally as of a past ledger state",
  })
  @ApiOkResponse({ description: 'One evaluation per pathway', schema: TRAINEE_STATUS })
  async status(
    @Param('traineeId', IdParam) traineeId: string,
    @Query() query: TraineeStatusQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<TraineeStatus> {
    this.facts.require(actor, 'trainee.read', await this.facts.trainee(traineeId));
    const status = await readModelCall(() =>
      this.readModels.traineeStatus({
        traineeId,
        asOf: query.asOf,
        performedBy: query.performedBy,
      }),
    );
    if (!status)
      throw notFound(
        `no trainee '${traineeId}' in the ledger${query.asOf ? ' at that point' : ''}`,
      );
    return status;
  }
}
