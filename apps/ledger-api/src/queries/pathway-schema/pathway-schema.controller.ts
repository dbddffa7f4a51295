import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { pathwayJsonSchema } from '@inr/policy';
import { Requires } from '../../auth/auth.decorators';

/** The same bytes as the committed docs/schemas/pathway.schema.json. */
const BODY = `${JSON.stringify(pathwayJsonSchema(), null, 2)}\n`;

/**
 * The pathway document's JSON Schema, public like the API reference: authors check a document
 * against it before they publish (docs/pathway-format.md).
 */
@ApiTags('pathways')
@Controller('schemas')
@Requires('docs.read')
export class PathwaySchemaController {
  @Get('pathway.schema.json')
  @ApiProduces('application/schema+json')
  @ApiOperation({
    summary:
      'The pathway document as JSON Schema (draft 2020-12); the rules beyond it are in docs/pathway-format.md §2',
  })
  @ApiOkResponse({
    description: 'a JSON Schema document',
    content: { 'application/schema+json': { schema: { type: 'object' } } },
  })
  async schema(@Res() reply: FastifyReply): Promise<void> {
    await reply
      .status(200)
      .header('content-type', 'application/schema+json')
      .header('cache-control', 'public, max-age=3600')
      .send(BODY);
  }
}
