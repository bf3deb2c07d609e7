import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { baseUrl, createApiKey, desktop, launch, screenshot } from './browser.mjs';

let browser;
let context; // signed in, so the session cookie rides along with every request the page makes, as in a real browser
let key;

before(async () => {
  browser = await launch();
  context = await browser.newContext(desktop);
  const signUp = await context.request.post(baseUrl + '/api/v1/auth/signup', {
    data: { email: `docs.${randomUUID().slice(0, 8)}@example.test`, password: 'Correct-Horse-Battery-9', tenantName: 'Docs Org' },
  });
  assert.equal(signUp.status(), 201);
  key = await createApiKey(context, ['ingest', 'read']);
});
after(() => browser?.close());

/** Expands an operation, sends it with its example through "Try it out", and answers the status it got. */
async function tryItOut(page, tag, operationId) {
  const operation = page.locator(`#operations-${tag}-${operationId}`);
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('.try-out__btn').click();
  await operation.locator('button.execute').click();
  const status = operation.locator('.live-responses-table tbody .response-col_status').first();
  await status.waitFor();
  return (await status.textContent()).trim();
}

describe('the API reference at /api/docs', () => {
  it('sends "Try it out" with the key from the Authorize box, POSTs included, under the product\'s CSP', async () => {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    await page.goto(baseUrl + '/api/docs/index.html');

    await page.locator('.btn.authorize').first().click();
    const apiKey = page.locator('.auth-container').filter({ hasText: 'apiKey' }).first();
    await apiKey.locator('input').first().fill(key);
    await apiKey.locator('button.authorize').click();
    await page.locator('button.btn-done').first().click();

    assert.equal(await tryItOut(page, 'Ingestion', 'ingestEvents'), '200');
    assert.equal(await tryItOut(page, 'Runs', 'listRuns'), '200');
    await screenshot(page, 'api-docs-try-it-out-light-desktop');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
