import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Requires } from '../auth/auth.decorators';
import { ProblemException } from '../platform/problem/problem.exception';
import { LedgerRuntime } from './ledger-runtime';
import {} from '../openapi/response-schemas';

/** Stable problem codes for the C2SP tlog-witness refusals. */
const CODES = {
  400: 'WITNESS_MALFORMED',
  403: 'WITNESS_BAD_SIGNATURE',
  404: 'WITNESS_UNKNOWN_LOG',
  422: 'WITNESS_BAD_PROOF',
} as const;

/**
 * C2SP tlog-witness add-checkpoint. Public: the caller is authenticated by the log signature
 * on the checkpoint, which is all the protocol asks for.
 */
@ApiTags('verifiable log')
@Controller('v1/witness')
export class WitnessController {
  constructor(@Inject(LedgerRuntime) private readonly ledger: LedgerRuntime) {}

  @Post('add-checkpoint')
  @Requires('witness.cosign')
  @HttpCode(200)
  @ApiConsumes('text/plain')
  @ApiOperation({ summary: 'Cosign a checkpoint of a log we witness (C2SP tlog-witness)' })
  @ApiOkResponse({
    description: 'the cosignature line(s)',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiConflictResponse({
    description: 'old is not the size we last cosigned: body is that size and a newline',
    content: { 'text/x.tlog.size': { schema: { type: 'string' } } },
  })
  async addCheckpoint(@Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const witness = this.ledger.witness;
    if (witness === undefined)
      throw new ProblemException(404, CODES[404], 'this server witnesses no logs');
    if (typeof body !== 'string')
      throw new ProblemException(400, CODES[400], 'the body must be the text request');
    const result = witness.addCheckpoint(body);
    switch (result.status) {
      case 200:
        await reply
          .status(200)
          .header('content-type', 'text/plain; charset=utf-8')
          .send(result.body);
        return;
      case 409:
        await reply.status(409).header('content-type', result.contentType).send(result.body);
        return;
      default:
        throw new ProblemException(result.status, CODES[result.status], result.reason);
    }
  }
}
