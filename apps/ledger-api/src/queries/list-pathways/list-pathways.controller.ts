import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { comparePathwayVersions, streamName, type PolicyPublished } from '@inr/domain';
import { shippedVersions, type Pathway } from '@inr/policy';
import { ReadModels } from '@inr/projections';
import { pathwayContentHash } from '@inr/ledger';
import { Requires } from '../../auth/auth.decorators';
import { notFound } from '../../platform/problem/problem.exception';
import { IdParam } from '../../shared/id-param';
import { LedgerScan } from '../ledger-scan/ledger-scan';
import { PATHWAY_LIST, PATHWAY_VERSIONS } from '../../openapi/response-schemas';

/** One version as listed: who published it, when and why; shipped versions say so. */
interface ListedVersion {
  pathwayId: string;
  version: string;
  contentHash: string;
  document: Record<string, unknown>;
  source: 'ledger' | 'catalogue';
  publishedBy: string | null;
  publishedAt: string | null;
  changeNote: string | null;
  position: number | null;
}

/** The shipped catalogue is served from the first start, read-only, as its issuer's. */
function shippedVersion(pathway: Pathway): ListedVersion {
  return {
    pathwayId: pathway.id,
    version: pathway.version,
    contentHash: pathwayContentHash(pathway),
    document: pathway as unknown as Record<string, unknown>,
    source: 'catalogue',
    publishedBy: pathway.issuer ?? null,
    publishedAt: null,
    changeNote: `Shipped in the catalogue (source read on ${pathway.source.readOn}).`,
    position: null,
  };
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
  @ApiOkResponse({
    description: 'Each pathway with its versions, newest last; shipped catalogue versions first',
    schema: PATHWAY_LIST,
  })
  async list(): Promise<{
    pathways: Array<{
      pathwayId: string;
      versions: Array<Pick<ListedVersion, 'version' | 'contentHash' | 'publishedAt' | 'source'>>;
    }>;
  }> {
    const byId = new Map<
      string,
      Array<Pick<ListedVersion, 'version' | 'contentHash' | 'publishedAt' | 'source'>>
    >();
    for (const {
      pathwayId,
      version,
      contentHash,
      publishedAt,
    } of await this.readModels.publishedPathways())
      byId.set(pathwayId, [
        ...(byId.get(pathwayId) ?? []),
        { version, contentHash, publishedAt, source: 'ledger' },
      ]);
    for (const pathway of shippedVersions) {
      const listed = byId.get(pathway.id) ?? [];
      if (listed.some((v) => v.version === pathway.version)) continue;
      const { version, contentHash, publishedAt, source } = shippedVersion(pathway);
      byId.set(pathway.id, [{ version, contentHash, publishedAt, source }, ...listed]);
    }
    return {
      pathways: [...byId.entries()].map(([pathwayId, versions]) => ({ pathwayId, versions })),
    };
  }

  @Get(':pathwayId/versions')
  @Requires('pathway.read')
  @ApiOperation({ summary: 'Every published version of a pathway, with its document' })
  @ApiOkResponse({ description: 'Versions in publication order', schema: PATHWAY_VERSIONS })
  async versions(@Param('pathwayId', IdParam) pathwayId: string): Promise<{
    pathwayId: string;
    versions: ListedVersion[];
  }> {
    const events = await this.scan.stream(streamName('policy', pathwayId));
    const published = events.map((e): ListedVersion => {
      const data = e.domain.data as PolicyPublished;
      const actor = (e.metadata as { actor?: { subject?: string } }).actor;
      return {
        pathwayId: data.pathwayId,
        version: data.version,
        contentHash: data.contentHash,
        document: data.document,
        source: 'ledger',
        publishedBy: data.publishedBy ?? actor?.subject ?? null,
        publishedAt: e.recordedAt,
        changeNote: data.changeNote ?? null,
        position: e.position,
      };
    });
    const shipped = shippedVersions
      .filter((p) => p.id === pathwayId && !published.some((v) => v.version === p.version))
      .sort((a, b) => comparePathwayVersions(a.version, b.version))
      .map(shippedVersion);
    const versions = [...shipped, ...published];
    if (versions.length === 0) throw notFound(`no pathway '${pathwayId}' is published`);
    return { pathwayId, versions };
  }
}
