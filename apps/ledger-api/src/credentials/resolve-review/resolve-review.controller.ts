import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ResolveCredentialReview } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { ResolveReviewDto } from './resolve-review.dto';

@ApiTags('credentials')
@Controller('v1/applications')
export class ResolveReviewController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** Closes a review flag; the credential's status changes only by its own commands. */
  @CommandRoute(
    'ResolveCredentialReview',
    ':applicationId/reviews/:flagId/resolution',
    "Resolve a review flag on a granted decision with the panel's reasons",
  )
  resolve(
    @Param('applicationId', IdParam) applicationId: string,
    @Param('flagId', IdParam) flagId: string,
    @Body() body: ResolveReviewDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: ResolveCredentialReview = {
      type: 'ResolveCredentialReview',
      applicationId,
      flagId,
      resolution: body.resolution,
      reason: body.reason,
      panelMemberId: meta.actor.subject,
    };
    return this.commands.execute(command, meta);
  }
}
