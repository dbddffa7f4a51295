import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadModels, type WorkforceSummary } from '@inr/projections';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../auth/actor';
import { readScope } from '../auth/authorize';
import { WORKFORCE } from '../openapi/response-schemas';

@ApiTags('read models')
@ApiBearerAuth('bearer')
@Controller('v1/workforce')
export class WorkforceController {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  @Get()
  @Requires('workforce.read')
  @ApiOperation({
    summary:
      'Workforce: trainees by specialty and stage, credentials granted per year, credentialed operators per institution',
  })
  @ApiOkResponse({ description: 'Counts only; no personal data', schema: WORKFORCE })
  workforce(@CurrentActor() actor: AuthenticatedActor): WorkforceSummary {
    // National roles get national figures; institutional roles their institution's trainees.
    return readScope(actor, 'workforce.read') === 'all'
      ? this.readModels.workforce()
      : this.readModels.workforce(actor.institutionId);
  }
}
