import {
  Agent,
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { PROBLEM_CONTENT_TYPE } from '../platform/problem/problem-codes';
import { toProblem } from '../platform/problem/to-problem';
import { writerUnavailable } from './writer-client';

/** Headers that describe one connection, not the message: never passed on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

/** The worker's own routes (command POSTs), matched on the path as Fastify's router would. */
export class LocalRoutes {
  private readonly patterns: RegExp[] = [];

  add(route: { method: string | string[]; url: string }): void {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST')) return;
    const path = route.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+');
    this.patterns.push(new RegExp(`^${path}$`));
  }

  has(req: IncomingMessage): boolean {
    if (req.method !== 'POST') return false;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    return this.patterns.some((p) => p.test(path));
  }
}

/**
 * Fastify's `serverFactory` for an HTTP worker: its own routes go to its Fastify; every other
 * request (reads, the live feed, the ledger's endpoints, the other writes) is passed to the
 * writer over its private socket as it came, with the client's address added to
 * X-Forwarded-For (the writer trusts one hop more than the configured proxies).
 */
export function proxyingServerFactory(writerSocket: string, local: LocalRoutes) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  return (fastify: RequestListener): Server =>
    createServer((req, res) => {
      if (local.has(req)) fastify(req, res);
      else forward(req, res, writerSocket, agent);
    });
}

function forward(
  req: IncomingMessage,
  res: ServerResponse,
  socketPath: string,
  agent: Agent,
): void {
  const headers = withoutHopByHop(req.headers);
  const previous = req.headers['x-forwarded-for'];
  const client = req.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = previous ? `${String(previous)}, ${client}` : client;
  const upstream = request(
    { agent, socketPath, method: req.method, path: req.url, headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      answer.pipe(res);
    },
  );
  upstream.on('error', () => unavailable(req, res));
  // The client went away (a live feed closed, a request cut off): so does the writer's side.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (!HOP_BY_HOP.has(name) && value !== undefined) kept[name] = value;
  return kept;
}

function unavailable(req: IncomingMessage, res: ServerResponse): void {
  if (res.headersSent) return void res.destroy();
  const error = writerUnavailable();
  const problem = toProblem(error, { url: req.url ?? '/', headers: req.headers });
  res.writeHead(problem.status, {
    'content-type': PROBLEM_CONTENT_TYPE,
    'retry-after': String(error.retryAfterSeconds),
  });
  res.end(JSON.stringify(problem));
}
