import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AmendCase, CaseCorrection } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { plain } from '../../shared/plain';
import { AmendCaseDto } from './amend-case.dto';

@ApiTags('cases')
@Controller('v1/cases')
export class AmendCaseController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** An amendment of a signed case withdraws the sign-off until it is signed again. */
  @CommandRoute('AmendCase', ':caseId/amendments', 'Correct a logged case')
  amend(
    @Param('caseId', IdParam) caseId: string,
    @Body() body: AmendCaseDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const changes: CaseCorrection = plain(body.changes);
    const command: AmendCase = { type: 'AmendCase', caseId, changes, reason: body.reason };
    return this.commands.execute(command, meta);
  }
}
