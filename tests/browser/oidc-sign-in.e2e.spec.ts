import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createApp, loadConfig } from '@inr/ledger-api';
import { startOidcProvider, type OidcProvider } from '../support/identity/oidc-provider';
import { buildWebApp } from '../support/web/build-web';
import { findChromium, launchChromium } from '../support/web/chromium';

// The web app's production sign-in against a real (local) OpenID Connect provider: the
// authorisation code flow with PKCE in Chromium, then the API accepting the provider's token.
const chromiumPath = findChromium();
const suite = chromiumPath ? describe : describe.skip;
const title = chromiumPath
  ? 'OIDC sign-in of the web app in headless Chromium'
  : 'OIDC sign-in of the web app in headless Chromium (skipped: no Chromium at /usr/bin/chromium or CHROMIUM_PATH; `apt-get install chromium`, as .ci/run does)';

const CLIENT_ID = 'inr-ledger-web';
const AUDIENCE = 'inr-ledger';
const TRAINEE = { sub: 'trn-oidc01', role: 'trainee', institution: 'inst-northmoor' };

suite(title, () => {
  jest.setTimeout(60_000);
  const root = mkdtempSync(join(tmpdir(), 'inr-web-oidc-'));
  let idp: OidcProvider;
  let app: NestFastifyApplication;
  let browser: Browser;
  let page: Page;
  let url = '';

  beforeAll(async () => {
    const webDir = join(root, 'web');
    let launched: Browser;
    [idp, launched] = await Promise.all([
      startOidcProvider({ clientId: CLIENT_ID, audience: AUDIENCE, person: TRAINEE }),
      launchChromium(chromiumPath!),
      buildWebApp(webDir),
    ]).then(([p, b]) => [p, b] as const);
    browser = launched;
    const config = loadConfig({
      LEDGER_DATA_DIR: join(root, 'data'),
      LEDGER_WEB_DIR: webDir,
      LOG_LEVEL: 'silent',
      LEDGER_JWKS_URL: idp.jwksUrl,
      LEDGER_JWT_ISSUER: idp.issuer,
      LEDGER_JWT_AUDIENCE: AUDIENCE,
      LEDGER_OIDC_ISSUER: idp.issuer,
      LEDGER_OIDC_CLIENT_ID: CLIENT_ID,
    });
    app = await createApp(config, { shutdownHooks: false });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    idp.redirectUri = `${url}/auth/callback`;
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await idp?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const startSignIn = async (): Promise<void> => {
    await page.goto(`${url}/`);
    await page.getByText(`account at ${new URL(idp.issuer).host}`).waitFor();
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
  };

  it('a code whose verifier does not match the challenge is refused, and the page says so', async () => {
    // An attacker holding an intercepted code lacks the verifier: swap it on the way out.
    await page.route(`${idp.issuer}/token`, (route) => {
      const form = new URLSearchParams(route.request().postData() ?? '');
      form.set('code_verifier', 'x'.repeat(43));
      return route.continue({ postData: form.toString() });
    });
    await startSignIn();
    await page
      .getByText("the identity provider's token endpoint answered 400 (invalid_grant)")
      .waitFor();
    await page.unroute(`${idp.issuer}/token`);
  });

  it("signs the trainee in at the provider and the API accepts the provider's token", async () => {
    await startSignIn();
    await page.getByRole('heading', { name: 'My progress' }).waitFor();
    await page.locator('header').getByText(TRAINEE.sub).waitFor();
    // GET /v1/trainees/{id}/status got past the JWKS check to the ledger (a refused token is a
    // 401); this person has logged nothing yet, so the ledger does not know them.
    await page.getByText(`no trainee '${TRAINEE.sub}' in the ledger`).waitFor();
    await expect(page.getByText('UNAUTHENTICATED').count()).resolves.toBe(0);
  });
});
