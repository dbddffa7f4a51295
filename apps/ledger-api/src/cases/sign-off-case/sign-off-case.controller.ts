import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SignOffCase } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { SignOffCaseDto } from './sign-off-case.dto';

@ApiTags('cases')
@Controller('v1/cases')
export class SignOffCaseController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** The caller signs as themself: only the supervisor the case names, accredited at its institution. */
  @CommandRoute('SignOffCase', ':caseId/sign-off', 'Sign off a case as its supervisor')
  signOff(
    @Param('caseId', IdParam) caseId: string,
    @Body() body: SignOffCaseDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: SignOffCase = {
      type: 'SignOffCase',
      caseId,
      supervisorId: meta.actor.subject,
      ...(body.comment ? { comment: body.comment } : {}),
    };
    return this.commands.execute(command, meta);
  }
}
