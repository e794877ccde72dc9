import { signUp } from '@wsc/server/test-support';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceSkip,
  hasChromium,
  startWidgetEnvironment,
  type WidgetEnvironment,
} from '../../test/browser/harness';
import { messages as arabic } from './translations/ar';

announceSkip('<wsc-mail-preferences> browser tests');

describe.skipIf(!hasChromium)('<wsc-mail-preferences>', () => {
  let env: WidgetEnvironment;
  beforeAll(async () => {
    env = await startWidgetEnvironment();
  });
  afterAll(() => env?.dispose());

  const part = (page: Page, name: string) => page.locator(`wsc-mail-preferences [part~="${name}"]`);
  const inDialog = (page: Page, selector: string) => page.locator(`wsc-sign-in-dialog ${selector}`);
  const confirmationsQueued = async (email: string) =>
    (
      await env.app.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('address_normalized', '=', email.toLowerCase())
        .where('template', '=', 'email-confirmation')
        .execute()
    ).length;
  const preferencesOf = async (headers: Record<string, string>) =>
    (await env.app.inject({ method: 'GET', url: '/v1/me/notification-preferences', headers })).json();

  it('signed out, offers the sign-in; the dialog then says the address is unconfirmed and sends the confirmation again; the choices are saved', async () => {
    const member = await signUp(env.app);
    const { page, errors } = await env.open('<wsc-mail-preferences></wsc-mail-preferences>');
    await part(page, 'sign-in').waitFor();
    expect(await env.axe(page)).toEqual([]);

    await part(page, 'sign-in').click();
    await inDialog(page, 'dialog').waitFor();
    await inDialog(page, '#sign-in-email').fill(member.email);
    await inDialog(page, '#sign-in-password').fill(member.password);
    await inDialog(page, '#panel-sign-in button[type="submit"]').click();

    // Signed in, the dialog says what is missing before it closes.
    const unconfirmed = inDialog(page, '[part~="unconfirmed"]');
    await unconfirmed.waitFor();
    expect(await unconfirmed.textContent()).toBe(
      'Your e-mail address is not confirmed yet: open the link in the mail we sent to it.',
    );
    expect(await inDialog(page, '#panel-account bdi').textContent()).toBe(member.email);
    expect(await env.axe(page)).toEqual([]);
    const resent = page.waitForResponse((response) =>
      response.url().endsWith('/v1/auth/email-confirmations'),
    );
    await inDialog(page, '[part~="send-again"]').click();
    expect((await resent).status()).toBe(202);
    await expect
      .poll(() => inDialog(page, '[part~="resend-status"]').textContent(), { timeout: 5000 })
      .toBe('A new confirmation mail is on its way. Check your mailbox.');
    expect(await confirmationsQueued(member.email)).toBe(2);
    await inDialog(page, '[part~="continue"]').click();
    await inDialog(page, 'dialog').waitFor({ state: 'detached' });

    // The element now shows the member's address, unconfirmed, and the choices.
    await part(page, 'address').waitFor();
    expect(await page.locator('wsc-mail-preferences [part~="address"] bdi').textContent()).toBe(member.email);
    expect(await page.locator('wsc-mail-preferences .unconfirmed').textContent()).toBe(
      'Not confirmed yet: open the link in the mail we sent to this address.',
    );
    const box = (name: string, value = 'on') =>
      page.locator(`wsc-mail-preferences input[name="${name}"][value="${value}"]`);
    expect(await box('moderation').isChecked()).toBe(true);
    expect(await box('digest').isChecked()).toBe(false);
    expect(await page.locator('wsc-mail-preferences input[name="digestDomains"]').count()).toBe(0);
    expect(await env.axe(page)).toEqual([]);

    // By keyboard: the digest, with one domain; moderation notices off.
    await box('digest').focus();
    await page.keyboard.press('Space');
    await box('digestDomains', 'water').waitFor();
    await box('digestDomains', 'water').check();
    await box('moderation').uncheck();
    expect(await env.axe(page)).toEqual([]);
    const saved = page.evaluate(
      () =>
        new Promise<unknown>((resolve) =>
          window.addEventListener('wsc-mail-preferences-saved', (event) =>
            resolve((event as CustomEvent).detail.preferences),
          ),
        ),
    );
    await part(page, 'save').click();
    expect(await saved).toMatchObject({ moderation: false, digest: true, digestDomains: ['water'] });
    await expect
      .poll(() => part(page, 'status').textContent(), { timeout: 5000 })
      .toBe('Your choices are saved.');
    expect(await preferencesOf(member.headers)).toMatchObject({
      moderation: false,
      digest: true,
      digestDomains: ['water'],
    });
    expect(errors).toEqual([]);
    await page.close();

    // Another page, the member handed by the partner: the choices as saved.
    const again = await env.open(`<wsc-mail-preferences token="${member.token}"></wsc-mail-preferences>`);
    await again.page.locator('wsc-mail-preferences input[name="digestDomains"][value="water"]').waitFor();
    expect(await again.page.locator('wsc-mail-preferences input[name="digestDomains"]:checked').count()).toBe(
      1,
    );
    expect(await again.page.locator('wsc-mail-preferences input[name="moderation"]').isChecked()).toBe(false);
    await again.page.close();
  });

  it('in Arabic, right to left: past the hourly limit, sending the confirmation again says so in Arabic', async () => {
    const member = await signUp(env.app);
    // The address's hourly allowance spent from elsewhere.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const answer = await env.app.inject({
        method: 'POST',
        url: '/v1/auth/email-confirmations',
        headers: member.headers,
        remoteAddress: '192.0.2.20',
      });
      expect(answer.statusCode).toBe(202);
    }
    const { page } = await env.open(`<wsc-mail-preferences token="${member.token}"></wsc-mail-preferences>`, {
      lang: 'ar',
    });
    await part(page, 'send-again').waitFor();
    expect(await part(page, 'base').getAttribute('dir')).toBe('rtl');
    expect(await part(page, 'heading').textContent()).toBe(arabic.heading);
    const refused = page.waitForResponse((response) =>
      response.url().endsWith('/v1/auth/email-confirmations'),
    );
    await part(page, 'send-again').click();
    expect((await refused).status()).toBe(429);
    await expect
      .poll(() => part(page, 'resend-status').textContent(), { timeout: 5000 })
      .toBe(arabic.tooManyRequests);
    expect(await env.axe(page)).toEqual([]);
    await page.close();
  });
});
