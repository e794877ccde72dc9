import type { PainPointView, Standard, Page as StandardPage } from '@wsc/models';
import { signUp } from '@wsc/server/test-support';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceSkip,
  hasChromium,
  startWidgetEnvironment,
  type WidgetEnvironment,
} from '../../test/browser/harness';

announceSkip('<wsc-standards-finder> browser tests');

const XSS_TITLE = '<img src=x onerror="window.__xss=1"> <script>window.__xss=1</script> leaks';
const LEAKS = 'sample-amman-leaks-cannot-be-located';
const standardItems = 'wsc-standards-finder [part~="standard"]';

describe.skipIf(!hasChromium)('<wsc-standards-finder> on a partner page', () => {
  let env: WidgetEnvironment;
  let leaks: PainPointView;

  async function api<Body>(url: string): Promise<Body> {
    const response = await env.app.inject({ url });
    expect(response.statusCode, url).toBe(200);
    return response.json() as Body;
  }

  async function references(page: Page): Promise<string[]> {
    return page
      .locator(`${standardItems} h3`)
      .allTextContents()
      .then((texts) => texts.map((text) => text.trim()));
  }

  beforeAll(async () => {
    env = await startWidgetEnvironment();
    // The catalogue seed holds standards and sample pain points but no mapping between them:
    // an expert maps two, as on the live site, one of them a member's pain point with markup in its title.
    const [expert, member] = await Promise.all([signUp(env.app, { roles: ['expert'] }), signUp(env.app)]);
    const created = await env.app.inject({
      method: 'POST',
      url: '/v1/pain-points',
      headers: member.headers,
      payload: { title: { en: XSS_TITLE }, description: { en: 'Markup is text.' }, domain: 'water' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const markup = created.json() as PainPointView;
    const water = await api<StandardPage<PainPointView>>('/v1/pain-points?domain=water&limit=100');
    leaks = water.data.find((painPoint) => painPoint.slug === LEAKS)!;
    for (const [painPointId, coverage] of [
      [leaks.id, 'partial'],
      [markup.id, 'full'],
    ] as const) {
      const mapped = await env.app.inject({
        method: 'POST',
        url: `/v1/pain-points/${painPointId}/standards`,
        headers: expert.headers,
        payload: { standardId: 'iso-37120-2018', coverage },
      });
      expect(mapped.statusCode, mapped.body).toBe(201);
    }
  });
  afterAll(() => env?.dispose());

  it('lists the catalogue page by page, narrows to ISO and shows the pain points a standard addresses, as text', async () => {
    const { page, errors } = await env.open('<wsc-standards-finder page-size="5"></wsc-standards-finder>');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.locator(standardItems).first().waitFor();

    const first = await api<StandardPage<Standard>>('/v1/standards?limit=5');
    expect(await references(page)).toEqual(first.data.map((standard) => standard.reference));
    expect(await page.locator('wsc-standards-finder [role="status"]').textContent()).toContain(
      '5 standards shown',
    );
    expect(await env.axe(page)).toEqual([]);

    // "Show more" appends the next page and moves focus to the first new standard.
    await page.locator('wsc-standards-finder [part~="load-more"]').click();
    await page.locator(standardItems).nth(5).waitFor();
    const second = await api<StandardPage<Standard>>(`/v1/standards?limit=5&cursor=${first.nextCursor}`);
    expect((await references(page)).slice(5)).toEqual(second.data.map((standard) => standard.reference));
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent)).toBe(
      second.data[0]?.reference,
    );

    // The body filter narrows to ISO, as the API does.
    await page.locator('wsc-standards-finder select#body').selectOption('ISO');
    const iso = await api<StandardPage<Standard>>('/v1/standards?body=ISO&limit=5');
    await expect.poll(() => references(page)).toEqual(iso.data.map((standard) => standard.reference));
    const facts = await page.locator(`${standardItems} .facts`).allTextContents();
    expect(facts.every((text) => text.includes('ISO') && text.includes('Published'))).toBe(true);

    // Words: ISO 37120 and the pain points experts mapped to it, most voted first.
    await page.locator('wsc-standards-finder input#q').fill('37120');
    await page.locator('wsc-standards-finder input#q').press('Enter');
    await expect.poll(() => references(page)).toEqual(['ISO 37120:2018']);
    const painPoints = page.locator(`${standardItems} [part~="pain-points"] li`);
    await painPoints.first().waitFor();
    const titles = await painPoints.allTextContents();
    expect(titles).toHaveLength(2);
    expect(titles.join('\n')).toContain(leaks.title.en);
    expect(titles.join('\n')).toContain(XSS_TITLE);
    expect(
      await page.locator(`${standardItems} [part~="pain-points"] img, ${standardItems} script`).count(),
    ).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    // A standard no one mapped says so.
    await page.locator('wsc-standards-finder input#q').fill('37122');
    await page.locator('wsc-standards-finder input#q').press('Enter');
    await expect.poll(() => references(page)).toEqual(['ISO 37122:2019']);
    await expect
      .poll(() => page.locator(standardItems).textContent())
      .toContain('No pain point is mapped to it yet.');
    expect(await env.axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says when nothing matches, when it is loading and when the search failed, each without an axe violation', async () => {
    const { page } = await env.open('<wsc-standards-finder committee="ISO/TC 999"></wsc-standards-finder>');
    const empty = page.locator('wsc-standards-finder .empty');
    await empty.waitFor();
    expect(await empty.textContent()).toBe('No standard matches this search.');
    expect(await page.locator(standardItems).count()).toBe(0);
    expect(await env.axe(page)).toEqual([]);

    // Loading: the catalogue answers only once the test lets it.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/v1\/standards/, async (route) => {
      await held;
      await route.continue();
    });
    await page.evaluate(() => {
      document.querySelector('main')!.innerHTML = '<wsc-standards-finder></wsc-standards-finder>';
    });
    await page.locator('wsc-standards-finder .results[aria-busy="true"]').waitFor();
    expect(await page.locator('wsc-standards-finder .results').textContent()).toContain('Loading…');
    expect(await env.axe(page)).toEqual([]);
    release();
    await page.locator(standardItems).first().waitFor();
    await page.unroute(/\/v1\/standards/);

    // Error: words longer than the API accepts (422): the reason at the field, a summary, a retry.
    await page.locator('wsc-standards-finder input#q').fill('smart '.repeat(40));
    await page.locator('wsc-standards-finder input#q').press('Enter');
    const alert = page.locator('wsc-standards-finder [role="alert"]');
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe('One field needs your attention.');
    const words = page.locator('wsc-standards-finder input#q');
    expect(await words.getAttribute('aria-invalid')).toBe('true');
    expect(await words.getAttribute('aria-describedby')).toBe('q-error');
    expect(await page.locator('wsc-standards-finder #q-error').textContent()).toContain('200 characters');
    expect(await page.locator('wsc-standards-finder button', { hasText: 'Try again' }).count()).toBe(1);
    expect(await env.axe(page)).toEqual([]);
    await page.close();
  });

  it('speaks Arabic right to left with every message translated', async () => {
    // Under the strict policy a partner page sets: scripts and connections from the community only.
    const csp = `default-src 'none'; script-src ${env.apiUrl}; connect-src ${env.apiUrl}; img-src data:`;
    const { page, errors, violations } = await env.open(
      '<wsc-standards-finder body="ISO" page-size="5"></wsc-standards-finder>',
      { lang: 'ar', csp },
    );
    await page.locator(standardItems).first().waitFor();
    await page.locator(`${standardItems} [part~="pain-points"]`).first().waitFor();
    const base = page.locator('wsc-standards-finder [part~="base"]');
    expect(await base.getAttribute('dir')).toBe('rtl');
    const text = (await base.textContent()) ?? '';
    expect(text).toContain('البحث عن المعايير');
    expect(text).toContain('منشور');
    expect(text).toContain(`تُعرض ${new Intl.NumberFormat('ar').format(5)} معايير`);
    // No raw message key (`status.published`) anywhere.
    expect(text).not.toMatch(/\b[a-z]+\.[a-zA-Z-]+\b/);
    expect(await env.axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });
});
