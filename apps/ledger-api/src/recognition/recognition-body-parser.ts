import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseJsonBytes } from '../platform/json-body/parse-json-body';
import { ProblemException } from '../platform/problem/problem.exception';

/** The media type of a recognition request whose trainee bundle is larger than a command body. */
export const RECOGNITION_MEDIA_TYPE = 'application/vnd.inr-ledger.recognition+json';
const RECOGNITION_ROUTE = '/v1/trainees/:traineeId/recognitions';

/**
 * A trainee's whole record with its proofs is far larger than any command, so a recognition may
 * be sent as RECOGNITION_MEDIA_TYPE, parsed by the same strict JSON parser under its own limit
 * (LEDGER_RECOGNITION_BODY_LIMIT). Only the recognition route takes it: elsewhere it is a 415,
 * so the larger limit cannot be used to send big bodies to other routes.
 */
export function installRecognitionBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.addContentTypeParser(
    RECOGNITION_MEDIA_TYPE,
    { parseAs: 'buffer', bodyLimit },
    (request: FastifyRequest, body: string | Buffer, done) => {
      if (request.routeOptions.url !== RECOGNITION_ROUTE) {
        done(
          new ProblemException(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            `${RECOGNITION_MEDIA_TYPE} is taken only by POST ${RECOGNITION_ROUTE}`,
          ),
          undefined,
        );
        return;
      }
      const parsed = parseJsonBytes(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
      if (parsed.ok) done(null, parsed.value);
      else done(parsed.problem, undefined);
    },
  );
}
