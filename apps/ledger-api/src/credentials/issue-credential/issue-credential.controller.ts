import { Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { IssueCredential } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { deterministicUuid } from '../../commands/event-ids';
import { IdParam } from '../../shared/id-param';

@ApiTags('credentials')
@Controller('v1/applications')
export class IssueCredentialController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** Issues the credential of a granted application; the body may be empty ({}). */
  @CommandRoute(
    'IssueCredential',
    ':applicationId/credential',
    'Issue the credential of a granted application',
  )
  issue(
    @Param('applicationId', IdParam) applicationId: string,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const credentialId = deterministicUuid(meta.actor.subject, meta.idempotencyKey, 'credential');
    const command: IssueCredential = { type: 'IssueCredential', applicationId, credentialId };
    return this.commands.execute(command, meta, credentialId);
  }
}
