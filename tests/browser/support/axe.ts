import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

// Run as page expressions (DevTools evaluation, which the page's CSP does not block), so this
// Node-side file needs no DOM types.
const RUN_AXE = `axe.run(document, {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
}).then((r) => r.violations.map((v) => ({
  id: v.id,
  impact: v.impact,
  help: v.help,
  targets: v.nodes.slice(0, 5).map((n) => String(n.target[0])),
})))`;

/** axe-core's WCAG 2.1 A and AA rules on the page as it stands: the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate<boolean>("typeof axe === 'object'"))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>(RUN_AXE);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
