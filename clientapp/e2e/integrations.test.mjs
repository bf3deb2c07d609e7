import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { baseUrl, desktop, launch, phone, screenshot, signUpWithKey } from './browser.mjs';

// GitHub's own published example (../shared/fixtures, see its README), sent as GitHub signs it.
const published = readFileSync(
  path.resolve('..', '..', 'shared', 'fixtures', 'github', 'workflow_job.completed.failure.with-organization.payload.json'), 'utf8');

let browser;
let context;
let hook;
const deliveryId = randomUUID();

/** Posts a body to the hook as GitHub does: X-GitHub-Event, X-GitHub-Delivery and the HMAC of the raw body. */
function deliver(body) {
  const signature = 'sha256=' + createHmac('sha256', hook.secret).update(body).digest('hex');
  return context.request.post(hook.url, {
    headers: { 'Content-Type': 'application/json', 'X-GitHub-Event': 'workflow_job', 'X-GitHub-Delivery': deliveryId, 'X-Hub-Signature-256': signature },
    data: body,
  });
}

before(async () => {
  browser = await launch();
  context = await browser.newContext(desktop);
  await context.addInitScript(() => localStorage.setItem('faultline.theme', localStorage.getItem('faultline.theme') ?? 'light'));
  await signUpWithKey(context, 'Hooks Co', ['read']);
  const { token } = await (await context.request.get(baseUrl + '/api/v1/auth/antiforgery')).json();
  const created = await context.request.post(baseUrl + '/api/v1/hooks', { headers: { 'X-CSRF-TOKEN': token }, data: { provider: 'github', name: 'acme org' } });
  assert.equal(created.status(), 201);
  const { hook: { url }, secret } = await created.json();
  hook = { url, secret };
});

after(() => browser?.close());

describe('integrations page: deliveries Faultline could not store', () => {
  it('shows a refused delivery with its reason and payload, replays it, and clears it once the redelivery is stored', async () => {
    const broken = JSON.parse(published);
    delete broken.workflow_job.id;
    const refused = await deliver(JSON.stringify(broken));
    assert.equal(refused.status(), 422);

    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(baseUrl + '/integrations');
    const card = page.getByRole('heading', { name: 'Deliveries Faultline could not store' }).locator('..');
    const row = card.locator('tbody tr').first();
    await row.getByText('workflow_job', { exact: true }).waitFor();
    assert.match(await row.locator('td[data-label="Reason"]').textContent(), /externalId/);
    assert.equal(await row.locator('td[data-label="Attempts"]').textContent(), '1');

    await row.getByRole('button', { name: 'Payload' }).click();
    await card.getByText('"workflow_name"', { exact: false }).first().waitFor();
    await screenshot(page, 'integrations-dead-letter-light-desktop');

    // Nothing has changed since, so a replay is refused again and counts the attempt.
    await row.getByRole('button', { name: 'Replay' }).click();
    await card.getByRole('alert').waitFor();
    await page.waitForFunction(() => document.querySelector('td[data-label="Attempts"]')?.textContent === '2');

    for (const [theme, device, name] of [['dark', desktop, 'dark-desktop'], ['light', phone, 'light-phone'], ['dark', phone, 'dark-phone']]) {
      const other = await browser.newContext({ ...device, storageState: await context.storageState() });
      await other.addInitScript((t) => localStorage.setItem('faultline.theme', t), theme);
      const shown = await other.newPage();
      await shown.goto(baseUrl + '/integrations');
      await shown.locator('td[data-label="Attempts"]').first().waitFor();
      const overflow = await shown.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${name}: the page scrolls sideways by ${overflow}px`);
      await screenshot(shown, `integrations-dead-letter-${name}`);
      await other.close();
    }

    // A redelivery under the same delivery id once the cause is gone (here: the complete payload) is stored and resolves it.
    const stored = await deliver(published);
    assert.equal(stored.status(), 200, await stored.text());
    assert.equal((await stored.json()).outcome, 'processed');
    await page.reload();
    await card.getByText('None: every delivery was stored.').waitFor();
    await page.close();
  });
});
