import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DisputeCaseSignOff } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { ReasonDto } from '../../shared/validators';

@ApiTags('cases')
@Controller('v1/cases')
export class DisputeCaseController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** The named supervisor refuses to sign the case as logged and says why. */
  @CommandRoute(
    'DisputeCaseSignOff',
    ':caseId/disputes',
    'Dispute a case instead of signing it off',
  )
  dispute(
    @Param('caseId', IdParam) caseId: string,
    @Body() body: ReasonDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: DisputeCaseSignOff = {
      type: 'DisputeCaseSignOff',
      caseId,
      supervisorId: meta.actor.subject,
      reason: body.reason,
    };
    return this.commands.execute(command, meta);
  }
}
