import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';

export const ADD_CHECKPOINT_PATH = '/v1/witness/add-checkpoint';
/** C2SP bounds a request by its proof (63 lines) and note; 64 KiB is far above both. */
const WITNESS_BODY_LIMIT = 64 * 1024;

/**
 * The app accepts only JSON bodies; the witness protocol is plain text. This catch-all parser
 * reads the text for add-checkpoint only and answers 415, as before, everywhere else.
 */
export function installWitnessBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    '*',
    { parseAs: 'string', bodyLimit: WITNESS_BODY_LIMIT },
    (
      request: FastifyRequest,
      body: string | Buffer,
      done: (error: Error | null, value?: unknown) => void,
    ) => {
      if (request.routeOptions.url === ADD_CHECKPOINT_PATH) {
        done(null, typeof body === 'string' ? body : body.toString('utf8'));
      } else {
        done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers['content-type'] ?? ''));
      }
    },
  );
}
