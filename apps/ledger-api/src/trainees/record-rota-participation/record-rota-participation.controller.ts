import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RecordRotaParticipation } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { plain } from '../../shared/plain';
import { RecordRotaParticipationDto } from './record-rota-participation.dto';

@ApiTags('trainees')
@Controller('v1/trainees')
export class RecordRotaParticipationController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  @CommandRoute(
    'RecordRotaParticipation',
    ':traineeId/rota-participation',
    "Record a trainee's participation in a thrombectomy rota",
  )
  record(
    @Param('traineeId', IdParam) traineeId: string,
    @Body() body: RecordRotaParticipationDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: RecordRotaParticipation = {
      ...plain(body),
      type: 'RecordRotaParticipation',
      traineeId,
      recordedBy: meta.actor.subject,
    };
    return this.commands.execute(command, meta);
  }
}
