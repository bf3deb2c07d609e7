import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { baseUrl, desktop, launch, phone, screenshot, signUpWithKey } from './browser.mjs';

let browser;
let context;
let jobId;

const log = [
  'Run dotnet build --configuration Release',
  ...Array.from({ length: 400 }, (_, i) => `  Restored /home/runner/work/shop/shop/src/Project${i}/Project${i}.csproj (in 120 ms).`),
  '/home/runner/work/shop/shop/src/Orders/OrderService.cs(42,17): error CS1002: ; expected [/home/runner/work/shop/shop/src/Orders/Orders.csproj]',
  "/home/runner/work/shop/shop/src/Orders/OrderService.cs(57,9): error CS0103: The name 'total' does not exist in the current context",
  'Build FAILED.',
  '    2 Error(s)',
  '##[error]Process completed with exit code 1.',
].join('\n');

before(async () => {
  browser = await launch();
  context = await browser.newContext(desktop);
  await context.addInitScript(() => localStorage.setItem('faultline.theme', localStorage.getItem('faultline.theme') ?? 'light'));
  const key = await signUpWithKey(context, 'Classify Co', ['ingest']);
  const auth = { Authorization: `Bearer ${key}` };
  const at = (minutes) => new Date(Date.UTC(2026, 10, 20, 10, minutes)).toISOString();
  const ingest = await context.request.post(baseUrl + '/api/v1/events', { headers: auth, data: [
    { type: 'job', provider: 'github', externalId: 'j1', runExternalId: 'r1', repository: 'acme/shop', pipeline: 'CI', branch: 'main',
      name: 'build', status: 'failure', startedAt: at(0), finishedAt: at(6) },
  ] });
  jobId = (await ingest.json()).items[0].id;
  const upload = await context.request.put(`${baseUrl}/api/v1/jobs/${jobId}/log`, { headers: { ...auth, 'Content-Type': 'text/plain' }, data: log });
  assert.equal(upload.status(), 200);
});

after(() => browser?.close());

describe('why it failed', () => {
  it('shows the category and the best line first, highlights its block in the log, jumps to it, and takes a correction', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/jobs/${jobId}`);
    const panel = page.getByRole('region', { name: 'Why it failed' });
    await panel.getByText('Compilation').first().waitFor({ timeout: 30_000 });
    assert.match(await panel.textContent(), /confident/);

    // The best line first, whole, before any other line.
    const best = panel.getByRole('region', { name: 'Key line' });
    const bestText = await best.locator('.best-line-text').textContent();
    assert.match(bestText, /error CS\d+|Build FAILED|##\[error\]/);
    const others = panel.getByRole('list', { name: 'Other lines' });
    if (await others.count()) {
      assert.ok(await best.evaluate((el, list) => Boolean(el.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING), await others.elementHandle()));
    }
    // "Line 402" or "Line 402 · block 398–405": a server that finds no block marks the line alone.
    const where = await best.locator('.best-line-where').textContent();
    const [, line, blockStart = line, blockEnd = line] = where.match(/^Line (\d+)(?: · block (\d+)–(\d+))?$/);

    await best.getByRole('button', { name: 'Show in log' }).click();
    const marked = page.locator(`.log-line[data-line="${line}"]`);
    await marked.waitFor();
    assert.ok((await marked.locator('.log-text').textContent()).includes(bestText.trim()), `line ${line} is not the best line`);
    const classes = (await marked.getAttribute('class')).split(' ');
    for (const name of ['key', 'best-block', 'jumped']) assert.ok(classes.includes(name), `line ${line} is ${classes.join(' ')}`);
    // The rest of its block, as far as it is on screen, is highlighted as the best line's block.
    for (let n = Number(blockStart); n <= Number(blockEnd); n++) {
      const row = page.locator(`.log-line[data-line="${n}"]`);
      if (await row.count()) assert.match(await row.getAttribute('class'), /\bbest-block\b/, `line ${n} of the block ${blockStart}–${blockEnd}`);
    }
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await screenshot(page, 'why-it-failed-light-desktop');

    await page.getByRole('combobox', { name: 'Correct category' }).selectOption('configuration');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText(/Corrected by a person/).waitFor();

    await page.goto(`${baseUrl}/models`);
    await page.getByRole('heading', { name: 'Confusion matrix' }).first().waitFor();
    await page.locator('.model-card svg').first().waitFor();
    await screenshot(page, 'models-light-desktop');
    await page.close();
  });

  it('lists the models with their metrics, in the dark theme on a phone', async () => {
    const phoneContext = await browser.newContext(phone);
    await phoneContext.addCookies(await context.cookies());
    await phoneContext.addInitScript(() => localStorage.setItem('faultline.theme', 'dark'));
    const page = await phoneContext.newPage();
    await page.goto(`${baseUrl}/models`);
    await page.getByRole('heading', { name: 'Confusion matrix' }).first().waitFor();
    assert.match(await page.locator('main').textContent(), /Macro-F1|macro-F1/);
    const overflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflows, false, 'the models page scrolls sideways on a phone');
    await screenshot(page, 'models-dark-phone');
    await page.goto(`${baseUrl}/jobs/${jobId}`);
    await page.getByRole('region', { name: 'Key line' }).waitFor();
    const jobOverflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(jobOverflows, false, 'the job page scrolls sideways on a phone');
    await screenshot(page, 'why-it-failed-dark-phone');
    await phoneContext.close();
  });
});
