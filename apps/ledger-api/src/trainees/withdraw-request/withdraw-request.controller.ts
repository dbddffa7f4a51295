import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { WithdrawRequest } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { WithdrawRequestDto } from './withdraw-request.dto';

@ApiTags('trainees')
@Controller('v1/trainees')
export class WithdrawRequestController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** An assessment or competency sign-off request of either kind; it leaves the queue. */
  @CommandRoute(
    'WithdrawRequest',
    ':traineeId/requests/:requestId/withdrawal',
    "Withdraw one of the trainee's own requests still waiting in someone's queue",
  )
  withdraw(
    @Param('traineeId', IdParam) traineeId: string,
    @Param('requestId', IdParam) requestId: string,
    @Body() body: WithdrawRequestDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: WithdrawRequest = {
      type: 'WithdrawRequest',
      traineeId,
      requestId,
      ...(body.reason !== undefined && { reason: body.reason }),
    };
    return this.commands.execute(command, meta);
  }
}
