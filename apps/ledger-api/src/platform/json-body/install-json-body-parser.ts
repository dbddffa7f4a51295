import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseJsonBody } from './parse-json-body';

/**
 * Replaces Fastify's body parsers with one strict JSON parser: every other media type gets 415,
 * malformed JSON a MALFORMED_JSON problem, and hostile shapes are refused before validation.
 */
export function installJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  const parser = (
    _request: FastifyRequest,
    body: string | Buffer,
    done: (error: Error | null, value?: unknown) => void,
  ) => {
    const parsed = parseJsonBody(typeof body === 'string' ? body : body.toString('utf8'));
    if (parsed.ok) done(null, parsed.value);
    else done(parsed.problem, undefined);
  };
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, parser);
  fastify.addContentTypeParser(
    /^application\/[a-z0-9.-]+\+json$/,
    { parseAs: 'string', bodyLimit },
    parser,
  );
}
