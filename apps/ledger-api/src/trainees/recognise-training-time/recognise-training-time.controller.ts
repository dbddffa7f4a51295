import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RecogniseTrainingTime } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { plain } from '../../shared/plain';
import { RecogniseTrainingTimeDto } from './recognise-training-time.dto';

@ApiTags('trainees')
@Controller('v1/trainees')
export class RecogniseTrainingTimeController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** Time from other sites or colleges counted towards a pathway; the caller is recorded as recogniser. */
  @CommandRoute(
    'RecogniseTrainingTime',
    ':traineeId/training-time',
    'Recognise training time towards a pathway',
  )
  recognise(
    @Param('traineeId', IdParam) traineeId: string,
    @Body() body: RecogniseTrainingTimeDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: RecogniseTrainingTime = {
      ...plain(body),
      type: 'RecogniseTrainingTime',
      traineeId,
      recognisedBy: meta.actor.subject,
    };
    return this.commands.execute(command, meta);
  }
}
