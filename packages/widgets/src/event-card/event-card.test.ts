import type { Event } from '@wsc/models';
import { signUp } from '@wsc/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceSkip,
  hasChromium,
  startWidgetEnvironment,
  type WidgetEnvironment,
} from '../../test/browser/harness';

announceSkip('<wsc-event-card> browser tests');
const FORUM = 'world-smart-city-forum-2016';

describe.skipIf(!hasChromium)('<wsc-event-card> on a partner page', () => {
  let env: WidgetEnvironment;
  beforeAll(async () => {
    env = await startWidgetEnvironment();
  });
  afterAll(() => env?.dispose());

  it('shows the seeded forum in the reader’s time zone, loaded by the one script tag', async () => {
    const { page, errors } = await env.open(`<wsc-event-card event="${FORUM}"></wsc-event-card>`, {
      timezoneId: 'Europe/Paris',
    });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const name = page.locator('wsc-event-card [part~="name"]');
    await name.waitFor();
    expect(await name.textContent()).toContain('World Smart City Forum');
    // 09:00 in Singapore is 03:00 in Paris (summer time): the reader's clock, not the venue's.
    expect(await page.locator('wsc-event-card time').textContent()).toContain('3:00');
    expect(errors).toEqual([]);
    expect(await env.axe(page)).toEqual([]);
    await page.close();
  });

  it('shows the seats left, updated live, and when registration closes in the reader’s time zone', async () => {
    const admin = await signUp(env.app, { roles: ['admin'] });
    const created = await env.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: admin.headers,
      payload: {
        name: { en: 'Smart Lighting Day' },
        description: { en: 'Street lighting and energy.' },
        startsAt: '2099-03-10T09:00:00+01:00',
        endsAt: '2099-03-10T17:00:00+01:00',
        timeZone: 'Europe/Paris',
        city: 'Lyon',
        country: 'FR',
        capacity: 2,
        registrationClosesAt: '2099-03-01T12:00:00+01:00',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json() as Event;
    const { page, errors } = await env.open(`<wsc-event-card event="${event.slug}"></wsc-event-card>`, {
      timezoneId: 'America/New_York',
    });
    const seats = page.locator('wsc-event-card [part~="seats"][data-live]');
    await seats.waitFor();
    expect(await seats.textContent()).toBe('2 seats left');
    // 12:00 in Paris is 06:00 in New York.
    expect(await page.locator('wsc-event-card [part~="registration"]').textContent()).toBe(
      'Registration is open until March 1, 2099 at 6:00 AM.',
    );
    const member = await signUp(env.app);
    const registered = await env.app.inject({
      method: 'POST',
      url: `/v1/events/${event.id}/registrations`,
      headers: member.headers,
      payload: {},
    });
    expect(registered.statusCode, registered.body).toBe(201);
    await expect.poll(() => seats.textContent(), { timeout: 1000 }).toBe('1 seat left');
    expect(errors).toEqual([]);
    expect(await env.axe(page)).toEqual([]);
    await page.close();
  });

  it('speaks Arabic right to left when the page is in Arabic', async () => {
    const { page } = await env.open(`<wsc-event-card event="${FORUM}"></wsc-event-card>`, { lang: 'ar' });
    const base = page.locator('wsc-event-card [part~="base"]');
    await page.locator('wsc-event-card [part~="name"]').waitFor();
    expect(await base.getAttribute('dir')).toBe('rtl');
    expect(await base.textContent()).toContain('المكان');
    await page.close();
  });
});
