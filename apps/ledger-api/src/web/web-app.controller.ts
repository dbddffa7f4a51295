import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Requires } from '../auth/auth.decorators';
import type { LedgerConfig } from '../config/ledger-config';
import { notFound } from '../platform/problem/problem.exception';
import { LEDGER_CONFIG } from '../platform/store/tokens';
import { WebFiles } from './web-files';

/** Paths the API owns: an unknown one is a 404 problem, never the web app's page. */
const API_PATHS = /^\/(v1|docs|docs-json|schemas|health|ready|metrics)(\/|$)/;
/** Client-side routes are extension-less paths; a missing file (/x.js) stays a 404. */
const CLIENT_ROUTE = /^\/[A-Za-z0-9/_-]*$/;

/**
 * Serves the web app (apps/ledger-web, built into dist/web by `npm run build`): hashed assets
 * cached for a year, and index.html for `/` and every client route (history-API routing), so a
 * reload on /trainee works. The API stays under /v1 and keeps its own 404s. The page runs
 * under the service's Content-Security-Policy (platform/security): scripts from here only.
 */
@ApiExcludeController()
@Requires('web.read')
@Controller()
export class WebAppController {
  private readonly files: WebFiles;

  constructor(@Inject(LEDGER_CONFIG) config: LedgerConfig) {
    this.files = new WebFiles(config.webDir);
  }

  @Get()
  root(@Res({ passthrough: true }) reply: FastifyReply): Buffer {
    return this.page(reply);
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    const file = this.files.asset(name);
    if (!file) throw notFound(`no web asset '${name}'`);
    void reply
      .header('content-type', file.type)
      .header('cache-control', 'public, max-age=31536000, immutable');
    return file.body;
  }

  @Get('*')
  clientRoute(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Buffer {
    const path = request.url.split('?')[0] ?? '';
    if (API_PATHS.test(path) || !CLIENT_ROUTE.test(path))
      throw notFound(`no route GET ${path.slice(0, 200)}`);
    return this.page(reply);
  }

  private page(reply: FastifyReply): Buffer {
    const page = this.files.page();
    if (!page) throw notFound('the web app is not built: run `npm run build`');
    // The security headers (CSP, nosniff, no referrer) are the service-wide ones.
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache');
    return page;
  }
}
