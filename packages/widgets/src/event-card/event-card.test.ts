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

  it('speaks Arabic right to left when the page is in Arabic', async () => {
    const { page } = await env.open(`<wsc-event-card event="${FORUM}"></wsc-event-card>`, { lang: 'ar' });
    const base = page.locator('wsc-event-card [part~="base"]');
    await page.locator('wsc-event-card [part~="name"]').waitFor();
    expect(await base.getAttribute('dir')).toBe('rtl');
    expect(await base.textContent()).toContain('المكان');
    await page.close();
  });
});
