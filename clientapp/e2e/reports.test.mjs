import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { baseUrl, desktop, launch, phone, screenshot, signUpWithKey } from './browser.mjs';

let browser;
let context;

before(async () => {
  browser = await launch();
  context = await browser.newContext(desktop);
  await context.addInitScript(() => localStorage.setItem('faultline.theme', localStorage.getItem('faultline.theme') ?? 'light'));
  await signUpWithKey(context, 'Reports Co', ['read']);
});

after(() => browser?.close());

async function open(path, browserContext = context) {
  const page = await browserContext.newPage();
  page.on('pageerror', (error) => assert.fail(error.message));
  await page.goto(baseUrl + path);
  return page;
}

describe('reports', () => {
  it('creates a monthly report with the next runs the server computes, then pauses it', async () => {
    const page = await open('/reports');
    await page.getByRole('button', { name: 'New report' }).click();
    const form = page.getByRole('form', { name: 'New report' });
    await form.getByLabel('Name').fill('Monthly CI health');
    await form.getByLabel('E-mail recipients').fill('lead@example.test, team@example.test');
    await form.getByLabel('Every').selectOption('monthly');
    await form.getByLabel('Day of the month').fill('31');
    await form.getByLabel('Time of day').fill('06:30');
    await form.getByLabel('Time zone').fill('America/New_York');
    const nextRuns = form.getByRole('status', { name: 'Next runs' });
    await nextRuns.getByText('Next runs (America/New_York)').waitFor();
    assert.equal(await nextRuns.getByRole('listitem').count(), 3);
    await screenshot(page, 'reports-form-light-1280');

    await form.getByRole('button', { name: 'Create report' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Monthly CI health' });
    await row.getByText("Monthly on day 31 at 06:30 (or the month's last day)").waitFor();
    await row.getByRole('button', { name: 'Pause' }).click();
    await row.getByText('Paused').waitFor();
    await row.getByRole('button', { name: 'History' }).click();
    await page.getByText('No runs yet.').waitFor();
    await screenshot(page, 'reports-list-light-1280');
    await page.close();
  });

  it('refuses a malformed address beside its field, in the dark on a phone', async () => {
    const phoneContext = await browser.newContext({ ...phone, storageState: await context.storageState() });
    await phoneContext.addInitScript(() => localStorage.setItem('faultline.theme', 'dark'));
    const page = await open('/reports', phoneContext);
    await page.getByRole('button', { name: 'New report' }).click();
    const form = page.getByRole('form', { name: 'New report' });
    await form.getByLabel('Name').fill('Broken');
    await form.getByLabel('E-mail recipients').fill('lead@example.test, not-an-address');
    await form.getByRole('button', { name: 'Create report' }).click();
    await form.getByText("'not-an-address' is not an e-mail address.").waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width}px wide on a 390px screen`);
    await screenshot(page, 'reports-form-dark-390');
    await phoneContext.close();
  });
});
