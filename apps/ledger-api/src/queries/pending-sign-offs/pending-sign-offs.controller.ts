import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  evolveCase,
  evolveSupervisor,
  initialCaseState,
  initialSupervisorState,
  streamName,
  type CaseState,
} from '@inr/domain';
import { CurrentActor, Requires } from '../../auth/auth.decorators';
import type { Actor } from '../../auth/actor';
import { authorize } from '../../auth/authorize';
import { supervisorInstitutions } from '../../commands/resources';
import { forbidden, notFound } from '../../platform/problem/problem.exception';
import { IdParam } from '../../shared/id-param';
import { LedgerScan, type ScannedEvent } from '../ledger-scan/ledger-scan';

@ApiTags('supervisors')
@ApiBearerAuth('bearer')
@Controller('v1/supervisors')
export class PendingSignOffsController {
  constructor(@Inject(LedgerScan) private readonly scan: LedgerScan) {}

  /** "What is waiting for my sign-off?": logged cases naming the supervisor, neither signed nor disputed. */
  @Get(':supervisorId/pending')
  @Requires('supervisor.pending.read')
  @ApiOperation({ summary: "A supervisor's cases awaiting sign-off" })
  @ApiOkResponse({ description: 'Cases awaiting this supervisor, oldest first' })
  async pending(
    @Param('supervisorId', IdParam) supervisorId: string,
    @CurrentActor() actor: Actor,
  ): Promise<Record<string, unknown>> {
    const supervisor = (await this.scan.stream(streamName('supervisor', supervisorId))).reduce(
      (s, e) => evolveSupervisor(s, e.domain),
      initialSupervisorState(),
    );
    if (supervisor.status !== 'known') throw notFound(`no supervisor '${supervisorId}'`);
    const decision = authorize(actor, 'supervisor.pending.read', {
      supervisorId,
      institutionIds: supervisorInstitutions(supervisor),
    });
    if (!decision.allowed) throw forbidden(decision.reason);

    const byCase = new Map<string, ScannedEvent[]>();
    for (const e of await this.scan.all((ev) => ev.streamId.startsWith('case-'))) {
      byCase.set(e.streamId, [...(byCase.get(e.streamId) ?? []), e]);
    }
    const pending = [...byCase.entries()].flatMap(([streamId, list]) => {
      const state: CaseState = list.reduce((s, e) => evolveCase(s, e.domain), initialCaseState());
      if (
        state.status !== 'logged' ||
        state.signOff.status !== 'awaiting' ||
        state.record.supervisorId !== supervisorId
      )
        return [];
      return [
        { caseId: streamId.slice('case-'.length), revision: list.length - 1, record: state.record },
      ];
    });
    return { supervisorId, pending };
  }
}
