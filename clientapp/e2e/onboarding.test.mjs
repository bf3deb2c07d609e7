import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { baseUrl, desktop, launch, phone, screenshot } from './browser.mjs';

let browser;
let context;
const orgName = `Newcomer ${randomUUID().slice(0, 4)}`;

before(async () => {
  browser = await launch();
  context = await browser.newContext(desktop);
  await context.addInitScript(() => localStorage.setItem('faultline.theme', localStorage.getItem('faultline.theme') ?? 'light'));
});

after(() => browser?.close());

describe('getting started', () => {
  it('goes from sign-up to a green first event with only what the screens say', async () => {
    const page = await context.newPage();
    await page.goto(baseUrl + '/signup');
    await page.getByLabel('Organisation name').fill(orgName);
    await page.getByLabel('Work e-mail').fill(`newcomer.${randomUUID().slice(0, 8)}@example.test`);
    await page.getByLabel('Password').fill('Correct-Horse-Battery-9');
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('heading', { name: `Welcome to ${orgName}` }).waitFor();
    await page.getByText('Waiting for the first event').waitFor();
    await page.getByRole('radio', { name: 'GitHub Actions' }).click();
    await page.getByRole('button', { name: 'Create the GitHub Actions webhook' }).click();
    await page.getByText('Webhook URL').waitFor();
    assert.match(await page.locator('.connect-result code').first().textContent(), /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/hooks\/github\//);
    await page.getByText('Workflow runs').waitFor();
    await screenshot(page, 'onboarding-github-light-desktop');

    await page.getByRole('radio', { name: 'Any CI (API)' }).click();
    await page.getByRole('button', { name: 'Create a key for sending events' }).click();
    const command = await page.getByLabel('First request').textContent();
    // What a person would paste into a shell.
    execFileSync('bash', ['-c', `${command} >/dev/null`], { stdio: 'inherit' });

    await page.getByRole('status').filter({ hasText: 'First event received: acme/shop · ci on main' }).waitFor();
    await screenshot(page, 'onboarding-done-light-desktop');
    await page.getByRole('link', { name: /^Open / }).click();
    await page.waitForURL(/\/dashboards\/[0-9a-f-]{36}$/);

    // From now on the day starts on the dashboard.
    await page.goto(baseUrl + '/');
    await page.waitForURL(/\/dashboards\/[0-9a-f-]{36}$/);
    await page.close();
  });

  it('reads well on a phone in the dark theme', async () => {
    const dark = await browser.newContext(phone);
    await dark.addInitScript(() => localStorage.setItem('faultline.theme', 'dark'));
    const page = await dark.newPage();
    await page.goto(baseUrl + '/signup');
    await page.getByLabel('Organisation name').fill('Phone Co');
    await page.getByLabel('Work e-mail').fill(`phone.${randomUUID().slice(0, 8)}@example.test`);
    await page.getByLabel('Password').fill('Correct-Horse-Battery-9');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('radio', { name: 'Jenkins' }).click();
    await page.getByRole('button', { name: 'Create the Jenkins webhook' }).click();
    await page.getByText('Secret (shown once)').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    await screenshot(page, 'onboarding-jenkins-dark-phone');
    await dark.close();
  });
});
