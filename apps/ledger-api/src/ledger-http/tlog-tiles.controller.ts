import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { parseTilePath, tileBytes, tilePath, tileWithin } from '@inr/transparency';
import { Requires } from '../auth/auth.decorators';
import { badRequest, notFound, ProblemException } from '../platform/problem/problem.exception';
import { LedgerRuntime } from './ledger-runtime';

/** The C2SP tlog-tiles prefix of this log, below the API root. */
export const TLOG_PREFIX = 'v1/ledger/tlog';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const NOTE_SCHEMA = { type: 'string', description: 'C2SP signed note' } as const;

/**
 * The Merkle tree as C2SP tlog-tiles: the checkpoint and hash tiles as static, cacheable
 * resources anyone may mirror, so append-only growth can be checked from hashes alone. Entry
 * bundles are not served here: entries carry personal training data (see /v1/ledger/entries).
 */
@ApiTags('verifiable log')
@Controller(TLOG_PREFIX)
@Requires('ledger.public.read')
export class TlogTilesController {
  constructor(@Inject(LedgerRuntime) private readonly ledger: LedgerRuntime) {}

  @Get('checkpoint')
  @ApiProduces('text/plain')
  @ApiOperation({
    summary: 'C2SP tlog-tiles checkpoint: the latest signed checkpoint with its cosignatures',
  })
  @ApiOkResponse({ description: 'signed note', content: { 'text/plain': { schema: NOTE_SCHEMA } } })
  async checkpoint(@Res() reply: FastifyReply): Promise<void> {
    const latest = this.ledger.latest();
    if (latest === undefined)
      throw new ProblemException(404, 'NO_CHECKPOINT', 'the log has not signed a checkpoint yet');
    await reply
      .status(200)
      .header('content-type', 'text/plain; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(latest.note + latest.cosignatures.join(''));
  }

  @Get('tile/*')
  @ApiProduces('application/octet-stream')
  @ApiParam({ name: 'path', description: '<L>/<N>[.p/<W>] as C2SP tlog-tiles encodes it' })
  @ApiOperation({
    summary:
      'C2SP tlog-tiles hash tile <L>/<N>[.p/<W>]: 256 (or W) SHA-256 hashes, immutable, within the latest checkpoint',
  })
  @ApiOkResponse({
    description: 'the concatenated hashes',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  async tile(@Param() params: Record<string, string>, @Res() reply: FastifyReply): Promise<void> {
    // Fastify names the wildcard '*'; the OpenAPI path calls it {path}.
    const raw = params['*'] ?? '';
    const tile = parseTilePath(raw);
    if (tile === undefined)
      throw badRequest(
        'INVALID_TILE_PATH',
        `'tile/${raw}' is not a C2SP tlog-tiles hash tile path`,
      );
    const size = this.ledger.latest()?.size ?? 0;
    if (!tileWithin(tile, size))
      throw notFound(
        `${tilePath(tile)} is not in the tree of the latest checkpoint (size ${size})`,
      );
    await reply
      .status(200)
      .header('content-type', 'application/octet-stream')
      .header('cache-control', IMMUTABLE)
      .send(Buffer.from(tileBytes(this.ledger.hashes, tile)));
  }
}
