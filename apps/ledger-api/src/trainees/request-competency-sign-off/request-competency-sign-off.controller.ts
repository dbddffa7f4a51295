import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RequestCompetencySignOff } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { deterministicUuid } from '../../commands/event-ids';
import { IdParam } from '../../shared/id-param';
import { plain } from '../../shared/plain';
import { RequestCompetencySignOffDto } from './request-competency-sign-off.dto';

@ApiTags('trainees')
@Controller('v1/trainees')
export class RequestCompetencySignOffController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  @CommandRoute(
    'RequestCompetencySignOff',
    ':traineeId/competency-requests',
    "Ask a named signer to sign off a competency (it lands in the signer's queue)",
  )
  request(
    @Param('traineeId', IdParam) traineeId: string,
    @Body() body: RequestCompetencySignOffDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const requestId = deterministicUuid(meta.actor.subject, meta.idempotencyKey, 'request');
    const command: RequestCompetencySignOff = {
      ...plain(body),
      type: 'RequestCompetencySignOff',
      traineeId,
      requestId,
    };
    return this.commands.execute(command, meta, requestId);
  }
}
