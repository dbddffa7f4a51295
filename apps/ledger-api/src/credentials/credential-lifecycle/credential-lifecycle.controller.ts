import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ReinstateCredential, RevokeCredential, SuspendCredential } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { ReasonDto } from '../../shared/validators';

type LifecycleCommand = SuspendCredential | ReinstateCredential | RevokeCredential;

/**
 * An issued credential's life after the decision: suspend, reinstate, revoke. Each takes a
 * reason and touches the application's stream. The operation ids are the ones each route had
 * with its own controller, so clients generated from the OpenAPI document keep their names.
 */
@ApiTags('credentials')
@Controller('v1/applications')
export class CredentialLifecycleController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  @CommandRoute('SuspendCredential', ':applicationId/suspension', 'Suspend an issued credential', {
    operationId: 'SuspendCredential_suspend',
  })
  suspend(
    @Param('applicationId', IdParam) applicationId: string,
    @Body() body: ReasonDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    return this.execute({ type: 'SuspendCredential', applicationId, reason: body.reason }, meta);
  }

  @CommandRoute(
    'ReinstateCredential',
    ':applicationId/reinstatement',
    'Reinstate a suspended credential',
    { operationId: 'ReinstateCredential_reinstate' },
  )
  reinstate(
    @Param('applicationId', IdParam) applicationId: string,
    @Body() body: ReasonDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    return this.execute({ type: 'ReinstateCredential', applicationId, reason: body.reason }, meta);
  }

  @CommandRoute('RevokeCredential', ':applicationId/revocation', 'Revoke a credential for good', {
    operationId: 'RevokeCredential_revoke',
  })
  revoke(
    @Param('applicationId', IdParam) applicationId: string,
    @Body() body: ReasonDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    return this.execute({ type: 'RevokeCredential', applicationId, reason: body.reason }, meta);
  }

  private execute(command: LifecycleCommand, meta: CommandRequest): Promise<CommandResult> {
    return this.commands.execute(command, meta);
  }
}
