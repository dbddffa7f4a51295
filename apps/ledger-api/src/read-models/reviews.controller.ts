import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadModels, type ReviewQueue } from '@inr/projections';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../auth/actor';
import { PolicyFacts } from '../auth/policy-facts';
import { REVIEW_QUEUE } from '../openapi/response-schemas';

@ApiTags('read models')
@ApiBearerAuth('bearer')
@Controller('v1/reviews')
export class ReviewsController {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
  ) {}

  /** The panel's review queue: granted decisions flagged after a signer was revoked for cause. */
  @Get()
  @Requires('application.read')
  @ApiOperation({
    summary:
      'Open review flags, oldest first: granted decisions that counted a signer later revoked for cause',
  })
  @ApiOkResponse({ description: 'Open flags the reader may see', schema: REVIEW_QUEUE })
  queue(@CurrentActor() actor: AuthenticatedActor): ReviewQueue {
    return this.readModels.reviewQueue((item) =>
      this.facts.allows(actor, 'application.read', {
        ownerId: item.traineeId,
        institutionIds: item.institutionId === null ? [] : [item.institutionId],
      }),
    );
  }
}
