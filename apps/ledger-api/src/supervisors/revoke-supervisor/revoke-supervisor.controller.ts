import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RevokeSupervisorAccreditation } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { ReasonDto } from '../../shared/validators';

@ApiTags('supervisors')
@Controller('v1/supervisors')
export class RevokeSupervisorController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** Takes effect today: the supervisor signs nothing from now on; past signatures stand. */
  @CommandRoute(
    'RevokeSupervisorAccreditation',
    ':supervisorId/revocations',
    "Revoke a supervisor's accreditation",
  )
  revoke(
    @Param('supervisorId', IdParam) supervisorId: string,
    @Body() body: ReasonDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: RevokeSupervisorAccreditation = {
      type: 'RevokeSupervisorAccreditation',
      supervisorId,
      reason: body.reason,
    };
    return this.commands.execute(command, meta);
  }
}
