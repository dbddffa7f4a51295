import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RevokeSupervisorAccreditation } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { FlagForReview } from './flag-for-review';
import { RevokeSupervisorDto } from './revoke-supervisor.dto';

@ApiTags('supervisors')
@Controller('v1/supervisors')
export class RevokeSupervisorController {
  constructor(
    @Inject(CommandService) private readonly commands: CommandService,
    @Inject(FlagForReview) private readonly flags: FlagForReview,
  ) {}

  /**
   * Takes effect today: the supervisor signs nothing from now on; past signatures stand. For
   * cause, the granted decisions that counted their sign-offs are flagged for review.
   */
  @CommandRoute(
    'RevokeSupervisorAccreditation',
    ':supervisorId/revocations',
    "Revoke a supervisor's accreditation",
  )
  async revoke(
    @Param('supervisorId', IdParam) supervisorId: string,
    @Body() body: RevokeSupervisorDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: RevokeSupervisorAccreditation = {
      type: 'RevokeSupervisorAccreditation',
      supervisorId,
      reason: body.reason,
      ...(body.forCause === true && { forCause: true }),
    };
    const result = await this.commands.execute(command, meta);
    if (body.forCause !== true) return result;
    return { ...result, flaggedForReview: await this.flags.after(result, supervisorId, meta) };
  }
}
