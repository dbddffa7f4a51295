import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { streamName } from '@inr/domain';
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
  constructor(@Inject(LedgerScan) private readonly scan: LedgerScan) {}

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
    const events = await this.scan.all((e) => e.type === 'PolicyPublished');
    const byId = new Map<
      string,
      Array<{ version: string; contentHash: string; publishedAt: string }>
    >();
    for (const e of events) {
      const data = e.domain.data as PublishedData;
      byId.set(data.pathwayId, [
        ...(byId.get(data.pathwayId) ?? []),
        { version: data.version, contentHash: data.contentHash, publishedAt: e.recordedAt },
      ]);
    }
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
