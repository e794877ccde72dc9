import type { Event, Registration } from '@wsc/models';
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

announceSkip('<wsc-sign-in-dialog> browser tests');

describe.skipIf(!hasChromium)('<wsc-sign-in-dialog> opened by a widget', () => {
  let env: WidgetEnvironment;
  let event: Event;

  beforeAll(async () => {
    env = await startWidgetEnvironment();
    const admin = await signUp(env.app, { roles: ['admin'] });
    const startsAt = new Date(Date.now() + 50 * 86_400_000);
    const response = await env.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: admin.headers,
      payload: {
        name: { en: 'Smart Mobility Day' },
        description: { en: 'Transport planners and standards experts.' },
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 8 * 3_600_000).toISOString(),
        timeZone: 'Asia/Singapore',
        city: 'Singapore',
        country: 'SG',
        capacity: 50,
        freeAttendance: ['community-member'],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    event = response.json() as Event;
  });
  afterAll(() => env?.dispose());

  const page$ = () => env.open(`<wsc-event-registration event="${event.slug}"></wsc-event-registration>`);
  const dialog = (page: Page) => page.locator('wsc-sign-in-dialog dialog');
  const register = (page: Page) => page.locator('wsc-event-registration [part~="register"]');
  const status = (page: Page) => page.locator('wsc-event-registration [part~="status"]');
  /** The focused element, inside shadow roots. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active ? `${active.localName}#${active.id}[${active.getAttribute('part') ?? ''}]` : '';
    });
  const storage = (page: Page) =>
    page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]));

  it('signed out, register opens the join dialog: a bad e-mail is shown at its field, a good join registers, and the token stays in memory', async () => {
    const { page } = await page$();
    await register(page).click();
    await dialog(page).waitFor();
    expect(await dialog(page).evaluate((node) => (node as HTMLDialogElement).open)).toBe(true);
    expect(await page.locator('wsc-sign-in-dialog #tab-join').getAttribute('aria-selected')).toBe('true');
    expect(await focused(page)).toBe('input#join-displayName[]');
    expect(await env.axe(page)).toEqual([]);

    const field = (name: string) => page.locator(`wsc-sign-in-dialog #join-${name}`);
    await field('displayName').fill('Amina Diallo');
    await field('email').fill('amina-at-example.org');
    await field('password').fill('a long passphrase');
    await field('role').selectOption('urban-planner');
    await field('country').selectOption('SN');
    await page.locator('wsc-sign-in-dialog #panel-join button[type="submit"]').click();

    await expect.poll(() => field('email').getAttribute('aria-invalid'), { timeout: 5000 }).toBe('true');
    expect(await page.locator('wsc-sign-in-dialog #join-email-error').textContent()).toBe(
      'Expected an e-mail address',
    );
    expect(await field('email').getAttribute('aria-describedby')).toBe('join-email-error');
    expect(await page.locator('wsc-sign-in-dialog [part~="form-error"]').textContent()).toBe(
      'One field needs your attention.',
    );
    expect(await focused(page)).toBe('input#join-email[]');
    expect(await env.axe(page)).toEqual([]);

    await field('email').fill('amina@example.org');
    const answer = page.waitForResponse(
      (response) => response.url().endsWith('/registrations') && response.request().method() === 'POST',
    );
    await page.locator('wsc-sign-in-dialog #panel-join button[type="submit"]').click();
    const created = (await (await answer).json()) as Registration & { session: { token: string } };
    expect(created.status).toBe('confirmed');
    // Joined: the dialog says the address waits for its confirmation, with the focus on going on.
    const unconfirmed = page.locator('wsc-sign-in-dialog [part~="unconfirmed"]');
    await unconfirmed.waitFor();
    expect(await unconfirmed.textContent()).toBe(
      'Your e-mail address is not confirmed yet: open the link in the mail we sent to it.',
    );
    expect(await page.locator('wsc-sign-in-dialog #panel-account bdi').textContent()).toBe(
      'amina@example.org',
    );
    expect(await focused(page)).toBe('button#[continue]');
    expect(await env.axe(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.locator('wsc-sign-in-dialog').waitFor({ state: 'detached' });
    await expect
      .poll(() => status(page).textContent(), { timeout: 5000 })
      .toBe('You are registered: your seat is confirmed.');
    const token = created.session.token;
    expect(
      (
        await env.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } })
      ).json(),
    ).toMatchObject({
      account: { email: 'amina@example.org' },
      profile: { displayName: 'Amina Diallo', country: 'SN', role: 'urban-planner' },
    });
    expect(await storage(page)).not.toContain(token);
    expect(await env.axe(page)).toEqual([]);

    // Signing out forgets the member: the element offers registration again only after a new sign-in.
    await page.locator('wsc-event-registration [part~="sign-out"]').click();
    await register(page).waitFor();
    // …and revokes the session on the server.
    await expect
      .poll(
        async () =>
          (
            await env.app.inject({
              method: 'GET',
              url: '/v1/me',
              headers: { authorization: `Bearer ${token}` },
            })
          ).statusCode,
        { timeout: 5000 },
      )
      .toBe(401);

    await page.reload();
    await register(page).waitFor();
    expect(await storage(page)).not.toContain(token);
    expect(await page.locator('wsc-event-registration [part~="sign-out"]').count()).toBe(0);
    await page.close();
  });

  it('a member signs in (after a wrong password), and Escape closes the dialog with the focus back on the opener', async () => {
    const member = await signUp(env.app);
    const { page } = await page$();
    await register(page).click();
    await dialog(page).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('wsc-sign-in-dialog').waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button#[register]');
    expect(await status(page).textContent()).toBe('');

    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    // Tabs by keyboard: an arrow moves to the other tab.
    await page.locator('wsc-sign-in-dialog #tab-join').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('wsc-sign-in-dialog #tab-sign-in').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('wsc-sign-in-dialog #panel-join').isHidden()).toBe(true);

    await page.locator('wsc-sign-in-dialog #sign-in-email').fill(member.email);
    await page.locator('wsc-sign-in-dialog #sign-in-password').fill('not the password');
    await page.locator('wsc-sign-in-dialog #panel-sign-in button[type="submit"]').click();
    const error = page.locator('wsc-sign-in-dialog [part~="form-error"]');
    await error.waitFor();
    expect(await error.textContent()).toBe('Wrong e-mail or password. Check both and try again.');
    expect(await error.getAttribute('role')).toBe('alert');

    await page.locator('wsc-sign-in-dialog #sign-in-password').fill(member.password);
    const login = page.waitForResponse((response) => response.url().endsWith('/v1/auth/login'));
    await page.locator('wsc-sign-in-dialog #panel-sign-in button[type="submit"]').click();
    const { token } = (await (await login).json()) as { token: string };
    await page.locator('wsc-sign-in-dialog [part~="continue"]').click();
    await page.locator('wsc-sign-in-dialog').waitFor({ state: 'detached' });
    // Signed in, the element goes on with the registration the reader asked for.
    await expect
      .poll(() => status(page).textContent(), { timeout: 5000 })
      .toBe('You are registered: your seat is confirmed.');
    const registration = await env.app.inject({
      method: 'GET',
      url: `/v1/events/${event.id}/registrations/me`,
      headers: member.headers,
    });
    expect(registration.json()).toMatchObject({ status: 'confirmed' });
    expect(await storage(page)).not.toContain(token);
    await page.close();
  });

  it('forgot password: the reset form sends the mail and says so alike for any address, and goes back to sign in', async () => {
    const member = await signUp(env.app);
    const { page } = await page$();
    await register(page).click();
    await dialog(page).waitFor();
    // Registering opens the join tab; the button is on the sign-in tab.
    await page.locator('wsc-sign-in-dialog #tab-sign-in').click();
    await page.locator('wsc-sign-in-dialog [part~="forgot-password"]').click();
    expect(await focused(page)).toBe('input#reset-email[]');
    expect(await page.locator('wsc-sign-in-dialog [role="tablist"]').count()).toBe(0);
    await page.locator('wsc-sign-in-dialog #reset-email').fill(member.email);
    const asked = page.waitForResponse((response) => response.url().endsWith('/v1/auth/password-resets'));
    await page.locator('wsc-sign-in-dialog #panel-reset button[type="submit"]').click();
    expect((await asked).status()).toBe(202);
    const sent = page.locator('wsc-sign-in-dialog [part~="reset-sent"]');
    await sent.waitFor();
    expect(await sent.textContent()).toBe(
      'If an account uses this e-mail, a link to reset its password is on its way. Check your mailbox.',
    );
    expect(await env.axe(page)).toEqual([]);
    const queued = await env.app.db
      .selectFrom('mail_outbox')
      .select('template')
      .where('address_normalized', '=', member.email.toLowerCase())
      .execute();
    expect(queued.map((row) => row.template)).toContain('password-reset');

    await page.locator('wsc-sign-in-dialog [part~="back"]').click();
    expect(await page.locator('wsc-sign-in-dialog #tab-sign-in').getAttribute('aria-selected')).toBe('true');
    await page.close();
  });

  it('a member whose address is confirmed signs in and the dialog closes at once', async () => {
    const member = await signUp(env.app);
    const token = await mailedToken(env.app, member.email, 'email-confirmation');
    const confirmed = await env.app.inject({
      method: 'POST',
      url: '/v1/auth/email-confirmations/complete',
      payload: { token },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { page } = await page$();
    await register(page).click();
    await dialog(page).waitFor();
    await page.locator('wsc-sign-in-dialog #tab-sign-in').click();
    await page.locator('wsc-sign-in-dialog #sign-in-email').fill(member.email);
    await page.locator('wsc-sign-in-dialog #sign-in-password').fill(member.password);
    await page.locator('wsc-sign-in-dialog #panel-sign-in button[type="submit"]').click();
    await page.locator('wsc-sign-in-dialog').waitFor({ state: 'detached' });
    await expect
      .poll(() => status(page).textContent(), { timeout: 5000 })
      .toBe('You are registered: your seat is confirmed.');
    await page.close();
  });
});
