import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { keyChain, LeafMismatchError, type StoredCheckpoint } from '@inr/ledger';
import { parseCheckpoint, toBase64 } from '@inr/transparency';
import { Requires } from '../auth/auth.decorators';
import { notFound, ProblemException } from '../platform/problem/problem.exception';
import { LedgerRuntime } from './ledger-runtime';
import {
  CheckpointPageDto,
  ConsistencyProofDto,
  InclusionProofDto,
  LedgerKeysDto,
  type LogKeyEpochDto,
} from './ledger-responses.dto';
import {
  CHECKPOINT_PAGE,
  indexParam,
  limitParam,
  MAX_ENTRIES,
  requireRange,
} from './ledger-params';

const NOTE_TYPE = 'text/plain; charset=utf-8';

const NOTE_CONTENT = { 'text/plain': { schema: { type: 'string', description: 'signed note' } } };
/**
 * The log for outside verifiers. Checkpoints, proofs and keys are public: they carry only
 * hashes and signatures. Entries are the events themselves (personal training data), so they
 * need a token whose role reads the whole ledger.
 */
@ApiTags('verifiable log')
@Controller('v1/ledger')
export class LedgerController {
  constructor(@Inject(LedgerRuntime) private readonly ledger: LedgerRuntime) {}

  @Get('checkpoint')
  @Requires('ledger.public.read')
  @Header('content-type', NOTE_TYPE)
  @Header('cache-control', 'no-cache')
  @ApiProduces('text/plain')
  @ApiOperation({
    summary: 'The latest signed checkpoint (C2SP signed note) with the cosignatures so far',
  })
  @ApiOkResponse({ description: 'signed note', content: NOTE_CONTENT })
  checkpoint(): string {
    const latest = this.ledger.latest();
    if (latest === undefined)
      throw new ProblemException(404, 'NO_CHECKPOINT', 'the log has not signed a checkpoint yet');
    return noteOf(latest);
  }

  @Get('checkpoints')
  @Requires('ledger.public.read')
  @ApiOperation({
    summary: `Every checkpoint the log signed, smallest size first, from size \`from\` (at most ${CHECKPOINT_PAGE.max} a page)`,
  })
  @ApiQuery({ name: 'from', required: false, description: 'smallest size to list (default 0)' })
  @ApiQuery({
    name: 'limit',
    required: false,
    description: `page length, 1..${CHECKPOINT_PAGE.max} (default ${CHECKPOINT_PAGE.default})`,
  })
  @ApiOkResponse({ type: CheckpointPageDto })
  checkpoints(
    @Query('from') rawFrom: unknown,
    @Query('limit') rawLimit: unknown,
  ): CheckpointPageDto {
    const from = rawFrom === undefined ? 0 : indexParam('from', rawFrom);
    const limit = limitParam(rawLimit);
    const rows = this.ledger.hashes.checkpointPage(from, limit + 1);
    const page = rows.slice(0, limit);
    return {
      checkpoints: page.map((c) => ({
        size: c.size,
        root: rootOf(c),
        note: noteOf(c),
        signedAt: c.signedAt,
      })),
      next: rows[limit]?.size ?? null,
    };
  }

  @Get('checkpoints/:size')
  @Requires('ledger.public.read')
  @Header('content-type', NOTE_TYPE)
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'A stored checkpoint of this tree size, with its cosignatures' })
  @ApiOkResponse({ description: 'signed note', content: NOTE_CONTENT })
  checkpointOfSize(@Param('size') raw: string): string {
    const size = indexParam('size', raw);
    const [found] = this.ledger.hashes.checkpointPage(size, 1);
    if (found?.size !== size) throw notFound(`no checkpoint of size ${size} was signed`);
    return noteOf(found);
  }

  @Get('keys')
  @Requires('ledger.public.read')
  @ApiOperation({
    summary:
      "The log's origin and current verifier key, every key it has had (the rotation chain), and our witness key if we witness",
  })
  @ApiOkResponse({ type: LedgerKeysDto })
  async keys(): Promise<LedgerKeysDto> {
    const witness = this.ledger.witnessVerifierKey;
    const history: LogKeyEpochDto[] = [];
    for (const epoch of keyChain(this.ledger.hashes.keyHistory())) {
      const at = epoch.position;
      const [entry] = at === undefined ? [] : await this.ledger.log.entries(at, at + 1);
      history.push({
        vkey: epoch.vkey,
        fromSize: epoch.fromSize,
        untilSize: epoch.untilSize ?? null,
        rotationLeafIndex: at ?? null,
        rotationLeaf: entry === undefined ? null : Buffer.from(entry.leaf).toString('utf8'),
      });
    }
    const keys = { origin: this.ledger.origin, log: this.ledger.logVerifierKey, history };
    return witness === undefined ? keys : { ...keys, witness };
  }

  @Get('entries')
  @Requires('ledger.entries.read')
  @ApiBearerAuth('bearer')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({
    summary: `Leaves [start, end) as JSON lines, exactly the hashed bytes (at most ${MAX_ENTRIES})`,
  })
  @ApiQuery({ name: 'start', description: 'first leaf index' })
  @ApiQuery({ name: 'end', description: `one past the last (end - start <= ${MAX_ENTRIES})` })
  @ApiOkResponse({
    description: 'one canonical leaf JSON per line, each followed by a newline',
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  async entries(
    @Query('start') rawStart: unknown,
    @Query('end') rawEnd: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const start = indexParam('start', rawStart);
    const end = indexParam('end', rawEnd);
    const size = this.ledger.log.size();
    requireRange(start <= end, `start ${start} is after end ${end}`);
    requireRange(end <= size, `end ${end} is beyond the log (size ${size})`);
    requireRange(end - start <= MAX_ENTRIES, `at most ${MAX_ENTRIES} entries per request`);
    let entries;
    try {
      entries = await this.ledger.log.entries(start, end);
    } catch (e) {
      if (e instanceof LeafMismatchError)
        throw new ProblemException(500, 'LEDGER_INCONSISTENT', e.message);
      throw e;
    }
    const body = Buffer.concat(entries.flatMap((e) => [e.leaf, NEWLINE]));
    await reply.status(200).header('content-type', 'application/x-ndjson').send(body);
  }

  @Get('proof/inclusion')
  @Requires('ledger.public.read')
  @ApiOperation({ summary: 'RFC 9162 inclusion proof of leaf `index` in the tree of `size`' })
  @ApiQuery({ name: 'index', description: 'leaf index, below size' })
  @ApiQuery({ name: 'size', description: 'tree size, at most the log size' })
  @ApiOkResponse({ type: InclusionProofDto })
  inclusion(@Query('index') rawIndex: unknown, @Query('size') rawSize: unknown): InclusionProofDto {
    const index = indexParam('index', rawIndex);
    const size = indexParam('size', rawSize);
    requireRange(
      size <= this.ledger.log.size(),
      `size ${size} is beyond the log (size ${this.ledger.log.size()})`,
    );
    requireRange(index < size, `index ${index} is not below size ${size}`);
    return { index, size, proof: this.ledger.log.inclusionProof(index, size).map(toBase64) };
  }

  @Get('proof/consistency')
  @Requires('ledger.public.read')
  @ApiOperation({ summary: 'RFC 9162 consistency proof between tree sizes `first` and `second`' })
  @ApiQuery({ name: 'first', description: 'the older tree size' })
  @ApiQuery({ name: 'second', description: 'the newer tree size, at most the log size' })
  @ApiOkResponse({ type: ConsistencyProofDto })
  consistency(
    @Query('first') rawFirst: unknown,
    @Query('second') rawSecond: unknown,
  ): ConsistencyProofDto {
    const first = indexParam('first', rawFirst);
    const second = indexParam('second', rawSecond);
    const size = this.ledger.log.size();
    requireRange(second <= size, `second ${second} is beyond the log (size ${size})`);
    requireRange(first <= second, `first ${first} is after second ${second}`);
    return { first, second, proof: this.ledger.log.consistencyProof(first, second).map(toBase64) };
  }
}

const NEWLINE = Buffer.from('\n');

const noteOf = (c: StoredCheckpoint): string => c.note + c.cosignatures.join('');

/** The root line of the checkpoint text (the note body before the signatures). */
function rootOf(c: StoredCheckpoint): string {
  const parsed = parseCheckpoint(c.note.slice(0, c.note.indexOf('\n\n') + 1));
  return parsed.ok ? toBase64(parsed.value.root) : '';
}
