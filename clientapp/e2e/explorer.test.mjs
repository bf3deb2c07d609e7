import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { baseUrl, desktop, launch, phone, screenshot, signUpWithKey } from './browser.mjs';

let browser;
let context;
let runId;
let jobId;

before(async () => {
  browser = await launch();
  context = await browser.newContext(desktop);
  await context.addInitScript(() => localStorage.setItem('faultline.theme', localStorage.getItem('faultline.theme') ?? 'light'));

  const key = await signUpWithKey(context, 'Explorer Co', ['ingest']);
  const auth = { Authorization: `Bearer ${key}` };
  const at = (minutes) => new Date(Date.UTC(2026, 10, 20, 10, minutes)).toISOString();
  const common = { provider: 'github', repository: 'acme/api', pipeline: 'CI', branch: 'main', commitSha: '9f2c1e7' };
  const ingest = await context.request.post(baseUrl + '/api/v1/events', { headers: auth, data: [
    { ...common, type: 'run', externalId: 'r1', status: 'failure', startedAt: at(0), finishedAt: at(12), actor: 'ann', trigger: 'push' },
    { ...common, type: 'job', externalId: 'j1', runExternalId: 'r1', name: 'build', status: 'success', startedAt: at(0), finishedAt: at(4) },
    { ...common, type: 'job', externalId: 'j2', runExternalId: 'r1', name: 'unit-tests', status: 'failure', startedAt: at(4), finishedAt: at(12) },
  ] });
  const items = (await ingest.json()).items;
  runId = items[0].id;
  jobId = items[2].id;

  // About 5 MB: a long test run whose failure is near the end.
  const lines = Array.from({ length: 90_000 }, (_, i) => `2026-11-20T10:0${i % 10}:00Z  PASS  suite ${i} › renders the component correctly (12 ms)`);
  lines.splice(89_000, 0, '\u001b[31mFAIL  src/cart.test.ts › removes the last item: expected 0, received 1\u001b[0m');
  const upload = await context.request.put(`${baseUrl}/api/v1/jobs/${jobId}/log`, { headers: { ...auth, 'Content-Type': 'text/plain' }, data: lines.join('\n') });
  assert.equal(upload.status(), 200);
});

after(() => browser?.close());

describe('runs explorer', () => {
  it('lists runs, filters them, and drills into a run and a job', async () => {
    const page = await context.newPage();
    await page.goto(baseUrl + '/runs');
    const row = page.getByRole('row', { name: /acme\/api · CI/ });
    await row.waitFor();
    assert.match(await row.textContent(), /Failed/);
    assert.match(await row.textContent(), /12 min 00 s/);
    await screenshot(page, 'runs-light-desktop');

    await page.getByLabel('Status').selectOption('success');
    await page.getByText('Nothing matches.').waitFor();
    await page.getByLabel('Status').selectOption('failure');
    await row.waitFor();
    assert.match(page.url(), /status=failure/);

    await page.getByRole('link', { name: 'acme/api · CI' }).click();
    await page.getByRole('heading', { name: /acme\/api · CI/ }).waitFor();
    await page.getByRole('link', { name: 'unit-tests' }).click();
    await page.getByRole('heading', { name: /unit-tests/ }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/jobs/${jobId}`);
    await page.close();
  });

  it('shows a 5 MB log smoothly: few lines in the page, search, and a jump to the first error', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/jobs/${jobId}`);
    await page.getByRole('log').waitFor();
    await page.getByText('90,001 lines').waitFor();
    const rendered = await page.locator('.log-line').count();
    assert.ok(rendered < 200, `${rendered} lines in the DOM`);

    await page.getByRole('button', { name: 'Jump to first error' }).click();
    const failure = page.locator('.log-line.error', { hasText: 'FAIL  src/cart.test.ts' });
    await failure.waitFor();
    assert.equal(await failure.getAttribute('data-line'), '89001');
    await screenshot(page, 'job-log-light-desktop');

    await page.getByLabel('Search the log').fill('suite 4242 ');
    await page.getByText('1 / 1').waitFor();
    await page.locator('.log-line.current', { hasText: 'suite 4242 ' }).waitFor();
    await page.close();
  });

  it('reads well on a phone in the dark theme', async () => {
    const phoneContext = await browser.newContext(phone);
    await phoneContext.addCookies(await context.cookies());
    await phoneContext.addInitScript(() => localStorage.setItem('faultline.theme', 'dark'));
    const page = await phoneContext.newPage();
    await page.goto(`${baseUrl}/runs/${runId}`);
    await page.getByRole('link', { name: 'unit-tests' }).waitFor();
    const overflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflows, false, 'the run page scrolls sideways on a phone');
    await screenshot(page, 'run-dark-phone');
    await page.goto(`${baseUrl}/jobs/${jobId}`);
    await page.getByRole('log').waitFor();
    await page.getByRole('button', { name: 'Jump to first error' }).click();
    await page.locator('.log-line.error').first().waitFor();
    await screenshot(page, 'job-log-dark-phone');
    await phoneContext.close();
  });
});
