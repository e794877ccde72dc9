import { readFileSync } from 'node:fs';
import type { Event, Registration } from '@wsc/models';
import { type SignedUp, signUp } from '@wsc/server/test-support';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceSkip,
  hasChromium,
  startWidgetEnvironment,
  type WidgetEnvironment,
} from '../../test/browser/harness';

announceSkip('<wsc-event-registration> browser tests');

const RAW_KEY = /\b[a-zA-Z]+\.[a-zA-Z]+\b/;

describe.skipIf(!hasChromium)('<wsc-event-registration> on a partner page', () => {
  let env: WidgetEnvironment;
  let admin: SignedUp;
  let counter = 0;

  beforeAll(async () => {
    env = await startWidgetEnvironment();
    admin = await signUp(env.app, { roles: ['admin'] });
  });
  afterAll(() => env?.dispose());

  /** An upcoming event whose registration is open, created by an admin through the API. */
  async function createEvent(overrides: Record<string, unknown> = {}): Promise<Event> {
    counter += 1;
    const startsAt = new Date(Date.now() + 40 * 86_400_000);
    const response = await env.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: admin.headers,
      payload: {
        name: { en: `Smart Water Day ${counter}` },
        description: { en: 'Utilities and standards experts on leak detection.' },
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 8 * 3_600_000).toISOString(),
        timeZone: 'Europe/Zurich',
        city: 'Geneva',
        country: 'CH',
        freeAttendance: ['community-member'],
        registrationClosesAt: new Date(startsAt.getTime() - 86_400_000).toISOString(),
        ...overrides,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Event;
  }

  async function mine(event: Event, member: SignedUp): Promise<Registration> {
    const response = await env.app.inject({
      method: 'GET',
      url: `/v1/events/${event.id}/registrations/me`,
      headers: member.headers,
    });
    return response.json() as Registration;
  }

  /** Opens a page with the element, signed in as `member` when given; waits until it follows live updates. */
  async function openRegistration(event: Event, member?: SignedUp, options: { lang?: string } = {}) {
    const opened = await env.open(`<wsc-event-registration event="${event.slug}"></wsc-event-registration>`, {
      ...options,
      timezoneId: 'Asia/Tokyo',
    });
    const { page } = opened;
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      for (const type of ['wsc-registered', 'wsc-cancelled'])
        document.addEventListener(type, (event) => {
          const detail = (event as CustomEvent<{ registration: Registration }>).detail;
          seen.push(`${type}:${detail.registration.status}`);
        });
    });
    if (member) {
      await page.locator('wsc-event-registration [part~="base"]').waitFor();
      await page.evaluate((token) => {
        const element = document.querySelector('wsc-event-registration') as HTMLElement & { token?: string };
        element.token = token;
      }, member.token);
    }
    await page.locator('wsc-event-registration [part~="window"]').waitFor();
    // Following live updates (the seats line is hidden when the event has no capacity).
    await page.locator('wsc-event-registration [part~="seats"][data-live]').waitFor({ state: 'attached' });
    return opened;
  }

  const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  const status = (page: Page) => page.locator('wsc-event-registration [part~="status"]');
  const seats = (page: Page) => page.locator('wsc-event-registration [part~="seats"]');

  it('registers a member, another open page sees the seats go down within a second, and the .ics downloads', async () => {
    const event = await createEvent({ capacity: 3 });
    const member = await signUp(env.app);
    const other = await openRegistration(event);
    await other.page.locator('wsc-event-registration [part~="seats"][data-live]').waitFor();
    expect(await seats(other.page).textContent()).toBe('3 seats left');
    // Signed out: free attendance is offered to those who join.
    expect(await other.page.locator('wsc-event-registration [part~="eligibility"]').textContent()).toContain(
      'Community member',
    );
    expect(await env.axe(other.page)).toEqual([]);

    const { page, errors } = await openRegistration(event, member);
    await page.locator('wsc-event-registration [part~="register"]').waitFor();
    // Registration window in the reader's time zone (Tokyo), as a sentence.
    expect(await page.locator('wsc-event-registration [part~="window"]').textContent()).toMatch(
      /^Registration is open until .+\d{4}.+\.$/,
    );
    expect(
      await page.locator('wsc-event-registration [part~="eligibility"] [role="status"]').textContent(),
    ).toBe('You attend for free: Community member.');
    expect(await env.axe(page)).toEqual([]);

    const created = page.waitForResponse(
      (response) => response.url().endsWith('/registrations') && response.request().method() === 'POST',
    );
    await page.locator('wsc-event-registration [part~="register"]').click();
    expect((await created).status()).toBe(201);
    const started = Date.now();
    await other.page.waitForFunction(
      () =>
        document.querySelector('wsc-event-registration')?.shadowRoot?.querySelector('[part~="seats"]')
          ?.textContent === '2 seats left',
      undefined,
      { timeout: 1000 },
    );
    expect(Date.now() - started).toBeLessThan(1000);
    await expect
      .poll(() => status(page).textContent(), { timeout: 5000 })
      .toBe('You are registered: your seat is confirmed.');
    expect(await seen(page)).toEqual(['wsc-registered:confirmed']);
    expect(await mine(event, member)).toMatchObject({ status: 'confirmed' });
    // The register button gave way to the cancel button, which now has the focus.
    expect(
      await page.evaluate(() =>
        document.querySelector('wsc-event-registration')?.shadowRoot?.activeElement?.getAttribute('part'),
      ),
    ).toBe('cancel');
    expect(await env.axe(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('wsc-event-registration [part~="calendar"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${event.slug}.ics`);
    const ics = readFileSync(await download.path(), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('Smart Water Day');
    expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
    await Promise.all([page.close(), other.page.close()]);
  });

  it('waitlists the next member once the event is full, and promotes them live when a seat is cancelled', async () => {
    const event = await createEvent({ capacity: 10 });
    const first = await signUp(env.app);
    const second = await signUp(env.app);
    const pageOfFirst = (await openRegistration(event, first)).page;
    await pageOfFirst.locator('wsc-event-registration [part~="register"]').click();
    await expect.poll(() => status(pageOfFirst).textContent(), { timeout: 5000 }).toContain('confirmed');

    // An admin lowers the capacity to the one seat taken: the event is full.
    const patched = await env.app.inject({
      method: 'PATCH',
      url: `/v1/events/${event.id}`,
      headers: admin.headers,
      payload: { capacity: 1 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const pageOfSecond = (await openRegistration(event, second)).page;
    expect(await seats(pageOfSecond).textContent()).toBe('Full: new registrations join the waitlist.');
    await pageOfSecond.locator('wsc-event-registration [part~="seats"][data-live]').waitFor();
    await pageOfSecond.locator('wsc-event-registration [part~="register"]').click();
    await expect
      .poll(() => status(pageOfSecond).textContent(), { timeout: 5000 })
      .toBe('You are on the waitlist, in position 1.');
    expect(await seen(pageOfSecond)).toEqual(['wsc-registered:waitlisted']);
    expect(await env.axe(pageOfSecond)).toEqual([]);

    // Cancelling asks first; keeping it changes nothing.
    await pageOfFirst.locator('wsc-event-registration [part~="cancel"]').click();
    expect(await pageOfFirst.locator('wsc-event-registration #cancel-question').textContent()).toContain(
      'Cancel your registration?',
    );
    expect(await env.axe(pageOfFirst)).toEqual([]);
    await pageOfFirst.keyboard.press('Enter'); // the focus is on "Keep it"
    await pageOfFirst.locator('wsc-event-registration [part~="cancel"]').waitFor();
    expect(await mine(event, first)).toMatchObject({ status: 'confirmed' });

    await pageOfFirst.locator('wsc-event-registration [part~="cancel"]').click();
    await pageOfFirst.locator('wsc-event-registration [part~="confirm-cancel"]').click();
    // A write's round trip on a loaded machine (CI runs suites beside each other): 10 s at most.
    await expect
      .poll(() => status(pageOfFirst).textContent(), { timeout: 10_000 })
      .toBe('Your registration is cancelled.');
    expect(await seen(pageOfFirst)).toEqual(['wsc-registered:confirmed', 'wsc-cancelled:cancelled']);
    await expect
      .poll(() => status(pageOfSecond).textContent(), { timeout: 5000 })
      .toBe('A seat became free: your registration is now confirmed.');
    expect(await mine(event, second)).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    await Promise.all([pageOfFirst.close(), pageOfSecond.close()]);
  });

  it('is busy and accessible while the event loads, in the card and the registration alike', async () => {
    const event = await createEvent();
    const { page, errors } = await env.open('<div id="here"></div>');
    // Hold the event's reads to see (and check) the loading state.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/v1\/events\//, async (route) => {
      await held;
      await route.continue();
    });
    await page.evaluate((slug) => {
      for (const tag of ['wsc-event-card', 'wsc-event-registration']) {
        const element = document.createElement(tag);
        element.setAttribute('event', slug);
        document.querySelector('#here')?.append(element);
      }
    }, event.slug);
    for (const tag of ['wsc-event-card', 'wsc-event-registration'])
      await page.locator(`${tag} [aria-busy="true"]`).first().waitFor();
    expect(await env.axe(page)).toEqual([]);
    release();
    await page.locator('wsc-event-registration [part~="window"]').waitFor();
    await page.unrouteAll({ behavior: 'wait' });
    expect(await page.locator('wsc-event-registration [aria-busy="true"]').count()).toBe(0);
    expect(await env.axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('registers with the partner’s getToken hook and writes nothing to storage', async () => {
    const event = await createEvent();
    const member = await signUp(env.app);
    const { page } = await openRegistration(event);
    await page.evaluate(async (token) => {
      const wsc = (window as unknown as { wsc: { ready(): Promise<void>; configure(config: object): void } })
        .wsc;
      await wsc.ready();
      wsc.configure({ getToken: () => token });
    }, member.token);
    await expect
      .poll(
        () => page.locator('wsc-event-registration [part~="eligibility"] [role="status"]').textContent(),
        {
          timeout: 5000,
        },
      )
      .toBe('You attend for free: Community member.');
    const sent = page.waitForRequest(
      (request) => request.url().endsWith('/registrations') && request.method() === 'POST',
    );
    await page.locator('wsc-event-registration [part~="register"]').click();
    expect((await sent).headers().authorization).toBe(`Bearer ${member.token}`);
    await expect.poll(() => status(page).textContent(), { timeout: 5000 }).toContain('confirmed');
    // No dialog was needed: the hook signed the member in.
    expect(await page.locator('wsc-sign-in-dialog').count()).toBe(0);
    expect(await mine(event, member)).toMatchObject({ status: 'confirmed' });
    const stored = await page.evaluate(() =>
      JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]),
    );
    expect(stored).not.toContain(member.token);
    await page.close();
  });

  it('speaks Arabic right to left, renders hostile text as text, and shows an unknown event as an error', async () => {
    const hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
    const event = await createEvent({
      name: { en: hostile },
      capacity: 5,
      freeAttendance: ['invited', 'co-located-registrant'],
      coLocatedEvents: [{ code: 'WCS', name: hostile, url: null }],
    });
    const { page } = await openRegistration(event, undefined, { lang: 'ar' });
    const base = page.locator('wsc-event-registration [part~="base"]');
    await page.locator('wsc-event-registration [part~="register"]').waitFor();
    expect(await base.getAttribute('dir')).toBe('rtl');
    const text = (await base.textContent()) ?? '';
    expect(text).toContain('التسجيل');
    expect(text).toContain('بقي'); // seats left, in Arabic plural form
    expect(text).toContain(hostile);
    expect(await page.locator('wsc-event-registration select option').allTextContents()).toContain(hostile);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(text.replaceAll(hostile, '')).not.toMatch(RAW_KEY);
    // Free attendance here needs an invitation or a co-located registration: not yet given.
    expect(
      await page.locator('wsc-event-registration [part~="eligibility"] [role="status"]').textContent(),
    ).toBe('لا تنطبق عليك أي قاعدة للحضور المجاني بعد: أدخل رمز دعوة أو عضوية أو تسجيلًا آخر.');
    expect(await env.axe(page)).toEqual([]);

    // A code too short to be one: the server's field error shows at the field, in Arabic.
    const code = page.locator('wsc-event-registration #claim-invitationCode');
    await code.fill('abc');
    await page.locator('wsc-event-registration form.claim button').click();
    await expect.poll(() => code.getAttribute('aria-invalid'), { timeout: 5000 }).toBe('true');
    expect(await page.locator('wsc-event-registration #claim-invitationCode-error').textContent()).toBe(
      'النص قصير جدًا.',
    );
    expect(await code.getAttribute('aria-describedby')).toBe('claim-invitationCode-error');
    expect(await page.locator('wsc-event-registration [role="alert"]').textContent()).toBe(
      'حقل واحد يحتاج إلى انتباهك.',
    );
    expect(await env.axe(page)).toEqual([]);

    // Signed out, registering opens the join dialog in the element's language.
    await page.locator('wsc-event-registration [part~="register"]').click();
    const dialog = page.locator('wsc-sign-in-dialog dialog[open]');
    await dialog.waitFor();
    expect(
      await page
        .locator('wsc-sign-in-dialog [part~="base"]')
        .evaluate((node) => getComputedStyle(node).direction),
    ).toBe('rtl');
    const dialogText = (await dialog.textContent()) ?? '';
    expect(dialogText).toContain('انضم وسجّل');
    expect(dialogText).not.toMatch(RAW_KEY);
    expect(await env.axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('wsc-sign-in-dialog').waitFor({ state: 'detached' });
    await page.close();

    const missing = await env.open('<wsc-event-registration event="no-such-event"></wsc-event-registration>');
    const alert = missing.page.locator('wsc-event-registration [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('This could not be found. It may have been removed.');
    expect(await missing.page.locator('wsc-event-registration button').textContent()).toBe('Try again');
    expect(await env.axe(missing.page)).toEqual([]);
    await missing.page.close();
  });
});
