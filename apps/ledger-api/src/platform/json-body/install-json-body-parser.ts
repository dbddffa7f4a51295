import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseJsonBytes } from './parse-json-body';

/**
 * Replaces Fastify's body parsers with one strict JSON parser: every other media type gets 415,
 * bytes that are not UTF-8 or strings that are not well-formed Unicode an INVALID_UNICODE
 * problem, malformed JSON a MALFORMED_JSON problem, and hostile shapes are refused before
 * validation. The raw bytes are kept (parseAs buffer): decoding to a string first would turn
 * invalid UTF-8 into U+FFFD and hide it.
 */
export function installJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  const parser = (
    _request: FastifyRequest,
    body: string | Buffer,
    done: (error: Error | null, value?: unknown) => void,
  ) => {
    const parsed = parseJsonBytes(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
    if (parsed.ok) done(null, parsed.value);
    else done(parsed.problem, undefined);
  };
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, parser);
  fastify.addContentTypeParser(
    /^application\/[a-z0-9.-]+\+json$/,
    { parseAs: 'buffer', bodyLimit },
    parser,
  );
}
