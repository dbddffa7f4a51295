import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Every operation of the committed openapi.json (kept equal to the code by the drift test)
// declares a schema for each success response, so a client knows the body it will get.
interface Operation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const document = JSON.parse(readFileSync(join(__dirname, '../../../../openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};

const operations = Object.entries(document.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
);

describe('openapi.json response schemas', () => {
  it('covers the whole API', () => {
    expect(operations.length).toBeGreaterThan(40);
  });

  it.each(operations)('$name declares a schema for every 2xx response', ({ op }) => {
    const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
    expect(success.length).toBeGreaterThan(0);
    for (const [code, response] of success) {
      const media = Object.entries(response.content ?? {});
      expect({ code, media: media.length }).toEqual({ code, media: expect.any(Number) });
      expect(media.length).toBeGreaterThan(0);
      for (const [type, body] of media)
        expect({ code, type, schema: !!body.schema }).toEqual({ code, type, schema: true });
    }
  });
});
