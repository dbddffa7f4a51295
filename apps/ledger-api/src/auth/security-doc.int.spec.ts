import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoutes } from './write-security-doc';
import { BEGIN, END, renderPolicySection } from './security-doc';
import { POLICY } from './authorize';

const COMMITTED = join(__dirname, '../../../../docs/security.md');

describe('the authorisation policy covers every route', () => {
  let routes: Awaited<ReturnType<typeof appRoutes>>;
  beforeAll(async () => {
    routes = await appRoutes();
  }, 30_000);

  it('gives every route the app serves a row of POLICY (none is refused for lack of one)', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => r.action === undefined || !(r.action in POLICY))).toEqual([]);
  });

  it('matches the generated section of the committed docs/security.md', () => {
    const committed = existsSync(COMMITTED) ? readFileSync(COMMITTED, 'utf8') : '';
    const start = committed.indexOf(BEGIN);
    const end = committed.indexOf(END);
    const section = start >= 0 && end > start ? committed.slice(start, end + END.length) : '';
    if (normalise(section) !== normalise(renderPolicySection(routes)))
      throw new Error(
        'docs/security.md is out of date with the policy or the routes: run `npm run build && npm run cli -- security-doc` and commit it.',
      );
  });
});

/** Prettier pads markdown tables and wraps lines; compare the words, not the layout. */
function normalise(text: string): string {
  return text
    .replace(/:?-{3,}:?/g, '---')
    .replace(/\s+/g, ' ')
    .replace(/ ?\| ?/g, '|');
}
