import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  evolveCase,
  evolveTrainee,
  initialCaseState,
  initialTraineeState,
  streamName,
  type CaseState,
} from '@inr/domain';
import { CurrentActor, Requires } from '../../auth/auth.decorators';
import type { Actor } from '../../auth/actor';
import { authorize } from '../../auth/authorize';
import { forbidden, notFound } from '../../platform/problem/problem.exception';
import { IdParam } from '../../shared/id-param';
import { describeEvent, LedgerScan, type ScannedEvent } from '../ledger-scan/ledger-scan';

@ApiTags('trainees')
@ApiBearerAuth('bearer')
@Controller('v1/trainees')
export class GetTraineeController {
  constructor(@Inject(LedgerScan) private readonly scan: LedgerScan) {}

  /** The trainee's record (enrolment, assessments, competency signatures) and their cases. */
  @Get(':traineeId')
  @Requires('trainee.read')
  @ApiOperation({ summary: 'A trainee with their cases' })
  @ApiOkResponse({ description: 'The trainee record, its history and their cases' })
  async get(
    @Param('traineeId', IdParam) traineeId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const events = await this.scan.stream(streamName('trainee', traineeId));
    const state = events.reduce((s, e) => evolveTrainee(s, e.domain), initialTraineeState());
    if (state.status !== 'enrolled') throw notFound(`no trainee '${traineeId}' is enrolled`);
    const decision = authorize(actor, 'trainee.read', {
      traineeId,
      institutionIds: [state.institutionId],
    });
    if (!decision.allowed) throw forbidden(decision.reason);

    const caseEvents = await this.scan.all(
      (e) =>
        e.streamId.startsWith('case-') &&
        (e.data as { traineeId?: unknown }).traineeId === traineeId,
    );
    const byCase = new Map<string, ScannedEvent[]>();
    for (const e of caseEvents) byCase.set(e.streamId, [...(byCase.get(e.streamId) ?? []), e]);
    const cases = [...byCase.entries()].map(([streamId, list]) => {
      const caseState: CaseState = list.reduce(
        (s, e) => evolveCase(s, e.domain),
        initialCaseState(),
      );
      return {
        caseId: streamId.slice('case-'.length),
        revision: list[list.length - 1]?.revision ?? -1,
        state: caseState,
      };
    });
    const revision = events.length - 1;
    void reply.header('etag', `"${revision}"`);
    return { traineeId, revision, state, history: events.map(describeEvent), cases };
  }
}
