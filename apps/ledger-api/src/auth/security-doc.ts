import { ROLES } from '@inr/domain';
import { POLICY, type Action, type Caller, type Rule } from './authorize';
import type { RouteEntry } from './route-table';

export const BEGIN = '<!-- BEGIN GENERATED: inr-ledger security-doc -->';
export const END = '<!-- END GENERATED -->';

const CALLERS: Caller[] = ['anyone', ...ROLES];

const RULE_TEXT: Record<Rule, string> = {
  any: 'any',
  own: 'own record',
  named: 'if named',
  'named-accredited': 'if named and accredited there',
  institution: 'own institution',
  'named-or-institution': 'if named, or own institution',
  shared: 'if shared with them',
};

/** The generated part of docs/security.md: every route, its action, and who may call it. */
export function renderPolicySection(routes: readonly RouteEntry[]): string {
  const lines = [
    BEGIN,
    '',
    '### Who may call each route',
    '',
    'Generated from `apps/ledger-api/src/auth/authorize.ts` and the routes the app serves (`inr-ledger security-doc`); a test fails when this section and the code disagree.',
    '',
    `| route | action | ${CALLERS.join(' | ')} |`,
    `|---|---|${CALLERS.map(() => '---').join('|')}|`,
  ];
  for (const route of routes) {
    const access = route.action ? POLICY[route.action] : {};
    const cells = CALLERS.map((caller) => {
      const rule = access[caller];
      return rule ? RULE_TEXT[rule] : '';
    });
    lines.push(
      `| \`${route.method} ${route.path}\` | ${route.action ? `\`${route.action}\`` : '**none: refused**'} | ${cells.join(' | ')} |`,
    );
  }
  const unused = (Object.keys(POLICY) as Action[]).filter(
    (action) => !routes.some((r) => r.action === action),
  );
  lines.push('', '### Rules', '');
  for (const [rule, text] of Object.entries(RULE_DESCRIPTIONS))
    lines.push(`- **${RULE_TEXT[rule as Rule]}**: ${text}`);
  if (unused.length > 0)
    lines.push('', `Policy rows no route uses: ${unused.map((a) => `\`${a}\``).join(', ')}.`);
  lines.push('', END);
  return lines.join('\n');
}

const RULE_DESCRIPTIONS: Record<Rule, string> = {
  any: 'every record.',
  own: "only the caller's own training record (the token's subject is the trainee).",
  named:
    'only where the record or command names the caller (the case supervisor, the assessor, the signer).',
  'named-accredited':
    "only where the record names the caller and the caller's accreditation holds today at every institution of the record.",
  institution:
    "only records whose institutions are all the token's institution (a record at two trusts needs both; a director cannot act for another trust).",
  'named-or-institution': 'either of the two above.',
  shared:
    "only records their owner shared with the caller by name, or with the caller's role as a body (a reflection shared with the panel); no other reach (institution, national) applies.",
};

/** Replaces the generated section of the document (appends one if the markers are missing). */
export function withPolicySection(document: string, section: string): string {
  const start = document.indexOf(BEGIN);
  const end = document.indexOf(END);
  if (start < 0 || end < start) return `${document.trimEnd()}\n\n${section}\n`;
  return document.slice(0, start) + section + document.slice(end + END.length);
}
