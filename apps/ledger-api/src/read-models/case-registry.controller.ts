import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadModels, type CasePage, type CaseQuery } from '@inr/projections';
import type { OperatorRole, Procedure, SupervisionLevel } from '@inr/domain';
import type { SignOffStatus } from '@inr/domain';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../auth/actor';
import { scopeCaseQuery } from './read-model-access';
import { CaseRegistryQueryDto } from './read-model-queries.dto';
import { readModelCall } from './to-read-problem';
import { CASE_PAGE } from '../openapi/response-schemas';

@ApiTags('read models')
@ApiBearerAuth('bearer')
@Controller('v1/registry')
export class CaseRegistryController {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  @Get('cases')
  @Requires('case.read')
  @ApiOperation({
    summary:
      'The case registry: filtered cases with amendments, retractions and sign-off state applied',
  })
  @ApiOkResponse({ description: 'A page of cases, ordered by performed date', schema: CASE_PAGE })
  async cases(
    @Query() dto: CaseRegistryQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<CasePage> {
    const query: CaseQuery = {
      traineeId: dto.traineeId,
      institutionId: dto.institutionId,
      supervisorId: dto.supervisorId,
      procedure: dto.procedure as Procedure | undefined,
      operatorRole: dto.operatorRole as OperatorRole | undefined,
      supervisionLevel:
        dto.supervisionLevel === undefined
          ? undefined
          : (Number(dto.supervisionLevel) as SupervisionLevel),
      signOff: dto.signOff as SignOffStatus | undefined,
      performedFrom: dto.performedFrom,
      performedTo: dto.performedTo,
      includeRetracted: dto.includeRetracted === 'true',
      asOf: dto.asOf,
      limit: dto.limit === undefined ? undefined : Number(dto.limit),
      offset: dto.offset === undefined ? undefined : Number(dto.offset),
    };
    return readModelCall(() => this.readModels.cases(scopeCaseQuery(actor, query)));
  }
}
