import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RecordCaseOutcome } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { plain } from '../../shared/plain';
import { RecordCaseOutcomeDto } from './record-case-outcome.dto';

@ApiTags('cases')
@Controller('v1/cases')
export class RecordCaseOutcomeController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** A follow-up of the case's procedure; it never amends the case or withdraws its sign-off. */
  @CommandRoute(
    'RecordCaseOutcome',
    ':caseId/outcomes',
    "Record a follow-up outcome of a case's procedure",
  )
  record(
    @Param('caseId', IdParam) caseId: string,
    @Body() body: RecordCaseOutcomeDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: RecordCaseOutcome = { type: 'RecordCaseOutcome', caseId, outcome: plain(body) };
    return this.commands.execute(command, meta);
  }
}
