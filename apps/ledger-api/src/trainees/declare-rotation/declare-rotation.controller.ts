import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DeclareRotation } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { plain } from '../../shared/plain';
import { DeclareRotationDto } from './declare-rotation.dto';

@ApiTags('trainees')
@Controller('v1/trainees')
export class DeclareRotationController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** Declared by the trainee's own trust (its medical director, or an admin). */
  @CommandRoute(
    'DeclareRotation',
    ':traineeId/rotations',
    'Declare a placement at another trust: the trainee logs cases there during it',
  )
  declare(
    @Param('traineeId', IdParam) traineeId: string,
    @Body() body: DeclareRotationDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: DeclareRotation = {
      ...plain(body),
      type: 'DeclareRotation',
      traineeId,
      declaredBy: meta.actor.subject,
    };
    return this.commands.execute(command, meta);
  }
}
