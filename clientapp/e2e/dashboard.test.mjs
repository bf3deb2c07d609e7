import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { baseUrl, desktop, launch, phone, screenshot, signUpWithKey } from './browser.mjs';

let browser;
let context;

// A week of hourly runs ending now, so the default range ("last 7 days") has data in every widget.
function week() {
  const events = [];
  const now = Date.now();
  const repositories = ['acme/api', 'acme/web'];
  for (let hour = 1; hour <= 7 * 24; hour += 2) {
    for (const [r, repository] of repositories.entries()) {
      const start = now - hour * 3_600_000 - r * 600_000;
      const runId = `r-${hour}-${r}`;
      const failing = (hour + r * 5) % 9 === 0 || (hour % 40 < 4 && r === 0);
      const common = { provider: r === 0 ? 'github' : 'gitlab', repository, pipeline: 'CI', branch: 'main', commitSha: `c${hour}${r}` };
      events.push({ ...common, type: 'run', externalId: runId, defaultBranch: 'main', status: failing ? 'failure' : 'success',
        queuedAt: new Date(start - 30_000).toISOString(), startedAt: new Date(start).toISOString(), finishedAt: new Date(start + 540_000).toISOString() });
      for (const [j, name] of ['build', 'unit-tests', 'lint'].entries()) {
        const failed = failing && name === 'unit-tests';
        events.push({ ...common, type: 'job', externalId: `${runId}-${name}`, runExternalId: runId, name, status: failed ? 'failure' : 'success',
          queuedAt: new Date(start - 30_000).toISOString(), startedAt: new Date(start + j * 1000).toISOString(),
          finishedAt: new Date(start + 120_000 + j * 150_000 + (hour % 7) * 20_000).toISOString() });
      }
    }
  }
  return events;
}

before(async () => {
  browser = await launch();
  context = await browser.newContext(desktop);
  await context.addInitScript(() => localStorage.setItem('faultline.theme', localStorage.getItem('faultline.theme') ?? 'light'));
  const key = await signUpWithKey(context, 'Dashboard Co', ['ingest']);
  const ingest = await context.request.post(baseUrl + '/api/v1/events', { headers: { Authorization: `Bearer ${key}` }, data: week() });
  assert.equal(ingest.status(), 200);
});

after(() => browser?.close());

describe('dashboards', () => {
  it('shows the default dashboard with every widget drawn, in light on a desktop and dark on a phone', async () => {
    const page = await context.newPage();
    await page.goto(baseUrl + '/dashboards');
    await page.getByRole('link', { name: 'Reliability overview' }).click();
    for (const title of ['Failed jobs', 'Failure rate by repository', 'Why jobs failed', 'Top failing jobs', 'Recent incidents']) {
      await page.getByRole('article', { name: title }).waitFor();
    }
    await page.locator('article svg').first().waitFor();
    assert.equal(await page.getByText('could not be computed').count(), 0);
    assert.match(await page.getByRole('article', { name: 'Top failing jobs' }).textContent(), /unit-tests/);
    await screenshot(page, 'dashboard-light-desktop');

    await page.close();

    // The phone reads it in dark: charts take their colours from the theme.
    const phoneContext = await browser.newContext({ ...phone, storageState: await context.storageState() });
    await phoneContext.addInitScript(() => localStorage.setItem('faultline.theme', 'dark'));
    const small = await phoneContext.newPage();
    await small.goto(page.url());
    await small.getByRole('article', { name: 'Top failing jobs' }).waitFor();
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
    await screenshot(small, 'dashboard-dark-phone');
    await phoneContext.close();
  });

  it('exports the dashboard as a PDF and as zipped CSV files from its Export menu', async () => {
    const page = await context.newPage();
    await page.goto(baseUrl + '/dashboards');
    await page.getByRole('link', { name: 'Reliability overview' }).click();
    await page.getByRole('article', { name: 'Top failing jobs' }).waitFor();
    for (const [choice, name, magic] of [['PDF', /\.pdf$/, '%PDF-'], ['CSV (zip)', /\.zip$/, 'PK']]) {
      await page.getByText('Export', { exact: true }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: choice }).click()]);
      assert.match(download.suggestedFilename(), name);
      const file = await download.path();
      const head = readFileSync(file).subarray(0, magic.length).toString('latin1');
      assert.equal(head, magic);
    }
    await page.close();
  });

  it('drills down from a table row to the jobs explorer, filtered', async () => {
    const page = await context.newPage();
    await page.goto(baseUrl + '/dashboards');
    await page.getByRole('link', { name: 'Reliability overview' }).click();
    const table = page.getByRole('article', { name: 'Top failing jobs' });
    await table.getByText('unit-tests').first().click();
    await page.waitForURL(/\/(runs|jobs)\?/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('job'), 'unit-tests');
    assert.equal(url.searchParams.get('status'), 'failure');
    await page.close();
  });
});
