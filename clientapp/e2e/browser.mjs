// Debian's Chromium driven by playwright-core; never a downloaded browser.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const baseUrl = process.env.FAULTLINE_E2E_URL ?? 'http://127.0.0.1:5080';
export const shotsDir = path.resolve(process.env.FAULTLINE_E2E_SHOTS ?? 'test-results/e2e');
mkdirSync(shotsDir, { recursive: true });

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const desktop = { viewport: { width: 1280, height: 800 } };
export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Saves a full-page screenshot named after the test, and returns where. */
export async function screenshot(page, name) {
  const file = path.join(shotsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs up a new organisation in the browser, then creates an API key with the same session (the context shares its cookies). */
export async function signUpWithKey(context, organisation, scopes) {
  const page = await context.newPage();
  await page.goto(baseUrl + '/signup');
  await page.getByLabel('Organisation name').fill(organisation);
  await page.getByLabel('Work e-mail').fill(`e2e.${randomUUID().slice(0, 8)}@example.test`);
  await page.getByLabel('Password').fill('Correct-Horse-Battery-9');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: `Welcome to ${organisation}` }).waitFor();
  await page.close();
  return createApiKey(context, scopes);
}

/** Creates an API key with the context's session, as the API keys page does; answers its secret. */
export async function createApiKey(context, scopes) {
  const { token } = await (await context.request.get(baseUrl + '/api/v1/auth/antiforgery')).json();
  const created = await context.request.post(baseUrl + '/api/v1/api-keys', { headers: { 'X-CSRF-TOKEN': token }, data: { name: 'e2e', scopes } });
  return (await created.json()).key;
}
