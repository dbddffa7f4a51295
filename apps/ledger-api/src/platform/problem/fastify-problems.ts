import type { Socket } from 'node:net';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { codeFor, PROBLEM_CONTENT_TYPE, problemType, titleFor } from './problem-codes';
import { ProblemException, type ProblemDetails } from './problem.exception';
import { toProblem } from './to-problem';

/** Fastify's own client errors, each with the ledger's stable code (others: by status). */
const FASTIFY_CODES: Readonly<Record<string, string>> = {
  FST_ERR_BAD_URL: 'MALFORMED_URL',
  FST_ERR_INVALID_URL: 'MALFORMED_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'URI_TOO_LONG',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_ROUTE_MISSING_CONTENT: 'MALFORMED_JSON',
};

/**
 * A client error Fastify raised itself (FST_ERR_* with a 4xx status), as a problem with a stable
 * code; undefined for anything else. Its 5xx errors stay errors: they are bugs.
 */
export function fastifyClientProblem(error: unknown): ProblemException | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (typeof code !== 'string' || !code.startsWith('FST_ERR_')) return undefined;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  return new ProblemException(
    statusCode,
    FASTIFY_CODES[code] ?? codeFor(statusCode),
    error.message,
  );
}

/**
 * Nest turns a Fastify error into a bare HttpException (status and message, not its code) before
 * the exception filter sees it; this adapter hands the filter our problem instead, so a bad
 * Content-Length or media type keeps a stable code.
 */
export class ProblemFastifyAdapter extends FastifyAdapter {
  override setErrorHandler(
    handler: Parameters<FastifyAdapter['setErrorHandler']>[0],
  ): ReturnType<FastifyAdapter['setErrorHandler']> {
    const wrapped: typeof handler = function (this, error, request, reply) {
      return handler.call(this, fastifyClientProblem(error) ?? error, request, reply) as unknown;
    };
    return super.setErrorHandler(wrapped);
  }
}

/**
 * Fastify's `frameworkErrors`: URLs its router refuses before any route or hook runs (a malformed
 * percent-escape, an over-long parameter). Answered here, as problem+json.
 */
export function frameworkErrors(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const problem = toProblem(
    fastifyClientProblem(error) ?? new ProblemException(400, 'MALFORMED_URL', error.message),
    { url: safeUrl(request.url), headers: request.headers },
  );
  sendProblem(reply, problem);
}

/** Sends problem details as the response (with Retry-After when given). */
export function sendProblem(
  reply: FastifyReply,
  problem: ProblemDetails,
  retryAfterSeconds?: number,
): void {
  if (retryAfterSeconds !== undefined) void reply.header('retry-after', String(retryAfterSeconds));
  void reply
    .status(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem));
}

/**
 * Node's `clientError`: requests the HTTP parser refuses (malformed, headers too large, too slow)
 * never reach Fastify; the socket gets a problem+json answer and is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'REQUEST_TIMEOUT']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'HEADERS_TOO_LARGE']
        : [400, 'MALFORMED_REQUEST'];
  const problem: ProblemDetails = {
    type: problemType(code),
    title: titleFor(status),
    status,
    detail: 'the HTTP request could not be parsed',
    code,
    instance: '/',
  };
  const body = JSON.stringify(problem);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${problem.title}\r\nConnection: close\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  socket.destroy(error);
}

/** The path, even when it holds an escape that cannot be decoded (the instance member). */
function safeUrl(url: string): string {
  return url.length > 512 ? url.slice(0, 512) : url;
}
