import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { baseUrl, desktop, launch, phone, screenshot, signUpWithKey } from './browser.mjs';

let browser;
let context;

const modules = ['Orders', 'Billing', 'Cart', 'Search', 'Users', 'Reports', 'Payments', 'Stock', 'Mail', 'Auth', 'Audit', 'Export'];
// This organisation calls its C# compile failures "configuration" (generated code): the shipped model cannot know that.
const compileLog = (n) => [
  'Run dotnet build --configuration Release',
  '  Determining projects to restore...',
  `/home/runner/work/shop/shop/src/${modules[n % 12]}/${modules[(n + 5) % 12]}Service.cs(${10 + n},${3 + (n % 9)}): error CS${1002 + (n % 4)}: ; expected`,
  'Build FAILED.',
  '    1 Error(s)',
  '##[error]Process completed with exit code 1.',
].join('\n');
const testLog = (n) => [
  '$ python -m pytest -q',
  '........F.....',
  `E       AssertionError: assert ${n} == ${n + 1}`,
  `tests/test_${modules[(n + 3) % 12].toLowerCase()}.py:${20 + n}: AssertionError`,
  `FAILED tests/test_${modules[(n + 3) % 12].toLowerCase()}.py::test_total - AssertionError`,
  `========================= 1 failed, ${13 + n} passed in 0.42s =========================`,
  'The command "python -m pytest -q" exited with 1.',
].join('\n');

before(async () => {
  browser = await launch();
  context = await browser.newContext(desktop);
  await context.addInitScript(() => localStorage.setItem('faultline.theme', localStorage.getItem('faultline.theme') ?? 'light'));
  const key = await signUpWithKey(context, 'Own Model Co', ['ingest', 'predict']);
  const auth = { Authorization: `Bearer ${key}` };
  const at = new Date(Date.UTC(2026, 10, 20, 10, 0)).toISOString();
  const labelled = Array.from({ length: 12 }, (_, n) => [[compileLog(n), 'configuration'], [testLog(n), 'test']]).flat();
  for (const [i, [log, category]] of labelled.entries()) {
    const ingest = await context.request.post(baseUrl + '/api/v1/events', { headers: auth, data: [
      { type: 'job', provider: 'github', externalId: `j${i}`, runExternalId: `r${i}`, repository: 'acme/shop', pipeline: 'CI', branch: 'main',
        name: 'build', status: 'failure', startedAt: at, finishedAt: at },
    ] });
    const jobId = (await ingest.json()).items[0].id;
    const upload = await context.request.put(`${baseUrl}/api/v1/jobs/${jobId}/log`, { headers: { ...auth, 'Content-Type': 'text/plain' }, data: log });
    assert.equal(upload.status(), 200);
    const feedback = await context.request.post(baseUrl + '/api/v1/feedback', { headers: auth, data: { jobId, category } });
    assert.equal(feedback.status(), 200);
  }
});

after(() => browser?.close());

describe('your model', () => {
  it('trains on the labels, shows its out-of-fold accuracy beside the shipped model’s, activates it and returns to the shipped model', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/models`);
    const card = page.getByRole('region', { name: 'Your model' });
    assert.match(await card.getByTestId('label-progress').textContent(), /^24 labelled jobs in 2 categories/);

    await card.getByRole('button', { name: 'Train on your labels' }).click();
    const result = card.getByRole('article', { name: /^Model tenant-/ });
    await result.waitFor({ timeout: 120_000 });
    const ours = parseFloat(await result.getByTestId('out-of-fold-accuracy').textContent());
    const shipped = parseFloat(await result.getByTestId('shipped-accuracy').textContent());
    assert.ok(ours > shipped, `${ours} vs ${shipped}`);
    await screenshot(page, 'tenant-model-trained');

    await result.getByRole('button', { name: 'Activate' }).click();
    await result.getByText('Serving').waitFor();
    // While its own model serves, the shipped models' form gives way to "Return to the shipped model".
    assert.equal(await page.getByRole('form', { name: 'Model assignment' }).count(), 0);

    await result.getByRole('button', { name: 'Return to the shipped model' }).click();
    await page.getByRole('form', { name: 'Model assignment' }).waitFor();
    assert.equal(await result.getByText('Serving').count(), 0);
    await page.close();
  });

  it('fits a phone in the dark theme', async () => {
    const phoneContext = await browser.newContext({ ...phone, storageState: await context.storageState() });
    await phoneContext.addInitScript(() => localStorage.setItem('faultline.theme', 'dark'));
    const page = await phoneContext.newPage();
    await page.goto(`${baseUrl}/models`);
    const card = page.getByRole('region', { name: 'Your model' });
    await card.getByRole('article', { name: /^Model tenant-/ }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'tenant-model-phone-dark');
    await phoneContext.close();
  });
});
