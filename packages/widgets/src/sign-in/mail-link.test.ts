// Links of account mail to a partner's page (`<page>#wsc-confirm-email=<token>`,
// `<page>#wsc-reset-password=<token>`): the page has the embed script and perhaps no sign-in
// dialog of its own; the dialog opens itself, takes the token out of the address bar, spends it
// only when the reader presses its button, and says what came of it.
import { signUp } from '@wsc/server/test-support';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceSkip,
  hasChromium,
  mailedToken,
  startWidgetEnvironment,
  type WidgetEnvironment,
} from '../../test/browser/harness';
import { messages as arabicCommon } from '../translations/ar';
import { messages as arabic } from './translations/ar';

announceSkip('mail links completed by <wsc-sign-in-dialog>');

describe.skipIf(!hasChromium)('a link of account mail on a partner page', () => {
  let env: WidgetEnvironment;
  beforeAll(async () => {
    env = await startWidgetEnvironment();
  });
  afterAll(() => env?.dispose());

  const dialog = (page: Page) => page.locator('wsc-sign-in-dialog dialog');
  const inDialog = (page: Page, selector: string) => page.locator(`wsc-sign-in-dialog ${selector}`);
  const focused = (page: Page) =>
    page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active ? `${active.localName}#${active.id}[${active.getAttribute('part') ?? ''}]` : '';
    });
  const me = async (token: string) =>
    env.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });
  const confirmedAt = async (token: string) =>
    ((await me(token)).json() as { account: { emailConfirmedAt: string | null } }).account.emailConfirmedAt;

  it('confirms the address on the button press only, leaves no token in the address bar, and refuses the link a second time', async () => {
    const member = await signUp(env.app);
    const token = await mailedToken(env.app, member.email, 'email-confirmation');
    const fragment = `#wsc-confirm-email=${encodeURIComponent(token)}`;
    // The partner's account page: the script and the member's e-mail preferences, no dialog of its own.
    const body = `<wsc-mail-preferences token="${member.token}"></wsc-mail-preferences>`;
    const { page, errors } = await env.open(body, { fragment });

    await dialog(page).waitFor();
    expect(await dialog(page).evaluate((node) => (node as HTMLDialogElement).open)).toBe(true);
    expect(await page.evaluate(() => window.location.href)).not.toContain(token);
    expect(await page.evaluate(() => window.location.hash)).toBe('');
    expect(await inDialog(page, '#link-title').textContent()).toBe('Confirm your e-mail address');
    expect(await focused(page)).toBe('button#[]');
    expect(await env.axe(page)).toEqual([]);
    // Opening the page (a mail scanner, a link preview) spent nothing.
    expect(await confirmedAt(member.token)).toBeNull();
    const status = page.locator('wsc-mail-preferences .unconfirmed');
    await status.waitFor();

    const confirmed = page.waitForResponse((response) =>
      response.url().endsWith('/v1/auth/email-confirmations/complete'),
    );
    await inDialog(page, '#panel-confirm-email button[type="submit"]').click();
    expect((await confirmed).status()).toBe(200);
    const outcome = inDialog(page, '[part~="link-outcome"]');
    await outcome.waitFor();
    expect((await outcome.textContent())?.trim()).toBe('Thank you: your address is confirmed.');
    expect(await focused(page)).toBe('p#[link-outcome]');
    expect(await confirmedAt(member.token)).not.toBeNull();
    // The preferences on the page hear of it: the address shows as confirmed, with nothing to send again.
    await page.locator('wsc-mail-preferences .confirmed').waitFor();
    expect(await page.locator('wsc-mail-preferences [part~="send-again"]').count()).toBe(0);
    expect(await env.axe(page)).toEqual([]);
    await inDialog(page, '[part~="link-outcome"] ~ button.primary').click();
    expect(await dialog(page).evaluate((node) => (node as HTMLDialogElement).open)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();

    // The same link again (the mail opened twice): a clear refusal, and the way to a new one.
    const again = await env.open(body, { fragment });
    await dialog(again.page).waitFor();
    await inDialog(again.page, '#panel-confirm-email button[type="submit"]').click();
    const refusal = inDialog(again.page, '[part~="link-outcome"]');
    await refusal.waitFor();
    expect((await refusal.textContent())?.trim()).toBe('This link is unknown, already used or expired.');
    expect((await inDialog(again.page, '[part~="new-link"]').textContent())?.trim()).toBe(
      'Sign in to have a new link sent',
    );
    expect(await env.axe(again.page)).toEqual([]);
    await inDialog(again.page, '[part~="new-link"]').click();
    expect(await inDialog(again.page, '#tab-sign-in').getAttribute('aria-selected')).toBe('true');
    // The refused request is the only thing the console reports.
    expect(again.errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
    await again.page.close();
  });

  it('in Arabic, right to left: a reset link asks for the new password, shows a field error, then signs the member in and ends the other sessions', async () => {
    const member = await signUp(env.app);
    const asked = await env.app.inject({
      method: 'POST',
      url: '/v1/auth/password-resets',
      payload: { email: member.email },
      remoteAddress: '192.0.2.10',
    });
    expect(asked.statusCode).toBe(202);
    const token = await mailedToken(env.app, member.email, 'password-reset');
    const { page, errors } = await env.open('<wsc-mail-preferences></wsc-mail-preferences>', {
      lang: 'ar',
      fragment: `#wsc-reset-password=${token}`,
    });

    await dialog(page).waitFor();
    expect(await inDialog(page, '[part~="base"]').getAttribute('dir')).toBe('rtl');
    expect(await inDialog(page, '#link-title').textContent()).toBe(arabic.newPasswordTitle);
    expect(await focused(page)).toBe('input#new-password-password[]');
    expect(await page.evaluate(() => window.location.hash)).toBe('');
    expect(await env.axe(page)).toEqual([]);

    const password = inDialog(page, '#new-password-password');
    await password.fill('short');
    await inDialog(page, '#panel-new-password button[type="submit"]').click();
    await expect.poll(() => password.getAttribute('aria-invalid'), { timeout: 5000 }).toBe('true');
    expect(await inDialog(page, '#new-password-password-error').textContent()).toBe(
      arabicCommon['field.tooShort'],
    );
    expect(await env.axe(page)).toEqual([]);

    await password.fill('a brand new passphrase');
    const completed = page.waitForResponse((response) =>
      response.url().endsWith('/v1/auth/password-resets/complete'),
    );
    await inDialog(page, '#panel-new-password button[type="submit"]').click();
    const session = (await (await completed).json()) as { token: string };
    const outcome = inDialog(page, '[part~="link-outcome"]');
    await outcome.waitFor();
    expect((await outcome.textContent())?.trim()).toBe(arabic.passwordChanged);
    expect(await env.axe(page)).toEqual([]);
    // Signed in on this page: the preferences show the member; the session before the reset ended.
    await page.locator('wsc-mail-preferences [part~="address"]').waitFor();
    expect(await page.locator('wsc-mail-preferences [part~="address"] bdi').textContent()).toBe(member.email);
    expect((await me(member.token)).statusCode).toBe(401);
    expect((await me(session.token)).statusCode).toBe(200);
    const storage = await page.evaluate(() =>
      JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]),
    );
    expect(storage).not.toContain(session.token);
    expect(storage).not.toContain(token);
    expect(errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
    await page.close();
  });
});
