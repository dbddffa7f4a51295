// docs/ledger-format.md §14 is the log's HTTP API for outside verifiers. It drifts silently
// when a route is added or its policy row changes, so this compares it with the two
// documents generated from the code: openapi.json (routes) and docs/security.md (who may call).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/** The log's routes and the artefacts built on it: everything a verifier calls. */
const isLogRoute = (path: string): boolean =>
  path.startsWith('/v1/ledger/') || path.startsWith('/v1/witness/') || path.endsWith('/bundle');

function openApiRoutes(): string[] {
  const doc = JSON.parse(read('openapi.json')) as { paths: Record<string, object> };
  return Object.entries(doc.paths)
    .filter(([path]) => isLogRoute(path))
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

/** Rows of §14's route table: route → "who may call" cell. */
function documentedRoutes(format: string): Map<string, string> {
  const section = format.slice(format.indexOf('## 14.'));
  const rows = new Map<string, string>();
  for (const [, route, who] of section.matchAll(/^\| `((?:GET|POST) [^`]+)` \| ([^|]+) \|/gm))
    rows.set(route as string, (who as string).trim());
  return rows;
}

/** docs/security.md writes /a/:id and tile/*; OpenAPI writes /a/{id} and tile/{path}. */
const securityPath = (route: string): string =>
  route.replace('/tlog/tile/{path}', '/tlog/tile/*').replace(/\{(\w+)\}/g, ':$1');

/** The "who may call" cell rendered from the route's row in docs/security.md. */
function whoFromSecurityDoc(security: string, route: string): string | undefined {
  const header = /^\| route \| action \| (.+) \|$/m.exec(security)?.[1]?.split(' | ') ?? [];
  const line = security.split('\n').find((l) => l.startsWith(`| \`${securityPath(route)}\` |`));
  if (!line) return undefined;
  const cells = line
    .split('|')
    .slice(3, -1)
    .map((c) => c.trim());
  if (cells[0] === 'any') return 'anyone';
  const groups = new Map<string, string[]>();
  header.forEach((caller, i) => {
    const rule = cells[i] ?? '';
    if (rule !== '') groups.set(rule, [...(groups.get(rule) ?? []), caller]);
  });
  return [...groups].map(([rule, callers]) => `${callers.join(', ')}: ${rule}`).join('; ');
}

describe('docs/ledger-format.md §14 documents the log HTTP API', () => {
  const format = read('docs/ledger-format.md');
  const documented = documentedRoutes(format);

  it('lists exactly the log routes openapi.json has', () => {
    const routes = openApiRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect([...documented.keys()].sort()).toEqual(routes);
  });

  it('gives every route its own subsection', () => {
    const headings = format.match(/^### 14\.\d+ .*$/gm) ?? [];
    const missing = [...documented.keys()].filter(
      (route) => !headings.some((h) => h.includes(`\`${route}`)),
    );
    expect(missing).toEqual([]);
  });

  it('says who may call each route as the authorisation policy does', () => {
    const security = read('docs/security.md');
    for (const [route, who] of documented)
      expect({ route, who }).toEqual({ route, who: whoFromSecurityDoc(security, route) });
  });

  it('renders a policy row the way the table writes it', () => {
    const security = [
      '| route | action | anyone | trainee | panel | admin |',
      '| `GET /v1/x/:id/bundle` | `x.read` |  | own record | any | any |',
    ].join('\n');
    expect(whoFromSecurityDoc(security, 'GET /v1/x/{id}/bundle')).toBe(
      'trainee: own record; panel, admin: any',
    );
  });
});
