import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TransferTrainee } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { TransferTraineeDto } from './transfer-trainee.dto';

@ApiTags('trainees')
@Controller('v1/trainees')
export class TransferTraineeController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** Decided by the institution the trainee leaves (its medical director, or an admin). */
  @CommandRoute(
    'TransferTrainee',
    ':traineeId/transfers',
    'Transfer a trainee to another institution',
  )
  transfer(
    @Param('traineeId', IdParam) traineeId: string,
    @Body() body: TransferTraineeDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: TransferTrainee = { type: 'TransferTrainee', traineeId, ...body };
    return this.commands.execute(command, meta);
  }
}
