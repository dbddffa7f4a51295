import { Body, Controller, Inject } from '@nestjs/common';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { procedureRefOf, type LogCase } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { deterministicUuid } from '../../commands/event-ids';
import {
  AngiographyDetailsDto,
  CoilingDetailsDto,
  ThrombectomyDetailsDto,
} from '../case-details/case-details.dto';
import { plain } from '../../shared/plain';
import { LogCaseDto } from './log-case.dto';

@ApiTags('cases')
@ApiExtraModels(ThrombectomyDetailsDto, CoilingDetailsDto, AngiographyDetailsDto)
@Controller('v1/cases')
export class LogCaseController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /**
   * The case id derives from the Idempotency-Key, so a retried log never creates a second case;
   * the answer carries the procedure reference co-operators quote.
   */
  @CommandRoute('LogCase', '', 'Log a case the trainee took part in')
  async log(@Body() body: LogCaseDto, @CommandMeta() meta: CommandRequest): Promise<CommandResult> {
    const caseId = deterministicUuid(meta.actor.subject, meta.idempotencyKey, 'case');
    const command: LogCase = {
      ...plain(body),
      type: 'LogCase',
      caseId,
      traineeId: body.traineeId ?? meta.actor.subject,
    };
    const procedureRef = procedureRefOf(command);
    const result = await this.commands.execute(command, meta, caseId);
    // Co-operators quote it when they log the same procedure.
    return { ...result, procedureRef };
  }
}
