import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { findChromium, launchChromium } from '../support/web/chromium';
import { startDemoSite, type DemoSite } from '../support/web/demo-site';
import { screenshotDir, signIn } from './support/ui';

// The web app in a real browser on the demo ledger: each role signs in through the page and
// walks its main task end to end, and axe-core checks every view. One Chromium, one server,
// one seeded ledger for the whole file; the steps run in order and build on each other.
const chromiumPath = findChromium();
const suite = chromiumPath ? describe : describe.skip;
const title = chromiumPath
  ? 'web app in headless Chromium'
  : 'web app in headless Chromium (skipped: no Chromium at /usr/bin/chromium or CHROMIUM_PATH; `apt-get install chromium`, as .ci/run does)';

const TRAINEE = { id: 'trn-000vil', institution: 'inst-northmoor' };
const SUPERVISOR = { id: 'sup-0000ip', institution: 'inst-northmoor' };

suite(title, () => {
  jest.setTimeout(120_000);
  let site: DemoSite;
  let browser: Browser;
  let page: Page;
  const scratch = mkdtempSync(join(tmpdir(), 'inr-web-shots-'));
  let shots = '';
  let loggedCaseId = '';
  let primaryBefore = 0;

  beforeAll(async () => {
    shots = screenshotDir(scratch);
    [site, browser] = await Promise.all([startDemoSite(), launchChromium(chromiumPath!)]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const accessible = async (view: string): Promise<void> => {
    const violations = await seriousViolations(page);
    expect({ view, violations }).toEqual({ view, violations: [] });
  };
  const shoot = (name: string): Promise<Buffer> =>
    page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const primaryRow = () => page.getByRole('row', { name: /Thrombectomies as primary operator/ });
  const achieved = async (): Promise<number> =>
    Number(/(\d+) \/ 25/.exec((await primaryRow().textContent()) ?? '')?.[1]);

  it('sign-in page: development sign-in lists the demo people and passes axe', async () => {
    await page.goto(`${site.url}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page
      .getByLabel('Person')
      .locator(`option[value="${TRAINEE.id}"]`)
      .waitFor({ state: 'attached' });
    await accessible('sign-in');
    await shoot('sign-in');
  });

  it('trainee: sees progress per pathway with a chart per requirement', async () => {
    await signIn(page, site.url, 'Trainee', TRAINEE.id, TRAINEE.institution);
    await page.getByRole('heading', { name: 'My progress' }).waitFor();
    await primaryRow().waitFor();
    primaryBefore = await achieved();
    expect(primaryBefore).toBeGreaterThan(0);
    // One chart per requirement, each drawn from the API's evaluation over time.
    const requirements = await page.locator('table.requirements tbody tr').count();
    await page
      .locator('.chart canvas')
      .nth(requirements - 1)
      .waitFor();
    expect(await page.locator('.chart canvas').count()).toBe(requirements);
    await expect(page.getByRole('heading', { name: /Awaiting sign-off/ }).count()).resolves.toBe(1);
    await accessible('trainee');
    await shoot('trainee');
  });

  it('trainee: a patient identifier is refused with the API message, then a case is logged', async () => {
    const form = page.locator('form[aria-labelledby="log-case-title"]');
    await form.getByLabel('Supervisor').fill(SUPERVISOR.id);
    await form.getByLabel('Local reference').fill('NHS 943 476 5919');
    await form.getByRole('button', { name: 'Log case' }).click();
    await form.getByRole('alert').getByText('looks like a patient identifier').waitFor();
    await form.locator('.error').getByText('appears to contain an NHS number').waitFor();
    await accessible('trainee, refused');

    await form.getByLabel('Local reference').fill('LR-WEB-0001');
    await form.getByRole('button', { name: 'Log case' }).click();
    const logged = page.getByRole('status').filter({ hasText: 'logged' });
    await logged.waitFor();
    loggedCaseId = /Case (\S+) logged/.exec((await logged.textContent()) ?? '')?.[1] ?? '';
    expect(loggedCaseId).not.toBe('');
    await page.getByRole('cell', { name: loggedCaseId }).waitFor();
  });

  it('supervisor: finds the case in the queue, sees its details, signs it off with an entrustment rating and a corrected supervision level', async () => {
    await signIn(page, site.url, 'Supervisor', SUPERVISOR.id, SUPERVISOR.institution);
    await page.getByRole('heading', { name: 'Sign-off queue' }).waitFor();
    await page.getByRole('button', { name: new RegExp(loggedCaseId) }).click();
    await page.getByRole('heading', { name: `Case ${loggedCaseId}` }).waitFor();
    await page.getByText('LR-WEB-0001').waitFor();
    await accessible('supervisor');
    await shoot('supervisor');
    // Logged as primary-supervised at level 3: the only other level that role allows is 2.
    const level = page.getByLabel('Supervision level on the day');
    expect(await level.locator('option').allTextContents()).toEqual([
      'as recorded: 3 — indirect supervision',
      'corrected to 2 — direct supervision',
    ]);
    await level.selectOption('2');
    await page.getByLabel('Entrustment rating for next time (optional)').selectOption('4');
    await page.getByRole('button', { name: 'Sign off', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(
        `Case ${loggedCaseId} signed off. Entrustment rating 4. Supervision level corrected from 3 to 2.`,
      )
      .waitFor();
    await expect(
      page.getByRole('button', { name: new RegExp(loggedCaseId) }).count(),
    ).resolves.toBe(0);

    // The trainee's case record, as the trainee reads it (the registry may lag a moment).
    const trainee = await site.token('trainee', TRAINEE.id, TRAINEE.institution);
    let record: Record<string, unknown> | undefined;
    for (let i = 0; i < 20 && record?.['signOff'] !== 'signed-off'; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 250));
      const res = await fetch(
        `${site.url}/v1/registry/cases?traineeId=${TRAINEE.id}&performedFrom=${new Date().toISOString().slice(0, 10)}`,
        { headers: { authorization: `Bearer ${trainee}` } },
      );
      const page = (await res.json()) as { cases: Record<string, unknown>[] };
      record = page.cases.find((c) => c['caseId'] === loggedCaseId);
    }
    expect(record).toMatchObject({
      signOff: 'signed-off',
      signedOffBy: SUPERVISOR.id,
      entrustment: 4,
      supervisionLevel: 2,
      supervisionCorrection: { from: 3, by: SUPERVISOR.id },
    });
  });

  it('supervisor: a case the trainee changed after it was opened gets the 412 message', async () => {
    const trainee = await site.token('trainee', TRAINEE.id, TRAINEE.institution);
    const post = (path: string, body: unknown, ifMatch?: string) =>
      fetch(`${site.url}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${trainee}`,
          'content-type': 'application/json',
          'idempotency-key': `web-412-${path}`,
          ...(ifMatch ? { 'if-match': ifMatch } : {}),
        },
        body: JSON.stringify(body),
      });
    const logged = await post('/v1/cases', {
      institutionId: TRAINEE.institution,
      procedure: 'diagnostic-angiography',
      performedOn: new Date().toISOString().slice(0, 10),
      operatorRole: 'primary-supervised',
      supervisorId: SUPERVISOR.id,
      supervisionLevel: 3,
      localRef: 'LR-WEB-0002',
      details: {
        procedure: 'diagnostic-angiography',
        indication: 'Subarachnoid haemorrhage work-up',
        consentObtained: true,
        diagnosticSuccess: true,
        neurologicalComplication: 'none',
        accessSiteComplications: [],
      },
    });
    expect(logged.status).toBe(201);
    const caseId = String(((await logged.json()) as { id: string }).id);
    await page.reload();
    await page.getByRole('button', { name: new RegExp(caseId) }).click();
    await page.getByText('LR-WEB-0002').waitFor();
    // Meanwhile the trainee corrects the reference.
    expect(
      (
        await post(
          `/v1/cases/${caseId}/amendments`,
          { changes: { localRef: 'LR-WEB-0003' }, reason: 'Wrong reference' },
          '"0"',
        )
      ).status,
    ).toBe(201);
    await page.getByRole('button', { name: 'Sign off', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText('The trainee changed this case after you opened it')
      .waitFor();
    await page.getByRole('button', { name: 'Show the current version' }).click();
    await page.getByText('LR-WEB-0003').waitFor();
  });

  it('trainee asks for an assessment and a competency sign-off in the page, withdraws one; the supervisor sees every kind of item and answers an assessment request', async () => {
    await signIn(page, site.url, 'Trainee', TRAINEE.id, TRAINEE.institution);
    await page.getByRole('heading', { name: /My requests \(0\)/ }).waitFor();
    const form = page.locator('form[aria-labelledby="new-request-title"]');
    const send = async (waiting: number): Promise<string> => {
      await form.getByRole('button', { name: 'Send request' }).click();
      await page.getByRole('heading', { name: `My requests (${waiting})` }).waitFor();
      const sent = /Request (\S+) sent to/.exec(
        (await form.getByRole('status').textContent()) ?? '',
      );
      return sent?.[1] ?? '';
    };
    // Someone not accredited where the trainee trains: the API's refusal, as it words it.
    await form.getByLabel('Supervisor asked').fill('sup-nobody');
    await form.getByRole('button', { name: 'Send request' }).click();
    await form.getByRole('alert').getByText('ASSESSOR_NOT_ACCREDITED').waitFor();
    await accessible('trainee, request refused');

    await form.getByLabel('Supervisor asked').fill(SUPERVISOR.id);
    await form.getByLabel('Assessment', { exact: true }).selectOption('CbD');
    const unwanted = await send(1);
    await form.getByLabel('Assessment', { exact: true }).selectOption('Rad-DOPS');
    await form.getByLabel('Note to the supervisor (optional)').fill('The basilar case, please');
    const wanted = await send(2);
    await form.getByLabel('A competency sign-off').check();
    const competency = form.getByLabel('Competency', { exact: true });
    await competency.locator('option').first().waitFor({ state: 'attached' });
    const competencyId = await competency.inputValue();
    expect(await form.getByLabel('Where it is signed').inputValue()).toBe(TRAINEE.institution);
    const signOff = await send(3);
    expect(new Set([unwanted, wanted, signOff, '']).size).toBe(4);

    await page.getByRole('button', { name: `Withdraw request ${unwanted}` }).click();
    await page.getByRole('status').getByText(`Request ${unwanted} withdrawn.`).waitFor();
    await page.getByRole('heading', { name: /My requests \(2\)/ }).waitFor();
    await accessible('trainee, requests');

    await signIn(page, site.url, 'Supervisor', SUPERVISOR.id, SUPERVISOR.institution);
    const inQueue = (id: string) => page.getByRole('button', { name: new RegExp(id) });
    const item = inQueue(wanted);
    // The queue's read model may lag a moment behind the requests and the withdrawal.
    for (let i = 0; i < 10; i++) {
      await item.waitFor();
      if ((await inQueue(unwanted).count()) === 0 && (await inQueue(signOff).count()) === 1) break;
      await page.waitForTimeout(300);
      await page.reload();
    }
    expect(await inQueue(unwanted).count()).toBe(0);
    expect(await item.textContent()).toContain('assessment request: Rad-DOPS');
    expect(await inQueue(signOff).textContent()).toContain(
      `competency sign-off request: ${competencyId}`,
    );
    await item.click();
    await page.getByRole('heading', { name: `Assessment request ${wanted}` }).waitFor();
    await page.getByText('The basilar case, please').waitFor();
    await accessible('supervisor, request');
    await page.getByLabel('Outcome').selectOption('satisfactory');
    await page.getByRole('button', { name: 'Record assessment' }).click();
    await page
      .getByRole('status')
      .getByText(`Assessment for ${TRAINEE.id} recorded: satisfactory.`)
      .waitFor();
    expect(await page.getByRole('button', { name: new RegExp(wanted) }).count()).toBe(0);
  });

  it("trainee: the signed-off case moves the trainee's progress", async () => {
    await signIn(page, site.url, 'Trainee', TRAINEE.id, TRAINEE.institution);
    await primaryRow().waitFor();
    expect(await achieved()).toBe(primaryBefore + 1);
  });

  it('panel: sees the evaluation behind an application and records a decision, with the override reason it needs', async () => {
    const trainee = await site.token('trainee', TRAINEE.id, TRAINEE.institution);
    const applied = await fetch(`${site.url}/v1/applications`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${trainee}`,
        'content-type': 'application/json',
        'idempotency-key': 'web-application-1',
      },
      body: JSON.stringify({ pathwayId: 'synthetic-mt-training', pathwayVersion: '1.1.0' }),
    });
    expect(applied.status).toBe(201);
    const applicationId = String(((await applied.json()) as { id: string }).id);
    await signIn(page, site.url, 'Training panel', 'pnl-demo', TRAINEE.institution);
    await page.getByRole('heading', { name: 'Credential application' }).waitFor();
    await page.goto(`${site.url}/panel?trainee=${TRAINEE.id}&application=${applicationId}`);
    const heading = page.getByRole('heading', { name: /Evaluation under synthetic-mt-training/ });
    await heading.waitFor();
    await accessible('panel');
    await shoot('panel');
    const met = (await heading.textContent())?.includes('not met') === false;
    const form = page.locator('form[aria-labelledby="decision-title"]');
    await form.getByLabel('Outcome').selectOption('granted');
    await form.getByLabel('Reasons').fill('Case mix and sign-offs reviewed by the panel');
    if (!met) {
      // Granting against unmet requirements: the API refuses until the override says why.
      await form.getByRole('button', { name: 'Record decision' }).click();
      await form.getByRole('alert').getByText('OVERRIDE_REASON_REQUIRED').waitFor();
      await form
        .getByLabel('Reason for the override')
        .fill('Equivalent experience abroad, verified');
    }
    await form.getByRole('button', { name: 'Record decision' }).click();
    await page.getByRole('status').getByText('Decision recorded: granted').waitFor();
  });

  it('trust audit lead: sees metrics against thresholds and monthly charts, downloads the CSV', async () => {
    await signIn(page, site.url, 'Trust audit lead', 'aud-demo', TRAINEE.institution);
    await page.getByRole('heading', { name: 'Against thresholds' }).waitFor();
    await page.getByRole('row', { name: /door-to-puncture-median/ }).waitFor();
    expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(3);
    await accessible('audit');
    await shoot('audit');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`audit-${TRAINEE.institution}.csv`);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\n')[0]).toMatch(/procedure/);
    expect(text).toContain('door-to-puncture-median');
  });

  it('accreditation body: sees a decision’s provenance and its replay under the latest pathway', async () => {
    const decisionId = site.story.bundle.decision.decisionId;
    await signIn(page, site.url, 'Accreditation body', 'acc-demo', TRAINEE.institution);
    await page.getByRole('heading', { name: 'Decision provenance' }).waitFor();
    await page.goto(`${site.url}/accreditation?decision=${decisionId}`);
    await page.getByRole('heading', { name: 'Provenance', exact: true }).waitFor();
    await page.getByRole('heading', { name: /Replay under the latest pathway/ }).waitFor();
    await accessible('accreditation');
    await shoot('accreditation');
    const [bundle] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the provenance bundle' }).click(),
    ]);
    const downloaded = JSON.parse(readFileSync((await bundle.path())!, 'utf8')) as {
      format: string;
    };
    expect(downloaded.format).toBe('inr-ledger-bundle/v1');
  });

  it('public verifier: accepts the demo bundle in the browser, sending nothing, and names the first failed check of a tampered one', async () => {
    const decisionId = site.story.bundle.decision.decisionId;
    const bundleFile = join(site.dataDir, `bundle-${decisionId}.json`);
    const policyFile = join(site.dataDir, 'trust-policy.txt');
    await page.goto(`${site.url}/verify`);
    await page.getByLabel('Provenance bundle').setInputFiles(bundleFile);
    await page.getByLabel('Trust policy').setInputFiles(policyFile);
    const sent: string[] = [];
    page.on('request', (r) => {
      if (!new URL(r.url()).pathname.startsWith('/assets/')) sent.push(`${r.method()} ${r.url()}`);
    });
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByRole('heading', { name: /Verified/ }).waitFor({ timeout: 60_000 });
    await page.getByText('every check passed').waitFor();
    await accessible('verifier');
    await shoot('verifier');

    // One byte of one event's leaf changed: its inclusion proof no longer leads to the root.
    const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as {
      events: { leaf: string; leafIndex: number }[];
    };
    const victim = bundle.events.find((e) => e.leaf.includes('"performedOn":"'))!;
    victim.leaf = victim.leaf.replace(/"performedOn":"(\d{4})/, '"performedOn":"1999');
    const tampered = join(scratch, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(bundle));
    await page.getByLabel('Provenance bundle').setInputFiles(tampered);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain(`inclusion at leaf ${victim.leafIndex}`);
    expect(sent).toEqual([]);
  });

  // Last: the revocation for cause below flags decisions; the steps above read them unflagged.
  it('panel: sees the decisions flagged after a signer was revoked for cause and resolves one', async () => {
    const decisionId = site.story.bundle.decision.decisionId;
    const bundle = readFileSync(join(site.dataDir, `bundle-${decisionId}.json`), 'utf8');
    const signer = /CaseSignedOff[^]*?\\"supervisorId\\":\\"([^\\"]+)/.exec(bundle)?.[1];
    expect(signer).toBeDefined();
    const admin = await site.token('admin', 'adm-demo', TRAINEE.institution);
    const revoked = await fetch(`${site.url}/v1/supervisors/${signer}/revocations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': 'application/json',
        'idempotency-key': 'web-revocation-for-cause',
      },
      body: JSON.stringify({ reason: 'Fitness to practise finding', forCause: true }),
    });
    expect(revoked.status).toBe(201);
    const flagged = ((await revoked.json()) as { flaggedForReview: string[] }).flaggedForReview;
    expect(flagged.length).toBeGreaterThan(0);

    await signIn(page, site.url, 'Training panel', 'pnl-demo', TRAINEE.institution);
    const first = page.getByRole('button', { name: `Resolve ${flagged[0]!.slice(0, 8)}` });
    await first.waitFor();
    await accessible('panel, review flags');
    await first.click();
    await page.getByLabel('Resolution').selectOption('credential-stands');
    await page
      .getByLabel("The panel's reasons")
      .fill('Sign-offs re-checked by a second supervisor');
    await page.getByRole('button', { name: 'Record resolution' }).click();
    await page.getByRole('status').getByText('Review resolved').waitFor();
    expect(await first.count()).toBe(0);
  });

  it('data-protection officer: reads a subject access, then erases the person with a reason', async () => {
    await signIn(page, site.url, 'Data-protection officer', 'dpo-demo', TRAINEE.institution);
    await page
      .getByRole('heading', { name: 'Personal data', exact: true })
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        throw new Error(`${String(e)} at ${page.url()}: ${await page.locator('body').innerText()}`);
      });
    await page.getByLabel('Person (pseudonymous id)').fill(TRAINEE.id);
    await page.getByRole('button', { name: 'Show what the ledger holds' }).click();
    // Subject access is one pass over the ledger (16k events here): slow under load.
    await page.getByRole('heading', { name: /personal data held$/ }).waitFor({ timeout: 60_000 });
    await accessible('data protection');
    await shoot('privacy');
    const erase = page.getByRole('button', { name: 'Erase', exact: true });
    expect(await erase.isDisabled()).toBe(true);
    await page.getByLabel('Reason for the erasure').fill('Subject request under Article 17');
    await page.getByLabel(/I have checked the person/).check();
    await erase.click();
    await page
      .getByRole('status')
      .getByText(`The personal data of ${TRAINEE.id} is erased.`)
      .waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: /personal data erased$/ }).waitFor();
    await page.getByText('Subject request under Article 17').waitFor();
  });
});
