import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SignOffCompetency } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { SignOffCompetencyDto } from './sign-off-competency.dto';

@ApiTags('trainees')
@Controller('v1/trainees')
export class SignOffCompetencyController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** One signer's signature; competencies needing several signers collect one per person. */
  @CommandRoute(
    'SignOffCompetency',
    ':traineeId/competencies/:competencyId/sign-offs',
    'Sign off a competency as one of its signers',
  )
  signOff(
    @Param('traineeId', IdParam) traineeId: string,
    @Param('competencyId', IdParam) competencyId: string,
    @Body() body: SignOffCompetencyDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: SignOffCompetency = {
      type: 'SignOffCompetency',
      traineeId,
      competencyId,
      signerId: meta.actor.subject,
      institutionId: body.institutionId,
      ...(body.requestId !== undefined && { requestId: body.requestId }),
    };
    return this.commands.execute(command, meta);
  }
}
