import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { baseUrl, desktop, launch, phone, screenshot, signUpWithKey } from './browser.mjs';

let browser;
let context;

// Failed jobs of the last hours, so the default dashboard range ("last 7 days") counts them: four a
// person labelled test, two lint, one not classified, and passing jobs beside them.
const LABELLED = { 'unit-tests': 'test', lint: 'lint' };
function jobs() {
  const events = [];
  const now = Date.now();
  const plan = [['unit-tests', 4], ['lint', 2], ['deploy', 1]];
  let n = 0;
  for (const [name, count] of plan) {
    for (let i = 0; i < count; i++, n++) {
      const start = now - (n + 1) * 3_600_000;
      const common = { provider: 'github', repository: n % 2 ? 'acme/web' : 'acme/api', pipeline: 'CI', branch: 'main' };
      events.push({ ...common, type: 'run', externalId: `r${n}`, status: 'failure', startedAt: new Date(start).toISOString(),
        finishedAt: new Date(start + 600_000).toISOString() });
      events.push({ ...common, type: 'job', externalId: `r${n}-${name}`, runExternalId: `r${n}`, name, status: 'failure',
        startedAt: new Date(start + 60_000).toISOString(), finishedAt: new Date(start + 540_000).toISOString() });
      events.push({ ...common, type: 'job', externalId: `r${n}-build`, runExternalId: `r${n}`, name: 'build', status: 'success',
        startedAt: new Date(start).toISOString(), finishedAt: new Date(start + 60_000).toISOString() });
    }
  }
  return events;
}

before(async () => {
  browser = await launch();
  context = await browser.newContext(desktop);
  await context.addInitScript(() => localStorage.setItem('faultline.theme', localStorage.getItem('faultline.theme') ?? 'light'));
  const key = await signUpWithKey(context, 'Category Co', ['ingest', 'predict']);
  const auth = { Authorization: `Bearer ${key}` };
  const events = jobs();
  const ingest = await context.request.post(baseUrl + '/api/v1/events', { headers: auth, data: events });
  assert.equal(ingest.status(), 200);
  const items = (await ingest.json()).items;
  for (const [index, event] of events.entries()) {
    const category = event.type === 'job' && event.status === 'failure' ? LABELLED[event.name] : undefined;
    if (!category) continue;
    const feedback = await context.request.post(baseUrl + '/api/v1/feedback', { headers: auth, data: { jobId: items[index].id, category } });
    assert.ok(feedback.ok(), await feedback.text());
  }
});

after(() => browser?.close());

/** The category cells of the jobs table, once it shows `count` rows. */
async function categoryCells(page, count) {
  const cells = page.locator('td[data-label="Category"]');
  await page.waitForFunction((n) => document.querySelectorAll('td[data-label="Category"]').length === n, count);
  return cells.allTextContents();
}

describe('jobs explorer by failure category', () => {
  it('filters the jobs by category, with a category column, in both themes on a desktop and a phone', async () => {
    const page = await context.newPage();
    await page.goto(baseUrl + '/runs?view=jobs');
    assert.equal((await categoryCells(page, 14)).filter((text) => text === '—').length, 7, 'passing jobs have no category');

    await page.getByRole('combobox', { name: 'Category' }).selectOption('test');
    await page.waitForURL(/category=test/);
    assert.deepEqual(await categoryCells(page, 4), ['Test', 'Test', 'Test', 'Test']);
    await page.getByRole('combobox', { name: 'Category' }).selectOption('unclassified');
    assert.deepEqual(await categoryCells(page, 1), ['Unclassified']);
    await page.getByRole('combobox', { name: 'Category' }).selectOption('lint');
    assert.deepEqual(await categoryCells(page, 2), ['Lint', 'Lint']);
    await screenshot(page, 'explorer-category-light-desktop');
    const filtered = page.url();
    await page.close();

    for (const [theme, device, name] of [['dark', desktop, 'dark-desktop'], ['light', phone, 'light-phone'], ['dark', phone, 'dark-phone']]) {
      const other = await browser.newContext({ ...device, storageState: await context.storageState() });
      await other.addInitScript((t) => localStorage.setItem('faultline.theme', t), theme);
      const shown = await other.newPage();
      await shown.goto(filtered);
      assert.deepEqual(await categoryCells(shown, 2), ['Lint', 'Lint']);
      const overflow = await shown.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${name}: the page scrolls sideways by ${overflow}px`);
      await screenshot(shown, `explorer-category-${name}`);
      await other.close();
    }
  });

  it('drills down from a slice of the category chart to exactly the jobs it counted', async () => {
    const page = await context.newPage();
    await page.goto(baseUrl + '/dashboards');
    await page.getByRole('link', { name: 'Reliability overview' }).click();
    const chart = page.getByRole('img', { name: 'Why jobs failed' });
    await chart.locator('svg path').first().waitFor();
    await page.waitForTimeout(500); // the pie's opening animation

    // The largest group comes first, drawn clockwise from twelve o'clock: test, 4 of 7.
    const box = await chart.boundingBox();
    const radius = (0.45 + 0.7) / 2 * Math.min(box.width, box.height) / 2;
    const angle = Math.PI / 6;
    await page.mouse.click(box.x + box.width / 2 + radius * Math.sin(angle), box.y + box.height * 0.45 - radius * Math.cos(angle));

    await page.waitForURL(/\/runs\?/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('category'), 'test');
    assert.equal(url.searchParams.get('view'), 'jobs');
    assert.ok(url.searchParams.get('finishedFrom') && url.searchParams.get('finishedTo'));
    assert.deepEqual(await categoryCells(page, 4), ['Test', 'Test', 'Test', 'Test']);
    await page.getByText(/^Finished between /).waitFor();
    await screenshot(page, 'explorer-category-drill-down');
    await page.close();
  });
});
