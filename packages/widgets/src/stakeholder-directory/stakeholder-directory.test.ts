import { en } from '@wsc/models/locales/en';
import { approveMembership, type SignedUp, signUp } from '@wsc/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceSkip,
  hasChromium,
  startWidgetEnvironment,
  textOf,
  type WidgetEnvironment,
} from '../../test/browser/harness';

announceSkip('<wsc-stakeholder-directory> browser tests');

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
// A message key such as `error.generic` shown instead of its text.
const RAW_KEY = /\b[a-z]+\.[a-z][A-Za-z]+\b/;
const ITEM = 'wsc-stakeholder-directory [part~="stakeholder"]';

describe.skipIf(!hasChromium)('<wsc-stakeholder-directory> on a partner page', () => {
  let env: WidgetEnvironment;
  let planner: SignedUp;

  async function profile(member: SignedUp, changes: Record<string, string>): Promise<void> {
    const response = await env.app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: member.headers,
      payload: changes,
    });
    expect(response.statusCode).toBe(200);
  }

  beforeAll(async () => {
    env = await startWidgetEnvironment();
    // Oldest first: the directory lists the newest first.
    planner = await signUp(env.app, { displayName: 'Amina Planner', role: 'urban-planner' });
    await profile(planner, { country: 'CH', city: 'Genève' });
    await approveMembership(env.app, planner.accountId, 'iec');
    const utility = await signUp(env.app, { displayName: 'Bruno Utility', role: 'utility' });
    await profile(utility, { country: 'NG', city: 'Lagos' });
    await signUp(env.app, { displayName: XSS, role: 'citizen' });
  });
  afterAll(() => env?.dispose());

  it('lists the stakeholders, narrows by role, shows a loading and an empty state, and renders a hostile name as text', async () => {
    const { page, errors } = await env.open('<wsc-stakeholder-directory></wsc-stakeholder-directory>');
    const directory = page.locator('wsc-stakeholder-directory');
    await expect.poll(() => page.locator(ITEM).count()).toBe(3);
    const amina = page.locator(ITEM, { hasText: 'Amina Planner' });
    await expect.poll(() => amina.textContent()).toContain('International Electrotechnical Commission (IEC)');
    expect(await amina.textContent()).toContain(en.stakeholderRoles['urban-planner']);
    expect(await amina.textContent()).toContain('Genève, Switzerland');
    expect(await textOf(page, 'wsc-stakeholder-directory [part~="status"]')).toBe('3 stakeholders shown');
    // The payload is a name, not markup, and nothing ran.
    expect(await page.locator(ITEM).first().locator('[part~="name"]').textContent()).toBe(XSS);
    expect(await directory.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await env.axe(page)).toEqual([]);

    // Loading: hold the next answer until the state is checked.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/v1/stakeholders?*', async (route) => {
      await held;
      await route.continue();
    });
    await directory.locator('#filter-role').selectOption('utility');
    await expect.poll(() => directory.locator('[part~="list"]').getAttribute('aria-busy')).toBe('true');
    expect(await textOf(page, 'wsc-stakeholder-directory [part~="status"]')).toBe('Loading…');
    expect(await env.axe(page)).toEqual([]);
    release();
    await expect.poll(() => page.locator(ITEM).count()).toBe(1);
    expect(await page.locator(ITEM).textContent()).toContain('Bruno Utility');
    expect(await page.locator(ITEM).textContent()).toContain('Lagos, Nigeria');
    await page.unroute('**/v1/stakeholders?*');

    await directory.locator('#filter-role').selectOption('');
    await directory.locator('#filter-q').fill('nobody goes by this name');
    await directory.locator('#filter-q').press('Enter');
    const empty = directory.locator('[part~="empty"]');
    await empty.waitFor();
    expect(await empty.textContent()).toBe('No stakeholder matches this search.');
    expect(await page.locator(ITEM).count()).toBe(0);
    expect(await env.axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes its filters and page size from attributes, pages with “Show more”, and offers a retry on error', async () => {
    const { page, errors } = await env.open(
      `<wsc-stakeholder-directory page-size="2"></wsc-stakeholder-directory>
       <wsc-stakeholder-directory id="iec" organization="iec" country="ch"></wsc-stakeholder-directory>
       <wsc-stakeholder-directory id="planners" stakeholder-role="urban-planner"></wsc-stakeholder-directory>
       <wsc-stakeholder-directory id="broken" country="XYZ"></wsc-stakeholder-directory>`,
    );
    const paged = page.locator('wsc-stakeholder-directory:not([id])');
    await expect.poll(() => paged.locator('[part~="stakeholder"]').count()).toBe(2);
    await paged.locator('[part~="load-more"]').click();
    await expect.poll(() => paged.locator('[part~="stakeholder"]').count()).toBe(3);
    expect(await paged.locator('[part~="load-more"]').count()).toBe(0);
    // The focus moved to the first stakeholder just shown.
    expect(
      await page.evaluate(
        () => document.querySelector('wsc-stakeholder-directory')?.shadowRoot?.activeElement?.textContent,
      ),
    ).toBe('Amina Planner');

    const iec = page.locator('#iec');
    await expect.poll(() => iec.locator('[part~="stakeholder"]').count()).toBe(1);
    expect(await iec.locator('[part~="name"]').textContent()).toBe('Amina Planner');
    expect(await iec.locator('#filter-country').inputValue()).toBe('CH');
    await expect.poll(() => iec.locator('#filter-organization').inputValue()).toBe('iec');

    const planners = page.locator('#planners');
    await expect.poll(() => planners.locator('[part~="stakeholder"]').count()).toBe(1);
    expect(await planners.locator('[part~="name"]').textContent()).toBe('Amina Planner');
    expect(await planners.locator('#filter-role').inputValue()).toBe('urban-planner');

    const broken = page.locator('#broken');
    await broken.locator('[role="alert"]').waitFor();
    expect(await broken.locator('[role="alert"]').textContent()).toBe(
      'Something went wrong. Please try again.',
    );
    expect(await broken.locator('button', { hasText: 'Try again' }).count()).toBe(1);
    expect(await env.axe(page)).toEqual([]);
    expect(errors.filter((error) => !error.includes('422'))).toEqual([]);
    await page.close();
  });

  it('speaks Arabic right to left with every message translated', async () => {
    const { page, errors } = await env.open('<wsc-stakeholder-directory></wsc-stakeholder-directory>', {
      lang: 'ar',
    });
    await expect.poll(() => page.locator(ITEM).count()).toBe(3);
    const base = page.locator('wsc-stakeholder-directory [part~="base"]');
    expect(await base.getAttribute('dir')).toBe('rtl');
    const amina = page.locator(ITEM, { hasText: 'Amina Planner' });
    expect(await amina.textContent()).toContain('سويسرا');
    const text = (await base.textContent()) ?? '';
    expect(text).toContain('أصحاب المصلحة');
    expect(text).not.toMatch(RAW_KEY);
    expect(await env.axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
