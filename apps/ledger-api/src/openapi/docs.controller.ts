import { Controller, Get, Header, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiExcludeController, type OpenAPIObject } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Requires } from '../auth/auth.decorators';
import { notFound } from '../platform/problem/problem.exception';
import { OpenApiHolder } from './openapi-holder';

/**
 * The Swagger UI files we serve from swagger-ui-dist (no @fastify/static needed), with their
 * types. A Map, not an object: a name like `constructor` must find nothing.
 */
const ASSETS: ReadonlyMap<string, string> = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'application/javascript; charset=utf-8'],
  ['swagger-ui-standalone-preset.js', 'application/javascript; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
]);

/** Starts the UI; a file rather than an inline script, so the CSP allows scripts from 'self' only. */
const START_SCRIPT = 'docs-start.js';
const START = `if (window.SwaggerUIBundle) window.ui = SwaggerUIBundle({ url: '/docs-json', dom_id: '#ui', deepLinking: true, validatorUrl: null });
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><title>inr-ledger API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<link rel="icon" href="/docs/assets/favicon-32x32.png">
</head>
<body>
<div id="ui"><p>The OpenAPI document is at <a href="/docs-json">/docs-json</a>.</p></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/${START_SCRIPT}"></script>
</body>
</html>
`;

@ApiExcludeController()
@Requires('docs.read')
@Controller()
export class DocsController {
  private readonly assetsDir: string | undefined = locateSwaggerUi();
  private readonly cache = new Map<string, Buffer>();

  constructor(@Inject(OpenApiHolder) private readonly holder: OpenApiHolder) {}

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Get('docs-json')
  document(): OpenAPIObject {
    if (!this.holder.document) throw notFound('the OpenAPI document is not built yet');
    return this.holder.document;
  }

  @Get('docs/assets/:name')
  asset(@Param('name') name: string, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    if (name === START_SCRIPT) {
      void reply.header('content-type', 'application/javascript; charset=utf-8');
      return Buffer.from(START);
    }
    const type = ASSETS.get(name);
    if (!type || !this.assetsDir) throw notFound(`no asset '${name}'`);
    let body = this.cache.get(name);
    if (!body) {
      body = readFileSync(join(this.assetsDir, name));
      this.cache.set(name, body);
    }
    void reply.header('content-type', type).header('cache-control', 'public, max-age=86400');
    return body;
  }
}

function locateSwaggerUi(): string | undefined {
  try {
    return dirname(require.resolve('swagger-ui-dist/package.json'));
  } catch {
    return undefined;
  }
}
