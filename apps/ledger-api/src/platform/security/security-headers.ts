import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The Content-Security-Policy of every response, in one place: the JSON API needs none of it,
 * but the same origin serves the Swagger UI at /docs (and may serve a browser app at `/`), so the
 * policy allows what a same-origin page needs and nothing else: scripts, fonts and fetches from
 * this origin only (no inline script: /docs loads its start-up script as a file), images from
 * here or `data:` URLs, inline style attributes (Swagger UI sets them), no plugins, no framing,
 * no <base> changes. A page served here that needs more changes this object, and only this.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Security headers on every response (helmet): the CSP above; HSTS (ignored by browsers
 * over plain HTTP, kept once TLS fronts the service); nosniff, so JSON is never run as script;
 * no Referer leaves the service; same-origin opener; no framing. Cross-origin reads of the public
 * log (checkpoints, tiles, proofs) are a CORS question, not CORP's: resources are same-site.
 *
 * The set is the same for every response (no nonces, no per-request directives), so helmet runs
 * once here and the hook only copies its headers: the Fastify plugin rebuilt helmet's middleware,
 * CSP parsing included, on every request (about 3% of a logged case's time on the server).
 */
export function securityHeaders(oidcIssuer?: string): Readonly<Record<string, string>> {
  // The web app (served at /) trades its sign-in code for tokens at the identity provider.
  const extra: Record<string, string[]> = oidcIssuer
    ? { connectSrc: [new URL(oidcIssuer).origin] }
    : {};
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(
        Object.entries(CONTENT_SECURITY_POLICY).map(([name, values]) => [
          name,
          [...values, ...(extra[name] ?? [])],
        ]),
      ),
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  middleware({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export function registerSecurityHeaders(app: NestFastifyApplication, oidcIssuer?: string): void {
  const headers = securityHeaders(oidcIssuer);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_request, reply, done) => {
      void reply.headers(headers);
      done();
    });
}
