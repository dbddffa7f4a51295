import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { streamName } from '@inr/domain';
import { ReadModels } from '@inr/projections';
import { Requires } from '../../auth/auth.decorators';
import { notFound } from '../../platform/problem/problem.exception';
import { IdParam } from '../../shared/id-param';
import { LedgerScan } from '../ledger-scan/ledger-scan';

interface PublishedData {
  pathwayId: string;
  version: string;
  contentHash: string;
  document: Record<string, unknown>;
}

@ApiTags('pathways')
@ApiBearerAuth('bearer')
@Controller('v1/pathways')
export class ListPathwaysController {
  constructor(
    @Inject(LedgerScan) private readonly scan: LedgerScan,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get()
  @Requires('pathway.read')
  @ApiOperation({ summary: 'Published pathways and their versions' })
  @ApiOkResponse({ description: 'Each pathway with its versions, newest last' })
  async list(): Promise<{
    pathways: Array<{
      pathwayId: string;
      versions: Array<{ version: string; contentHash: string; publishedAt: string }>;
    }>;
  }> {
    const byId = new Map<
      string,
      Array<{ version: string; contentHash: string; publishedAt: string }>
    >();
    for (const {
      pathwayId,
      version,
      contentHash,
      publishedAt,
    } of await this.readModels.publishedPathways())
      byId.set(pathwayId, [...(byId.get(pathwayId) ?? []), { version, contentHash, publishedAt }]);
    return {
      pathways: [...byId.entries()].map(([pathwayId, versions]) => ({ pathwayId, versions })),
    };
  }

  @Get(':pathwayId/versions')
  @Requires('pathway.read')
  @ApiOperation({ summary: 'Every published version of a pathway, with its document' })
  @ApiOkResponse({ description: 'Versions in publication order' })
  async versions(@Param('pathwayId', IdParam) pathwayId: string): Promise<{
    pathwayId: string;
    versions: Array<PublishedData & { publishedAt: string; position: number }>;
  }> {
    const events = await this.scan.stream(streamName('policy', pathwayId));
    if (events.length === 0) throw notFound(`no pathway '${pathwayId}' is published`);
    return {
      pathwayId,
      versions: events.map((e) => ({
        ...(e.domain.data as PublishedData),
        publishedAt: e.recordedAt,
        position: e.position,
      })),
    };
  }
}
