import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  evolveCase,
  evolveTrainee,
  initialCaseState,
  initialTraineeState,
  PRIVATE_EVENT_TYPES,
  streamName,
} from '@inr/domain';
import type { EventStore } from '@inr/event-store';
import { PersonalData } from '@inr/ledger';
import { ReadModels } from '@inr/projections';
import { CurrentActor, Requires } from '../../auth/auth.decorators';
import type { AuthenticatedActor } from '../../auth/actor';
import { PolicyFacts } from '../../auth/policy-facts';
import { notFound } from '../../platform/problem/problem.exception';
import { mayReadAddressedNote } from '../../privacy/personal-field-access';
import { EVENT_STORE } from '../../platform/store/tokens';
import { IdParam } from '../../shared/id-param';
import { describeEvent, LedgerScan } from '../ledger-scan/ledger-scan';
import { TRAINEE } from '../../openapi/response-schemas';

/** At most this many cases are listed with the trainee (the registry pages beyond it). */
const MAX_CASES = 1000;

@ApiTags('trainees')
@ApiBearerAuth('bearer')
@Controller('v1/trainees')
export class GetTraineeController {
  constructor(
    @Inject(LedgerScan) private readonly scan: LedgerScan,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PersonalData) private readonly personal: PersonalData,
  ) {}

  /** The trainee's record (enrolment, assessments, competency signatures) and their cases. */
  @Get(':traineeId')
  @Requires('trainee.read')
  @ApiOperation({ summary: 'A trainee with their cases' })
  @ApiOkResponse({
    description: 'The trainee record, its history and their cases',
    schema: TRAINEE,
  })
  async get(
    @Param('traineeId', IdParam) traineeId: string,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const events = await this.scan.stream(streamName('trainee', traineeId));
    const state = events.reduce((s, e) => evolveTrainee(s, e.domain), initialTraineeState());
    if (state.status !== 'enrolled') throw notFound(`no trainee '${traineeId}' is enrolled`);
    this.facts.require(actor, 'trainee.read', {
      ownerId: traineeId,
      institutionIds: [state.institutionId],
    });

    // Which cases are the trainee's: the registry through the event index (exact at the
    // current ledger size), then each case's own stream for its revision and state.
    const page = await this.readModels.cases({
      traineeId,
      includeRetracted: true,
      asOf: await this.store.count(),
      limit: MAX_CASES,
    });
    const cases = await Promise.all(
      page.cases.map(async ({ caseId }) => {
        const list = await this.scan.stream(streamName('case', caseId));
        const caseState = list.reduce((s, e) => evolveCase(s, e.domain), initialCaseState());
        return { caseId, revision: list.length - 1, state: caseState };
      }),
    );
    const revision = events.length - 1;
    void reply.header('etag', `"${revision}"`);
    // Whether, when, by whom and why the trainee's personal data was erased (docs/privacy.md).
    const erased = (await this.scan.stream(streamName('subject', traineeId))).find(
      (e) => e.type === 'SubjectDataErased',
    );
    const erasure = erased ? describeEvent(erased) : null;
    // Reflections are read through their own route, under their own policy; only the author
    // sees them (and who they are shared with) in the record's history.
    const author = actor.subject === traineeId;
    const history = events.filter((e) => author || !PRIVATE_EVENT_TYPES.has(e.type));
    const { reflections: _reflections, ...shown } = state;
    return {
      traineeId,
      revision,
      state: author ? state : shown,
      // A request's note is for the person asked (as in their queue), not every reader.
      history: history.map((e) => {
        const shown = describeEvent(e);
        const data = e.domain.data as unknown as Record<string, unknown>;
        return mayReadAddressedNote(actor, e.type, data)
          ? shown
          : { ...shown, data: this.personal.redact(e.type, data) };
      }),
      cases,
      erasure,
    };
  }
}
