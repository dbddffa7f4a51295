import { Body, Controller, Inject, Param, SetMetadata } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  streamName,
  type RecogniseExternalEvidence,
  type RecognitionScope,
  type WithdrawExternalEvidenceRecognition,
} from '@inr/domain';
import type { EventStore } from '@inr/event-store';
import { ForeignBundleStore } from '@inr/ledger';
import { RecognitionScopeError, recognitionOfBundle } from '@inr/projections';
import { PolicyFacts } from '../auth/policy-facts';
import { CommandMeta, type CommandRequest } from '../commands/command-request';
import type { CommandResult } from '../commands/command-result';
import { CommandRoute } from '../commands/command-route';
import { CommandService } from '../commands/command-service';
import { SIGNED_EVIDENCE_MEMBER } from '../commands/command.interceptor';
import { LedgerRuntime } from '../ledger-http/ledger-runtime';
import { unprocessable } from '../platform/problem/problem.exception';
import { EVENT_STORE } from '../platform/store/tokens';
import { IdParam } from '../shared/id-param';
import { PartnerPolicy } from './partner-policy';
import {
  RecogniseExternalEvidenceDto,
  WithdrawRecognitionDto,
  type RecognitionScopeDto,
} from './recognise-external-evidence.dto';
import { RECOGNITION_MEDIA_TYPE } from './recognition-body-parser';
import { verifyForRecognition } from './verify-for-recognition';

/**
 * Evidence from another ledger, recognised here: the bundle is verified offline against this
 * ledger's partner policy, kept content-addressed (so the recognition can be re-verified), and
 * recorded as ExternalEvidenceRecognised. The same bundle and scope sent again is the same
 * recognition: the first answer, nothing written twice.
 */
@ApiTags('trainees')
@Controller('v1/trainees')
export class RecognitionsController {
  constructor(
    @Inject(CommandService) private readonly commands: CommandService,
    @Inject(PartnerPolicy) private readonly partners: PartnerPolicy,
    @Inject(LedgerRuntime) private readonly ledger: LedgerRuntime,
    @Inject(ForeignBundleStore) private readonly foreign: ForeignBundleStore,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @CommandRoute(
    'RecogniseExternalEvidence',
    ':traineeId/recognitions',
    "Recognise a trainee's evidence from another ledger (a trainee bundle), verified against the partner policy",
  )
  @ApiConsumes('application/json', RECOGNITION_MEDIA_TYPE)
  // The bundle is the other ledger's signed leaves, verified before anything is kept.
  @SetMetadata(SIGNED_EVIDENCE_MEMBER, 'bundle')
  async recognise(
    @Param('traineeId', IdParam) traineeId: string,
    @Body() body: RecogniseExternalEvidenceDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    // First: may this caller recognise for this trainee's record at all (before any work)?
    this.facts.require(
      meta.actor,
      'RecogniseExternalEvidence',
      await this.facts.trainee(traineeId),
    );
    const verified = verifyForRecognition(body.bundle, this.partners, this.ledger.origin);
    const scope = scopeOf(body.scope);
    let content;
    try {
      content = recognitionOfBundle(verified.bundle, verified.hash, scope);
    } catch (e) {
      if (e instanceof RecognitionScopeError)
        throw unprocessable('RECOGNITION_SCOPE_INVALID', e.message);
      throw e;
    }
    const standing = await this.standing(traineeId, content.recognitionId);
    if (standing !== undefined) return standing;
    // Before keeping anything: may this caller recognise for this trainee's record at all?
    this.facts.require(
      meta.actor,
      'RecogniseExternalEvidence',
      await this.facts.trainee(traineeId),
    );
    this.foreign.put(verified.bundle);
    const command: RecogniseExternalEvidence = {
      type: 'RecogniseExternalEvidence',
      traineeId,
      recognitionId: content.recognitionId,
      origin: verified.report.origin,
      checkpoint: { size: verified.report.size, root: verified.report.root },
      bundleHash: verified.hash,
      foreignTraineeId: verified.bundle.traineeId,
      scope,
      leaves: content.leaves,
      cases: content.cases,
      sourceInstitutions: content.sourceInstitutions,
      recognisedBy: meta.actor.subject,
      reason: body.reason,
    };
    return this.commands.execute(command, meta, content.recognitionId);
  }

  @CommandRoute(
    'WithdrawExternalEvidenceRecognition',
    ':traineeId/recognitions/:recognitionId/withdrawal',
    'Withdraw a recognition of evidence from another ledger',
  )
  withdraw(
    @Param('traineeId', IdParam) traineeId: string,
    @Param('recognitionId', IdParam) recognitionId: string,
    @Body() body: WithdrawRecognitionDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: WithdrawExternalEvidenceRecognition = {
      type: 'WithdrawExternalEvidenceRecognition',
      traineeId,
      recognitionId,
      withdrawnBy: meta.actor.subject,
      reason: body.reason,
    };
    return this.commands.execute(command, meta, recognitionId);
  }

  /** The recognition's event when it stands (recorded and not withdrawn), as a command result. */
  private async standing(
    traineeId: string,
    recognitionId: string,
  ): Promise<CommandResult | undefined> {
    const streamId = streamName('trainee', traineeId);
    let found;
    for (const e of await this.store.readStream(streamId)) {
      if (e.data['recognitionId'] !== recognitionId) continue;
      found = e.type === 'ExternalEvidenceRecognised' ? e : undefined;
    }
    return found === undefined
      ? undefined
      : {
          eventIds: [found.id],
          streamId,
          revision: found.revision,
          position: found.position,
          id: recognitionId,
        };
  }
}

function scopeOf(dto: RecognitionScopeDto): RecognitionScope {
  if (dto.kind === 'events') return { kind: 'events', leafIndexes: [...new Set(dto.leafIndexes)] };
  if (dto.kind === 'period') return { kind: 'period', from: dto.from!, to: dto.to! };
  return { kind: 'all' };
}
