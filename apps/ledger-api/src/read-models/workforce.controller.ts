import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadModels, type WorkforceSummary } from '@inr/projections';
import { CurrentActor } from '../auth/auth.decorators';
import type { Actor } from '../auth/actor';
import { requireWorkforceReader } from './read-model-access';

@ApiTags('read models')
@ApiBearerAuth('bearer')
@Controller('v1/workforce')
export class WorkforceController {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  @Get()
  @ApiOperation({
    summary:
      'Workforce: trainees by specialty and stage, credentials granted per year, credentialed operators per institution',
  })
  @ApiOkResponse({ description: 'Counts only; no personal data' })
  workforce(@CurrentActor() actor: Actor): WorkforceSummary {
    requireWorkforceReader(actor);
    return this.readModels.workforce();
  }
}
