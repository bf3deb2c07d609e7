import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { baseUrl, desktop, launch, phone, screenshot, shotsDir } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
  console.log(`screenshots: ${shotsDir}`);
});
after(() => browser?.close());

async function open(path, options = desktop, theme = 'light') {
  const context = await browser.newContext(options);
  await context.addInitScript((t) => {
    if (!localStorage.getItem('faultline.theme')) localStorage.setItem('faultline.theme', t);
  }, theme);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(baseUrl + path);
  return { page, context, errors };
}

describe('Faultline SPA', () => {
  it('loads the overview', async () => {
    const { page, context, errors } = await open('/');
    await page.getByRole('heading', { name: 'CI/CD failure intelligence' }).waitFor();
    assert.equal(await page.title(), 'Overview · Faultline');
    assert.deepEqual(errors, []);
    await screenshot(page, 'overview-light-desktop');
    await context.close();
  });

  it('navigates between pages and answers deep links', async () => {
    const { page, context } = await open('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'System status' }).click();
    await page.getByRole('heading', { name: 'System status' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/status');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'CI/CD failure intelligence' }).waitFor();

    await page.goto(baseUrl + '/status');
    await page.getByRole('heading', { name: 'System status' }).waitFor();
    await page.goto(baseUrl + '/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await screenshot(page, 'not-found-light-desktop');
    await context.close();
  });

  it('shows the backend healthy on the status page', async () => {
    const { page, context } = await open('/status');
    await page.getByTestId('overall-status').getByText('All systems operational').waitFor();
    for (const name of ['postgres', 'redis']) {
      assert.equal(await page.getByTestId(`dependency-${name}`).locator('.badge').textContent(), 'Healthy');
    }
    await screenshot(page, 'status-light-desktop');
    await context.close();
  });

  it('toggles the theme and remembers it', async () => {
    const { page, context } = await open('/status');
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    assert.equal(await theme(), 'light');

    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    assert.equal(await theme(), 'dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(background, 'rgb(246, 247, 251)');

    await page.reload();
    await page.getByTestId('overall-status').waitFor();
    assert.equal(await theme(), 'dark');
    await screenshot(page, 'status-dark-desktop');
    await context.close();
  });

  it('works on a phone: the menu opens, navigates and closes', async () => {
    const { page, context } = await open('/', phone, 'dark');
    const nav = page.getByRole('navigation', { name: 'Main' });
    // The bar folds once it has measured that its links do not fit (again when the session's links arrive).
    await page.locator('header.topbar.collapsed').waitFor();
    assert.equal(await nav.isVisible(), false);

    await page.getByRole('button', { name: 'Menu' }).click();
    assert.equal(await nav.isVisible(), true);
    await screenshot(page, 'menu-dark-phone');
    await nav.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'CI/CD failure intelligence' }).waitFor();
    assert.equal(await nav.isVisible(), false);
    await page.getByRole('contentinfo').getByRole('link', { name: 'System status' }).click();
    await page.getByTestId('overall-status').waitFor();

    const overflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflows, false, 'the page scrolls sideways on a phone');
    await screenshot(page, 'status-dark-phone');
    await context.close();
  });
});
