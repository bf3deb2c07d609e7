import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { baseUrl, desktop, launch, phone, screenshot } from './browser.mjs';
import { waitForLink } from './mail.mjs';

const password = 'Correct-Horse-Battery-9';
const ownerEmail = `owner.${randomUUID().slice(0, 8)}@example.test`;
const orgName = `Acme ${randomUUID().slice(0, 4)}`;
let browser;
let owner; // one signed-in browser context, carried from test to test like a person's session

before(async () => {
  browser = await launch();
  owner = await browser.newContext(desktop);
  await owner.addInitScript(() => localStorage.setItem('faultline.theme', localStorage.getItem('faultline.theme') ?? 'light'));
});
after(() => browser?.close());

async function signedInPage() {
  const page = await owner.newPage();
  page.on('pageerror', (error) => assert.fail(error.message));
  return page;
}

describe('accounts in the browser', () => {
  it('signs up a new organisation', async () => {
    const page = await signedInPage();
    await page.goto(baseUrl + '/signup');
    await page.getByLabel('Organisation name').fill(orgName);
    await page.getByLabel('Work e-mail').fill(ownerEmail);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Password must be at least 10 characters.').waitFor();
    await screenshot(page, 'signup-error-light-desktop');

    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: `Welcome to ${orgName}` }).waitFor();
    await screenshot(page, 'overview-signed-in-light-desktop');
    await page.close();
  });

  it('logs out and logs back in', async () => {
    const page = await signedInPage();
    await page.goto(baseUrl + '/');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in to Faultline' }).waitFor();

    await page.goto(baseUrl + '/api-keys');
    await page.getByRole('heading', { name: 'Log in to Faultline' }).waitFor();
    await page.getByLabel('E-mail').fill(ownerEmail);
    await page.getByLabel('Password').fill('Wrong-Password-1');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').getByText('The e-mail or password is incorrect.').waitFor();
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    // Back where the user was heading.
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await page.close();
  });

  it('creates an API key and shows its secret once', async () => {
    const page = await signedInPage();
    await page.goto(baseUrl + '/api-keys');
    await page.getByLabel('Name').fill('GitHub Actions');
    await page.getByLabel(/^read/).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByTestId('new-secret').textContent();
    assert.match(secret, /^flt_[A-Za-z0-9_-]{40,}$/);
    await screenshot(page, 'api-key-created-light-desktop');

    await page.getByRole('button', { name: 'I have stored it' }).click();
    const row = page.getByRole('row', { name: /GitHub Actions/ });
    await row.waitFor();
    assert.match(await row.textContent(), new RegExp(secret.slice(0, 12)));
    assert.doesNotMatch(await page.content(), new RegExp(secret));
    await page.close();
  });

  it('invites a member who follows the e-mailed link and joins', async () => {
    const page = await signedInPage();
    const memberEmail = `member.${randomUUID().slice(0, 8)}@example.test`;
    await page.goto(baseUrl + '/members');
    await page.getByLabel('Invite by e-mail').fill(memberEmail);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${memberEmail}.`).waitFor();
    await page.getByRole('cell', { name: memberEmail }).waitFor();
    await screenshot(page, 'members-light-desktop');

    const link = await waitForLink(memberEmail, 'invited', '/invite?token=');
    const invitee = await browser.newContext(phone);
    await invitee.addInitScript(() => localStorage.setItem('faultline.theme', 'dark'));
    const phonePage = await invitee.newPage();
    await phonePage.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl));
    await phonePage.getByRole('heading', { name: `Join ${orgName}` }).waitFor();
    await screenshot(phonePage, 'accept-invitation-dark-phone');
    await phonePage.getByLabel('Choose a password').fill(password);
    await phonePage.getByRole('button', { name: `Join ${orgName}` }).click();
    await phonePage.getByRole('heading', { name: `Welcome to ${orgName}` }).waitFor();
    await invitee.close();

    await page.reload();
    await page.getByRole('cell', { name: memberEmail, exact: false }).first().waitFor();
    const overflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflows, false);
    await page.close();
  });

  it('lists it all in the audit log, and reads well in dark on a phone', async () => {
    const context = await browser.newContext(phone);
    await context.addCookies(await owner.cookies());
    await context.addInitScript(() => localStorage.setItem('faultline.theme', 'dark'));
    const page = await context.newPage();
    await page.goto(baseUrl + '/audit');
    for (const what of ['Organisation created', 'API key created', 'Member invited', 'Member joined']) {
      await page.getByRole('cell', { name: what }).first().waitFor();
    }
    const overflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflows, false, 'the audit log scrolls sideways on a phone');
    await screenshot(page, 'audit-dark-phone');
    await context.close();
  });
});
