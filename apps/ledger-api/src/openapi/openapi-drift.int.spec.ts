import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpenApiText } from './write-openapi';

const COMMITTED = join(__dirname, '../../../../openapi.json');

// The committed openapi.json is the API's contract: it must be what the code generates.
// UPDATE_OPENAPI=1 rewrites it (same as `npm run openapi` after a build).
describe('committed OpenAPI document', () => {
  it('matches the document the app generates', async () => {
    const generated = await generateOpenApiText();
    if (process.env['UPDATE_OPENAPI'] === '1') writeFileSync(COMMITTED, generated);
    const committed = existsSync(COMMITTED) ? readFileSync(COMMITTED, 'utf8') : '';
    // Compared as JSON, so formatting the file (prettier) is not drift.
    if (
      !committed ||
      JSON.stringify(JSON.parse(committed)) !== JSON.stringify(JSON.parse(generated))
    ) {
      throw new Error(
        'openapi.json is out of date with the code. Run `npm run openapi` (or UPDATE_OPENAPI=1 npx jest ' +
          'apps/ledger-api/src/openapi/openapi-drift.int.spec.ts) and commit the result.',
      );
    }
    const document = JSON.parse(generated) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/cases', '/v1/cases/{caseId}/sign-off', '/v1/events/stream']),
    );
  }, 30_000);
});
