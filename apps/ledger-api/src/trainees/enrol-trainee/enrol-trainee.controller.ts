import { Body, Controller, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EnrolTrainee } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { plain } from '../../shared/plain';
import { EnrolTraineeDto } from './enrol-trainee.dto';

@ApiTags('trainees')
@Controller('v1/trainees')
export class EnrolTraineeController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  @CommandRoute('EnrolTrainee', '', 'Enrol a trainee at an institution on one or more pathways')
  enrol(
    @Body() body: EnrolTraineeDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: EnrolTrainee = { ...plain(body), type: 'EnrolTrainee' };
    return this.commands.execute(command, meta, body.traineeId);
  }
}
