// Debian's Chromium driven by playwright-core; never a downloaded browser.
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
