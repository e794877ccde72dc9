import { readFileSync } from 'node:fs';
import type { Page as ListPage, PainPointView } from '@wsc/models';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceSkip,
  hasChromium,
  startWidgetEnvironment,
  type WidgetEnvironment,
} from '../../test/browser/harness';

announceSkip('<wsc-pain-point-map> browser tests');

const RAW_KEY = /\w+\.\w+/;
const COUNTRY = 'wsc-pain-point-map [part~="country"]';

describe.skipIf(!hasChromium)('<wsc-pain-point-map> on a partner page', () => {
  let env: WidgetEnvironment;
  beforeAll(async () => {
    env = await startWidgetEnvironment();
  });
  afterAll(() => env?.dispose());

  /** Pain points per country as the API lists them, read page by page. */
  async function apiCounts(domain?: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    let cursor: string | null | undefined;
    do {
      const query = new URLSearchParams({ limit: '100', ...(domain ? { domain } : {}) });
      if (cursor) query.set('cursor', cursor);
      const response = await env.app.inject({ method: 'GET', url: `/v1/pain-points?${query}` });
      expect(response.statusCode).toBe(200);
      const page = response.json() as ListPage<PainPointView>;
      for (const painPoint of page.data)
        if (painPoint.country) counts[painPoint.country] = (counts[painPoint.country] ?? 0) + 1;
      cursor = page.nextCursor;
    } while (cursor);
    return counts;
  }

  /**
   * Opens `body` and only then adds the embed script, as a partner page would, so that the
   * page's request listener (and any route set before `addScript`) sees every request of the widgets.
   */
  async function openWatched(body: string, options: { lang?: string } = {}) {
    const opened = await env.open(body, { ...options, withoutScript: true });
    const requests: string[] = [];
    opened.page.on('request', (request) => requests.push(request.url()));
    const addScript = () =>
      opened.page.evaluate(
        ([src, key]) => {
          const script = document.createElement('script');
          script.src = src as string;
          script.async = true;
          script.dataset.publishableKey = key;
          document.head.append(script);
        },
        [`${env.apiUrl}/embed/v1/wsc.js`, env.partner.publishableKey],
      );
    return { ...opened, requests, addScript };
  }

  /** Counts the widget shows: on the map (`data-count` of each country) and in the table. */
  async function shownCounts(page: Page) {
    const onMap = await page
      .locator('wsc-pain-point-map [part~="country"]')
      .evaluateAll((paths) =>
        Object.fromEntries(
          paths.map((path) => [path.getAttribute('data-country'), Number(path.getAttribute('data-count'))]),
        ),
      );
    const rows = await page
      .locator('wsc-pain-point-map tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [row.getAttribute('data-country'), row.querySelector('td')?.textContent?.trim()]),
      );
    return { onMap, rows };
  }

  it('fetches the geometry from the embed origin only near the viewport, draws the API’s counts, and selects by keyboard', async () => {
    const expected = await apiCounts();
    expect(Object.keys(expected).length).toBeGreaterThan(10);
    const { page, errors, requests, addScript } = await openWatched(
      '<div style="block-size: 3000px">Partner content</div><wsc-pain-point-map></wsc-pain-point-map>',
    );
    await addScript();
    await page.waitForFunction(() => 'wsc' in window);
    await page.waitForTimeout(500);
    expect(requests.some((url) => url.includes('/assets/'))).toBe(false);
    expect(await page.evaluate(() => customElements.get('wsc-pain-point-map'))).toBeUndefined();

    await page.locator('wsc-pain-point-map').scrollIntoViewIfNeeded();
    await page.locator(COUNTRY).first().waitFor();
    const geometry = requests.filter((url) => url.includes('countries-110m'));
    expect(geometry).toHaveLength(1);
    expect(geometry[0]).toMatch(
      new RegExp(`^${env.apiUrl}/embed/v1/assets/countries-110m-[0-9A-F]+\\.json$`),
    );

    // The map and its text equivalent both show the API's counts; the table most first.
    const { onMap, rows } = await shownCounts(page);
    expect(onMap).toEqual(expected);
    expect(Object.fromEntries(rows.map(([code, count]) => [code, Number(count)]))).toEqual(expected);
    const tableCounts = rows.map(([, count]) => Number(count));
    expect(tableCounts).toEqual([...tableCounts].sort((a, b) => b - a));
    expect(
      await page
        .locator('wsc-pain-point-map [data-country="FR"][part~="country"]')
        .getAttribute('aria-label'),
    ).toBe(`France: ${expected.FR} pain point${expected.FR === 1 ? '' : 's'}`);
    expect(await page.locator('wsc-pain-point-map [part~="legend"] li').count()).toBeGreaterThanOrEqual(2);
    expect(await env.axe(page)).toEqual([]);

    // Keyboard: one tab stop into the map, arrows eastwards, Enter chooses.
    await page.evaluate(() => {
      const selected: unknown[] = [];
      (window as unknown as { selected: unknown[] }).selected = selected;
      document
        .querySelector('wsc-pain-point-map')
        ?.addEventListener('wsc-country-select', (event) => selected.push(event.detail));
    });
    const focused = () =>
      page.evaluate(() => {
        const active = document.querySelector('wsc-pain-point-map')?.shadowRoot?.activeElement;
        return active?.getAttribute('data-country') ?? null;
      });
    await page.locator('wsc-pain-point-map h2').click();
    await page.keyboard.press('Tab');
    const first = await focused();
    expect(first).not.toBeNull();
    const tooltip = page.locator('wsc-pain-point-map [part~="tooltip"]');
    await tooltip.waitFor();
    await page.keyboard.press('ArrowRight');
    const second = await focused();
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    expect(await tooltip.textContent()).toContain(
      await page.evaluate(
        (code) => new Intl.DisplayNames('en', { type: 'region' }).of(code as string),
        second,
      ),
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { selected: unknown[] }).selected)).toEqual([
      { country: second, count: expected[second as string] },
    ]);
    // Escape hides the tooltip without moving focus (WCAG 1.4.13).
    await page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'detached' });
    expect(await focused()).toBe(second);
    // Tab leaves the map in one step: the next stop is the first country of the table.
    await page.keyboard.press('Tab');
    expect(await focused()).toBeNull();

    expect(errors).toEqual([]);
    const origins = new Set(requests.map((url) => new URL(url).origin));
    expect([...origins].every((origin) => origin === env.apiUrl || origin === env.pageOrigin)).toBe(true);
    await page.close();
  });

  it('speaks Arabic right to left around a map that is not mirrored (geometry from `geometry-url`)', async () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../dist/embed/manifest.json', import.meta.url), 'utf8'),
    );
    const geometry = `${env.apiUrl}/embed/v1/${manifest.assets['countries-110m.json']}`;
    const { page, errors, requests, addScript } = await openWatched(
      `<wsc-pain-point-map geometry-url="${geometry}"></wsc-pain-point-map>`,
      { lang: 'ar' },
    );
    await addScript();
    await page.locator(COUNTRY).first().waitFor();
    const base = page.locator('wsc-pain-point-map [part~="base"]');
    expect(await base.getAttribute('dir')).toBe('rtl');
    expect(await page.locator('wsc-pain-point-map [part~="map"]').getAttribute('dir')).toBe('ltr');
    const text = (await base.textContent()) ?? '';
    expect(text).toContain('المشكلات حسب البلد');
    expect(text).not.toMatch(RAW_KEY);
    const label = await page
      .locator('wsc-pain-point-map [data-country="FR"][part~="country"]')
      .getAttribute('aria-label');
    expect(label).toContain('فرنسا');
    expect(label).not.toMatch(RAW_KEY);
    expect(requests.filter((url) => url.includes('countries-110m'))).toEqual([geometry]);
    expect(await env.axe(page)).toEqual([]);
    // Hovering a country names it in a tooltip, in Arabic.
    await page.locator('wsc-pain-point-map [data-country="CN"][part~="country"]').hover();
    const tooltip = page.locator('wsc-pain-point-map [part~="tooltip"]');
    expect(await tooltip.textContent()).toContain('الصين');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is busy while loading, says so when a domain has no pain points, and offers a retry when the API refuses', async () => {
    const loading = await openWatched('<wsc-pain-point-map></wsc-pain-point-map>');
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await loading.page.route('**/v1/pain-points/countries**', async (route) => {
      await held;
      await route.continue();
    });
    await loading.addScript();
    await loading.page.getByText('Loading…').waitFor();
    expect(await loading.page.locator('wsc-pain-point-map [part~="base"]').getAttribute('aria-busy')).toBe(
      'true',
    );
    expect(await env.axe(loading.page)).toEqual([]);
    release();
    await loading.page.locator(COUNTRY).first().waitFor();
    await loading.page.close();

    // No sample is about the weather any more: an empty domain.
    await env.app.db
      .updateTable('pain_points')
      .set({ domain: 'water' })
      .where('domain', '=', 'weather')
      .execute();
    expect(await apiCounts('weather')).toEqual({});
    const empty = await env.open('<wsc-pain-point-map domain="weather"></wsc-pain-point-map>');
    const requests: string[] = [];
    empty.page.on('request', (request) => requests.push(request.url()));
    await empty.page.getByText('Nothing to show yet.').waitFor();
    expect(await empty.page.locator('wsc-pain-point-map [part~="base"]').getAttribute('aria-busy')).toBe(
      'false',
    );
    expect(await empty.page.locator('wsc-pain-point-map svg').count()).toBe(0);
    expect(requests.some((url) => url.includes('countries-110m'))).toBe(false);
    expect(await env.axe(empty.page)).toEqual([]);
    await empty.page.close();

    // A domain the API does not know: 400, shown as an error with a retry button.
    const failing = await env.open('<wsc-pain-point-map domain="no-such-domain"></wsc-pain-point-map>');
    const alert = failing.page.locator('wsc-pain-point-map [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Something went wrong');
    await failing.page.locator('wsc-pain-point-map button', { hasText: 'Try again' }).waitFor();
    expect(await env.axe(failing.page)).toEqual([]);
    await failing.page.close();
  });
});
