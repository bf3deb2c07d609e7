import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { baseUrl, desktop, launch, phone, screenshot, signUpWithKey } from './browser.mjs';

let browser;
let context;
let runId;

before(async () => {
  browser = await launch();
  context = await browser.newContext(desktop);
  await context.addInitScript(() => localStorage.setItem('faultline.theme', localStorage.getItem('faultline.theme') ?? 'light'));
  const key = await signUpWithKey(context, 'Zones Co', ['ingest']);
  const common = { provider: 'github', repository: 'acme/api', pipeline: 'CI', branch: 'main', commitSha: '9f2c1e7' };
  // 03:30 UTC on 7 December: the evening of the 6th in Los Angeles.
  const ingest = await context.request.post(baseUrl + '/api/v1/events', { headers: { Authorization: `Bearer ${key}` }, data: [
    { ...common, type: 'run', externalId: 'r1', status: 'failure', startedAt: '2026-12-07T03:30:00Z', finishedAt: '2026-12-07T03:42:00Z' },
  ] });
  runId = (await ingest.json()).items[0].id;
});

after(() => browser?.close());

describe('organisation settings', () => {
  it('changes the time zone, and every time on screen follows it', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/settings`);
    const zone = page.getByLabel('Time zone');
    await zone.waitFor();
    assert.equal(await zone.inputValue(), 'UTC');

    await zone.fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/is not an IANA time zone/).waitFor();

    await zone.fill('America/Los_Angeles');
    await page.getByLabel('Organisation name').fill('Zones West');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'midnight in America/Los_Angeles' }).waitFor();
    await screenshot(page, 'settings-light-desktop');

    await page.goto(`${baseUrl}/runs/${runId}`);
    const started = page.locator('dt', { hasText: 'Started' }).locator('xpath=following-sibling::dd[1]');
    await started.waitFor();
    assert.match(await started.textContent(), /Dec 6, 2026|6 Dec 2026/);
    await page.close();
  });

  it('is usable on a phone in the dark theme', async () => {
    const dark = await browser.newContext({ ...phone, storageState: await context.storageState() });
    await dark.addInitScript(() => localStorage.setItem('faultline.theme', 'dark'));
    const page = await dark.newPage();
    await page.goto(`${baseUrl}/settings`);
    await page.getByLabel('Runner minute', { exact: false }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    await screenshot(page, 'settings-dark-phone');
    await dark.close();
  });
});
