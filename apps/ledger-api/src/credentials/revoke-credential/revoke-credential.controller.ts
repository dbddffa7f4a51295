import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ApplicationState, RevokeCredential } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { submittedApplication } from '../../commands/resources';
import { IdParam } from '../../shared/id-param';
import { ReasonDto } from '../../shared/validators';

@ApiTags('credentials')
@Controller('v1/applications')
export class RevokeCredentialController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  @CommandRoute('RevokeCredential', ':applicationId/revocation', 'Revoke a credential for good')
  revoke(
    @Param('applicationId', IdParam) applicationId: string,
    @Body() body: ReasonDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: RevokeCredential = {
      type: 'RevokeCredential',
      applicationId,
      reason: body.reason,
    };
    return this.commands.execute<RevokeCredential, ApplicationState>(
      command,
      meta,
      (c, { state }) => {
        submittedApplication(state, c.applicationId);
        return {};
      },
    );
  }
}
