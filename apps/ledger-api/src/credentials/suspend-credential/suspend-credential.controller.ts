import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ApplicationState, SuspendCredential } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { submittedApplication } from '../../commands/resources';
import { IdParam } from '../../shared/id-param';
import { ReasonDto } from '../../shared/validators';

@ApiTags('credentials')
@Controller('v1/applications')
export class SuspendCredentialController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  @CommandRoute('SuspendCredential', ':applicationId/suspension', 'Suspend an issued credential')
  suspend(
    @Param('applicationId', IdParam) applicationId: string,
    @Body() body: ReasonDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: SuspendCredential = {
      type: 'SuspendCredential',
      applicationId,
      reason: body.reason,
    };
    return this.commands.execute<SuspendCredential, ApplicationState>(
      command,
      meta,
      (c, { state }) => {
        submittedApplication(state, c.applicationId);
        return {};
      },
    );
  }
}
