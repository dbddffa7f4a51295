import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Where view screenshots go: docs/screenshots when LEDGER_SCREENSHOTS=1 (how the README's
 * pictures are refreshed), else a scratch folder, so an ordinary test run changes no file.
 */
export function screenshotDir(scratch: string): string {
  const dir =
    process.env['LEDGER_SCREENSHOTS'] === '1'
      ? resolve(__dirname, '..', '..', '..', 'docs', 'screenshots')
      : join(scratch, 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The development sign-in page, as a person uses it: role, then who, then where. */
export async function signIn(
  page: Page,
  site: string,
  role: string,
  person: string,
  institution: string,
): Promise<void> {
  await page.goto(`${site}/`);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) {
    await signOut.click();
  }
  await page.getByLabel('Role').selectOption({ label: role });
  // Trainees and supervisors are picked from the ledger's people; other roles type their id.
  if (role === 'Trainee' || role === 'Supervisor')
    await page.getByLabel('Person').selectOption(person);
  else await page.getByLabel('Your id').fill(person);
  await page.getByLabel('Institution').selectOption(institution);
  await page.getByRole('button', { name: /^Sign in as/ }).click();
}
