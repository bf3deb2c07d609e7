import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { baseUrl, desktop, launch, phone, screenshot, signUpWithKey } from './browser.mjs';

let browser;
let context;
// Carried from test to test, like a person's session: the rule made from a template, and its page.
const ruleName = 'Failure rate per repository above 20%';
let rulePath;

// Two days of hourly runs on main, the latest finished a quarter of an hour ago: acme/api fails every third run
// (the latest included), acme/web seldom, so the preview has a line per repository on both sides of 20%.
function twoDays() {
  const events = [];
  const now = Date.now();
  for (let i = 0; i < 48; i++) {
    for (const [r, repository] of ['acme/api', 'acme/web'].entries()) {
      const start = now - (20 + i * 60 + r * 5) * 60_000;
      const runId = `alerts-${i}-${r}`;
      const failing = r === 0 ? i % 3 === 0 : i % 11 === 5;
      const common = { provider: 'github', repository, pipeline: 'CI', branch: 'main', commitSha: `a${i}${r}` };
      events.push({ ...common, type: 'run', externalId: runId, defaultBranch: 'main', status: failing ? 'failure' : 'success',
        queuedAt: new Date(start - 30_000).toISOString(), startedAt: new Date(start).toISOString(), finishedAt: new Date(start + 300_000).toISOString() });
      for (const [j, name] of ['build', 'unit-tests'].entries()) {
        const failed = failing && name === 'unit-tests';
        events.push({ ...common, type: 'job', externalId: `${runId}-${name}`, runExternalId: runId, name, status: failed ? 'failure' : 'success',
          queuedAt: new Date(start - 30_000).toISOString(), startedAt: new Date(start + j * 1000).toISOString(),
          finishedAt: new Date(start + 120_000 + j * 150_000).toISOString() });
      }
    }
  }
  return events;
}

before(async () => {
  browser = await launch();
  context = await browser.newContext(desktop);
  await context.addInitScript(() => localStorage.setItem('faultline.theme', localStorage.getItem('faultline.theme') ?? 'light'));
  const key = await signUpWithKey(context, 'Alerts Co', ['ingest']);
  const ingest = await context.request.post(baseUrl + '/api/v1/events', { headers: { Authorization: `Bearer ${key}` }, data: twoDays() });
  assert.equal(ingest.status(), 200);
});

after(() => browser?.close());

async function open(path, browserContext = context) {
  const page = await browserContext.newPage();
  page.on('pageerror', (error) => assert.fail(error.message));
  await page.goto(baseUrl + path);
  return page;
}

describe('alerts', () => {
  it('adds an e-mail channel and sends it a test message', async () => {
    const page = await open('/alerts/channels');
    const form = page.getByRole('form', { name: 'Add a channel' });
    await form.getByLabel('Name').fill('On-call');
    await form.getByLabel('Kind').selectOption('email');
    await form.getByLabel('Recipients').fill('oncall@example.test');
    await form.getByRole('button', { name: 'Add channel' }).click();

    const row = page.getByRole('row').filter({ hasText: 'On-call' });
    await row.waitFor();
    assert.equal(await page.getByTestId('new-secret').count(), 0, 'an e-mail channel has no signing secret to show');
    await row.getByRole('button', { name: 'Test' }).click();
    const results = row.getByRole('status', { name: 'Test results' });
    await results.waitFor();
    // scripts/test.sh runs a real SMTP server for the e-mails.
    assert.match(await results.textContent(), /Delivered/);
    await screenshot(page, 'alert-channels-light-desktop');
    await page.close();
  });

  it('creates a rule from a template, with a live preview of the metric against the threshold', async () => {
    const page = await open('/alerts');
    await page.getByRole('heading', { name: 'No alert rules yet' }).waitFor();
    await page.getByRole('link', { name: 'New rule' }).click();
    await page.getByRole('heading', { name: 'New alert rule' }).waitFor();

    const form = page.getByRole('form', { name: 'Alert rule' });
    await form.getByLabel('Start from').selectOption({ index: 1 });
    assert.notEqual(await form.getByLabel('Name').inputValue(), '', 'the template names the rule');
    // Then adjusted: the failure rate per repository, which the runs above put on both sides of 20 %.
    await form.getByLabel('Name').fill(ruleName);
    await form.getByLabel('Metric').selectOption({ label: 'Failure rate' });
    const alertPer = form.getByRole('group', { name: 'One alert per' });
    for (const choice of await alertPer.getByRole('checkbox').all()) await choice.setChecked(false);
    await alertPer.getByRole('checkbox', { name: 'Repository' }).check();
    await form.getByLabel('The value').selectOption('above');
    await form.getByLabel('Threshold (%)').fill('20');
    await form.getByLabel('Over the last').selectOption('60');
    await form.getByRole('checkbox', { name: /On-call/ }).check();

    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.locator('svg').first().waitFor();
    await preview.locator('svg text', { hasText: 'Threshold 20%' }).first().waitFor();
    await preview.getByRole('list', { name: 'Current values' }).or(preview.getByText('No group has a value in the window.')).waitFor();
    // Filling the form scrolled down; the whole page is shot from the top, the sticky bar with it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'alert-rule-editor-light-desktop');

    await form.getByRole('button', { name: 'Create rule' }).click();
    await page.getByRole('heading', { name: ruleName }).waitFor();
    rulePath = new URL(page.url()).pathname;
    assert.match(rulePath, /^\/alerts\/rules\/[^/]+$/);
    await page.close();
  });

  it('lists the rule with its state, and mutes it from its page', async () => {
    const page = await open('/alerts');
    const link = page.getByRole('link', { name: ruleName, exact: true });
    const row = page.getByRole('row').filter({ has: link });
    await row.waitFor();
    assert.match(await row.textContent(), /OK|Pending|Firing|Resolved|No data|Error/);
    await screenshot(page, 'alerts-light-desktop');

    await link.click();
    await page.getByRole('heading', { name: ruleName }).waitFor();
    await page.getByRole('button', { name: 'Mute 1 h' }).click();
    await page.getByRole('button', { name: 'Unmute' }).waitFor();
    assert.ok(await page.getByText(/^Muted until/).count() > 0);
    await screenshot(page, 'alert-rule-light-desktop');
    await page.close();
  });

  it('shows the mute in the history', async () => {
    const page = await open('/alerts/history');
    await page.getByRole('row').filter({ hasText: 'Mute' }).filter({ hasText: ruleName }).first().waitFor();
    await screenshot(page, 'alert-history-light-desktop');

    await page.getByLabel('Kind').selectOption('mute');
    await page.waitForURL(/kind=mute/);
    await page.getByRole('row').filter({ hasText: ruleName }).first().waitFor();
    await page.close();
  });

  it('reads well on a phone in the dark theme, without scrolling sideways', async () => {
    const phoneContext = await browser.newContext({ ...phone, storageState: await context.storageState() });
    await phoneContext.addInitScript(() => localStorage.setItem('faultline.theme', 'dark'));
    const pages = [
      ['/alerts', (page) => page.getByRole('link', { name: ruleName, exact: true }), 'alerts-dark-phone'],
      [rulePath, (page) => page.getByRole('button', { name: 'Unmute' }), 'alert-rule-dark-phone'],
      [`${rulePath}/edit`, (page) => page.getByRole('region', { name: 'Preview' }).locator('svg').first(), 'alert-rule-editor-dark-phone'],
      ['/alerts/history', (page) => page.getByRole('row').filter({ hasText: ruleName }).first(), 'alert-history-dark-phone'],
      ['/alerts/channels', (page) => page.getByRole('row').filter({ hasText: 'On-call' }), 'alert-channels-dark-phone'],
    ];
    for (const [path, ready, name] of pages) {
      const page = await open(path, phoneContext);
      await ready(page).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${path} scrolls sideways by ${overflow}px`);
      await screenshot(page, name);
      await page.close();
    }
    await phoneContext.close();
  });
});
