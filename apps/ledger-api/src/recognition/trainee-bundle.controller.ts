import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@inr/event-store';
import { ForeignBundleStore, type TraineeBundle } from '@inr/ledger';
import { ReadModels, TraineeBundleError, traineeBundle } from '@inr/projections';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../auth/actor';
import { PolicyFacts } from '../auth/policy-facts';
import { LedgerRuntime } from '../ledger-http/ledger-runtime';
import { TRAINEE_BUNDLE } from '../openapi/response-schemas';
import { Readiness } from '../platform/health/readiness';
import { badRequest, ProblemException } from '../platform/problem/problem.exception';
import { Lifecycle } from '../platform/store/lifecycle';
import { EVENT_STORE } from '../platform/store/tokens';
import { IdParam } from '../shared/id-param';
import { KeepsCiphertext } from '../privacy/revealing-fastify-adapter';

const STATUS = { TRAINEE_NOT_FOUND: 404, NOT_CHECKPOINTED: 503, FOREIGN_BUNDLE_MISSING: 500 };

/**
 * A trainee's whole record for another ledger to recognise (docs/ledger-format.md §15). The
 * record is theirs: the trainee's own token, or a role that may read the record. Exporting
 * appends the ledger's completeness statement (TraineeRecordCommitted), once per record state.
 */
@ApiTags('verifiable log')
@ApiBearerAuth('bearer')
@Controller('v1/trainees')
export class TraineeBundleController {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(LedgerRuntime) private readonly ledger: LedgerRuntime,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Lifecycle) private readonly lifecycle: Lifecycle,
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(ForeignBundleStore) private readonly foreign: ForeignBundleStore,
  ) {}

  @Get(':traineeId/bundle')
  @KeepsCiphertext()
  @Requires('trainee.read')
  @ApiOperation({
    summary: 'A trainee evidence bundle (inr-ledger-trainee-bundle/v1): the whole record, proven',
    description:
      'Every event of the record, the signers’ accreditations and a TraineeRecordCommitted event ' +
      '(appended now unless the record is unchanged since the last export), each with its ' +
      'inclusion proof in one signed checkpoint, plus the foreign bundles its recognitions rest on.',
  })
  @ApiQuery({
    name: 'upTo',
    required: false,
    description: 'Only the record below this ledger size (e.g. the latest cosigned checkpoint)',
  })
  @ApiOkResponse({ description: 'the trainee bundle', schema: TRAINEE_BUNDLE })
  async bundle(
    @Param('traineeId', IdParam) traineeId: string,
    @CurrentActor() actor: AuthenticatedActor,
    @Query('upTo') upTo?: string,
  ): Promise<TraineeBundle> {
    if (upTo !== undefined && !/^\d{1,15}$/.test(upTo))
      throw badRequest('VALIDATION_FAILED', 'upTo must be a ledger size (a whole number)');
    this.facts.require(actor, 'trainee.read', await this.facts.trainee(traineeId));
    // The record is read from the event index, a read model: wait until it holds every event
    // written so far, and commit to no more than that. Otherwise a lagging index (a loaded
    // machine) leaves events out of a record whose commitment claims to cover them.
    const written = await this.store.count();
    await this.readModels.runner.waitFor(written);
    try {
      return await traineeBundle(
        {
          context: this.readModels.context,
          log: this.ledger.log,
          checkpointCovering: (index) => this.ledger.checkpointCovering(index),
          foreignBundle: (hash) => Promise.resolve(this.foreign.get(hash)),
          commit: async (event) => {
            const readOnly = this.readiness.writesRefused();
            if (readOnly !== undefined)
              throw new ProblemException(503, 'LEDGER_READ_ONLY', `read-only: ${readOnly.detail}`);
            const appended = await this.lifecycle.track(
              this.store.append(
                `trainee-${traineeId}`,
                [
                  {
                    ...event,
                    data: event.data as never,
                    metadata: {
                      schemaVersion: 1,
                      actor: { subject: actor.subject, role: actor.role },
                    },
                  },
                ],
                { expectedRevision: 'any' },
              ),
            );
            return appended.firstPosition;
          },
        },
        traineeId,
        Math.min(upTo === undefined ? written : Number(upTo), written),
      );
    } catch (e) {
      if (e instanceof TraineeBundleError)
        throw new ProblemException(STATUS[e.code], e.code, e.message);
      throw e;
    }
  }
}
