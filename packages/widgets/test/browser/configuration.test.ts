// How a partner configures the widgets, as the README says: attributes of the embed script, a
// <wsc-config> element, `wsc.configure()` after the script loaded, `window.wsc` declared before
// it, and the language following the page when a language switcher changes <html lang>.
import { signUp } from '@wsc/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip, hasChromium, startWidgetEnvironment, type WidgetEnvironment } from './harness';

announceSkip('widget configuration');
const CARD = '<wsc-event-card event="world-smart-city-forum-2016"></wsc-event-card>';

describe.skipIf(!hasChromium)('configuring the widgets on a partner page', () => {
  let env: WidgetEnvironment;
  beforeAll(async () => {
    env = await startWidgetEnvironment();
  });
  afterAll(() => env?.dispose());

  /** The publishable keys the page's API requests carried. */
  function keysSent(page: import('playwright-core').Page): string[] {
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${env.apiUrl}/v1/`))
        keys.push(request.headers()['x-wsc-publishable-key'] ?? '(none)');
    });
    return keys;
  }

  it('takes the key, the API and the language from a <wsc-config> element around the widgets', async () => {
    const { page, errors } = await env.open(
      `<wsc-config api-url="${env.apiUrl}" publishable-key="${env.partner.publishableKey}" lang="fr">${CARD}</wsc-config>`,
      { withoutScript: true, head: `<script src="${env.apiUrl}/embed/v1/wsc.js" async></script>` },
    );
    const keys = keysSent(page);
    await page.reload();
    await page.locator('wsc-event-card [part~="name"]').waitFor();
    expect(await page.locator('wsc-event-card [part~="base"]').getAttribute('lang')).toBe('fr');
    expect(await page.locator('wsc-event-card [part~="base"]').textContent()).toContain('Où');
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys)).toEqual(new Set([env.partner.publishableKey]));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows a language switcher that changes <html lang>, and wsc.configure() afterwards', async () => {
    const { page } = await env.open(CARD, { lang: 'en' });
    const base = page.locator('wsc-event-card [part~="base"]');
    await page.locator('wsc-event-card [part~="name"]').waitFor();
    expect(await base.textContent()).toContain('Where');
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'es'));
    await expect.poll(() => base.textContent()).toContain('Dónde');
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'ar'));
    await expect.poll(() => base.getAttribute('dir')).toBe('rtl');
    // The configured language comes before <html lang>; the element's own lang before both.
    await page.evaluate(() =>
      (window as unknown as { wsc: { configure(value: object): void } }).wsc.configure({ lang: 'ru' }),
    );
    await expect.poll(() => base.textContent()).toContain('Где');
    await page.evaluate(() => document.querySelector('wsc-event-card')?.setAttribute('lang', 'zh'));
    await expect.poll(() => base.textContent()).toContain('地点');
    await page.close();
  });

  it('acts as the member whose token a partner put in the token attribute', async () => {
    const member = await signUp(env.app);
    const { page, errors } = await env.open(
      `<wsc-pain-point-board page-size="1" token="${member.token}"></wsc-pain-point-board>`,
    );
    const vote = page.locator('wsc-pain-point-board [part~="vote-button"]').first();
    await vote.click();
    // No sign-in dialog: the vote went through as that member.
    await expect.poll(() => vote.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('wsc-sign-in-dialog').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads a configuration the partner declared in window.wsc before the script', async () => {
    const { page, errors } = await env.open(CARD, {
      withoutScript: true,
      head: `<script>window.wsc = { lang: 'fr' };</script>${env.scriptTag()}`,
    });
    await page.locator('wsc-event-card [part~="name"]').waitFor();
    expect(await page.locator('wsc-event-card [part~="base"]').textContent()).toContain('Où');
    // The loader then replaces the declaration with its API.
    expect(
      await page.evaluate(() => typeof (window as unknown as { wsc: { ready?: unknown } }).wsc.ready),
    ).toBe('function');
    expect(errors).toEqual([]);
    await page.close();
  });
});
