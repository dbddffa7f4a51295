import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ReadModels,
  type ApplicationPage,
  type ApplicationQuery,
  type ApplicationView,
} from '@inr/projections';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../auth/actor';
import { PolicyFacts } from '../auth/policy-facts';
import { APPLICATION, APPLICATION_PAGE } from '../openapi/response-schemas';
import { notFound } from '../platform/problem/problem.exception';
import { IdParam } from '../shared/id-param';
import { todayUtc } from '../shared/validators';
import { scopeApplicationQuery } from './read-model-access';
import { ApplicationsQueryDto } from './read-model-queries.dto';
import { readModelCall } from './to-read-problem';

@ApiTags('read models')
@ApiBearerAuth('bearer')
@Controller('v1/applications')
export class ApplicationsController {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
  ) {}

  /** "What is waiting for the panel?", oldest first. */
  @Get()
  @Requires('application.read')
  @ApiOperation({
    summary:
      'Credential applications awaiting a decision, oldest first: by pathway, institution, age',
  })
  @ApiOkResponse({ description: 'A page of pending applications', schema: APPLICATION_PAGE })
  list(
    @Query() dto: ApplicationsQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): ApplicationPage {
    const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
    const query: ApplicationQuery = {
      pathwayId: dto.pathwayId,
      institutionId: dto.institutionId,
      minAgeDays: number(dto.minAgeDays),
      maxAgeDays: number(dto.maxAgeDays),
      limit: number(dto.limit),
      offset: number(dto.offset),
      today: todayUtc(),
    };
    return this.readModels.pendingApplications(scopeApplicationQuery(actor, query));
  }

  /** The application with its votes, decisions, review flags and current evaluation. */
  @Get(':applicationId')
  @Requires('application.read')
  @ApiOperation({
    summary:
      'A credential application: votes, decisions, review flags, the panel rule and the evaluation as the ledger stands',
  })
  @ApiOkResponse({ description: 'The application', schema: APPLICATION })
  async get(
    @Param('applicationId', IdParam) applicationId: string,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<ApplicationView> {
    const view = await readModelCall(() => this.readModels.application(applicationId, todayUtc()));
    if (!view) throw notFound(`no credential application '${applicationId}'`);
    this.facts.require(actor, 'application.read', await this.facts.trainee(view.traineeId));
    return view;
  }
}
