import { Body, Controller, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SubmitCredentialApplication } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { deterministicUuid } from '../../commands/event-ids';
import { SubmitApplicationDto } from './submit-application.dto';

@ApiTags('credentials')
@Controller('v1/applications')
export class SubmitApplicationController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  @CommandRoute(
    'SubmitCredentialApplication',
    '',
    'Apply for a credential against a published pathway version',
  )
  submit(
    @Body() body: SubmitApplicationDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const applicationId = deterministicUuid(meta.actor.subject, meta.idempotencyKey, 'application');
    const command: SubmitCredentialApplication = {
      type: 'SubmitCredentialApplication',
      applicationId,
      traineeId: body.traineeId ?? meta.actor.subject,
      pathwayId: body.pathwayId,
      pathwayVersion: body.pathwayVersion,
    };
    return this.commands.execute(command, meta, applicationId);
  }
}
