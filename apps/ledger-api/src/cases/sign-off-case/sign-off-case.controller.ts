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
    return this.commands.execute(signOffCaseCommand(caseId, meta.actor.subject, body), meta);
  }
}

/** The command a sign-off body asks for (also one item of a bulk sign-off). */
export function signOffCaseCommand(
  caseId: string,
  supervisorId: string,
  body: SignOffCaseDto,
): SignOffCase {
  return {
    type: 'SignOffCase',
    caseId,
    supervisorId,
    ...(body.comment ? { comment: body.comment } : {}),
    ...(body.entrustment !== undefined && { entrustment: body.entrustment }),
    ...(body.supervisionLevel !== undefined && { supervisionLevel: body.supervisionLevel }),
  };
}
