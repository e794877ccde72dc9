import { type SignedUp, signUp } from '@wsc/server/test-support';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceSkip,
  hasChromium,
  startWidgetEnvironment,
  textOf,
  type WidgetEnvironment,
} from '../../test/browser/harness';

announceSkip('<wsc-pain-point-form> browser tests');

const FORM = '<wsc-pain-point-form></wsc-pain-point-form>';
const XSS = '<img src=x onerror="window.__xss=1"> <script>window.__xss=1</script>';
// A message key such as `form.errorSummary` shown instead of its text.
const RAW_KEY = /\b[a-z]+\.[a-z][A-Za-z]+\b/;

interface PageGlobals {
  wsc: { configure(config: { token?: string }): void; ready(): Promise<void> };
  __xss?: number;
  __created?: { id: string; title: Record<string, string> };
}

/** Opens a partner page with the form, signed in as `member` when given, once the form shows. */
async function openForm(env: WidgetEnvironment, lang: string, member?: SignedUp) {
  const opened = await env.open(FORM, { lang });
  const { page } = opened;
  await page.waitForFunction(() => 'wsc' in window && 'ready' in (window as unknown as PageGlobals).wsc);
  if (member) {
    await page.evaluate((token) => (window as unknown as PageGlobals).wsc.configure({ token }), member.token);
  }
  await page.locator('wsc-pain-point-form #field-title').waitFor();
  return opened;
}

/** Every POST to /v1/pain-points the page sends. */
function recordCreates(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/v1/pain-points') {
      sent.push(request.headers().authorization ?? '');
    }
  });
  return sent;
}

async function painPointsTitled(env: WidgetEnvironment, marker: string): Promise<number> {
  const rows = await env.app.db.selectFrom('pain_points').select('title').execute();
  return rows.filter((row) => JSON.stringify(row.title).includes(marker)).length;
}

describe.skipIf(!hasChromium)('<wsc-pain-point-form> on a partner page', () => {
  let env: WidgetEnvironment;
  let member: SignedUp;
  beforeAll(async () => {
    env = await startWidgetEnvironment();
    member = await signUp(env.app, { displayName: 'Form author' });
  });
  afterAll(() => env?.dispose());

  it('lets a signed-in member report a pain point that the API then serves, and shows a hostile title as text', async () => {
    const { page, errors } = await openForm(env, 'en', member);
    const sent = recordCreates(page);
    expect(await env.axe(page)).toEqual([]);
    await page.evaluate(() =>
      document.addEventListener('wsc-pain-point-created', (event) => {
        (window as unknown as PageGlobals).__created = (event as CustomEvent).detail.painPoint;
      }),
    );
    const title = `Flooded underpasses ${XSS}`;
    const form = page.locator('wsc-pain-point-form');
    await form.locator('#field-title').fill(title);
    await form.locator('#field-description').fill('Every heavy rain floods the underpasses for hours.');
    expect(await form.locator('#field-language').inputValue()).toBe('en');
    await form.locator('#field-domain').selectOption('water');
    await form.locator('#field-severity').selectOption('high');
    await form.locator('#field-city').fill('Genève');
    expect(await form.locator('#field-country option[value="CH"]').textContent()).toBe('Switzerland');
    await form.locator('#field-country').selectOption('CH');
    await form.locator('[part~="submit"]').click();

    const confirmation = form.locator('[part~="confirmation"]');
    await confirmation.waitFor();
    // The payload shows as the characters typed and nothing ran.
    expect(await textOf(page, 'wsc-pain-point-form .created-title')).toBe(title);
    expect(await page.evaluate(() => (window as unknown as PageGlobals).__xss)).toBeUndefined();
    expect(await form.locator('img').count()).toBe(0);
    expect(
      await page.evaluate(() => document.querySelector('wsc-pain-point-form')?.shadowRoot?.activeElement?.id),
    ).toBe('confirmation');

    const created = await page.evaluate(() => (window as unknown as PageGlobals).__created);
    expect(created?.title.en).toBe(title);
    const stored = await env.app.inject({ method: 'GET', url: `/v1/pain-points/${created?.id}` });
    expect(stored.statusCode).toBe(200);
    expect(stored.json()).toMatchObject({
      title: { en: title },
      description: { en: 'Every heavy rain floods the underpasses for hours.' },
      language: 'en',
      domain: 'water',
      severity: 'high',
      city: 'Genève',
      country: 'CH',
      authorId: member.accountId,
    });
    expect(sent).toEqual([`Bearer ${member.token}`]);
    expect(await env.axe(page)).toEqual([]);

    await form.locator('[part~="report-another"]').click();
    await form.locator('#field-title').waitFor();
    expect(await form.locator('#field-title').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the server’s field errors at their fields, in English and in French, keeping what was typed', async () => {
    const before = await painPointsTitled(env, 'Puddles');
    for (const language of ['en', 'fr'] as const) {
      const { page, errors } = await openForm(env, language, member);
      const form = page.locator('wsc-pain-point-form');
      // Blank to the server, not to the browser's `required` check; an invisible city.
      await form.locator('#field-title').fill('   ');
      await form.locator('#field-description').fill('Puddles stay for days after rain.');
      await form.locator('#field-domain').selectOption('water');
      await form.locator('#field-city').fill('\u200B');
      await form.locator('[part~="submit"]').click();

      const title = form.locator('#field-title');
      await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
      expect(await form.locator('#field-city').getAttribute('aria-invalid')).toBe('true');
      expect(await form.locator('#field-description').getAttribute('aria-invalid')).toBe('false');
      expect(await title.getAttribute('aria-describedby')).toContain('error-title');
      expect(await form.locator('#field-city').getAttribute('aria-describedby')).toBe('error-city');
      const titleError = await textOf(page, 'wsc-pain-point-form #error-title');
      const cityError = await textOf(page, 'wsc-pain-point-form #error-city');
      const summary = await textOf(page, 'wsc-pain-point-form [part~="summary"]');
      if (language === 'en') {
        expect(titleError).toBe('Give the text in at least one language (ar, zh, en, fr, ru or es)');
        expect(cityError).toBe('Holds only invisible characters');
        expect(summary).toContain('2 fields need your attention.');
      } else {
        expect(titleError).toBe('Vérifiez ce champ.');
        expect(cityError).toBe('Vérifiez ce champ.');
        expect(summary).toContain('2 champs demandent votre attention.');
        expect(summary).toContain('Titre');
        expect(await textOf(page, 'wsc-pain-point-form label[for="field-title"]')).toContain('Titre');
      }
      expect(await form.locator('[part~="summary"]').getAttribute('role')).toBe('alert');
      // The focus went to the first invalid field.
      expect(
        await page.evaluate(
          () => document.querySelector('wsc-pain-point-form')?.shadowRoot?.activeElement?.id,
        ),
      ).toBe('field-title');
      // Nothing the reader typed is lost.
      expect(await title.inputValue()).toBe('   ');
      expect(await form.locator('#field-description').inputValue()).toBe('Puddles stay for days after rain.');
      expect(await form.locator('#field-domain').inputValue()).toBe('water');
      expect(await form.locator('#field-city').inputValue()).toBe('\u200B');
      expect(await textOf(page, 'wsc-pain-point-form [part~="base"]')).not.toMatch(RAW_KEY);
      expect(await env.axe(page)).toEqual([]);
      expect(errors.filter((error) => !error.includes('422'))).toEqual([]);
      await page.close();
    }
    expect(await painPointsTitled(env, 'Puddles')).toBe(before);
  });

  it('signed out, submitting asks the reader to sign in and sends nothing without a member', async () => {
    const { page } = await openForm(env, 'en');
    const sent = recordCreates(page);
    expect(await env.axe(page)).toEqual([]);
    const form = page.locator('wsc-pain-point-form');
    await form.locator('#field-title').fill('Signed-out streetlights');
    await form.locator('#field-description').fill('Half the streetlights are off at night.');
    await form.locator('#field-domain').selectOption('energy');
    await form.locator('[part~="submit"]').click();
    // Whatever the sign-in flow shows (another engineer's dialog), no report leaves without a member.
    await page.waitForTimeout(1500);
    expect(sent).toEqual([]);
    expect(await painPointsTitled(env, 'Signed-out streetlights')).toBe(0);
    expect(await form.locator('#field-title').inputValue()).toBe('Signed-out streetlights');
    await page.close();
  });

  it('speaks Arabic right to left with every message translated and countries named in Arabic', async () => {
    const { page, errors } = await openForm(env, 'ar', member);
    const base = page.locator('wsc-pain-point-form [part~="base"]');
    expect(await base.getAttribute('dir')).toBe('rtl');
    const text = await textOf(page, 'wsc-pain-point-form [part~="base"]');
    expect(text).toContain('الإبلاغ عن مشكلة');
    expect(text).not.toMatch(RAW_KEY);
    expect(await page.locator('wsc-pain-point-form #field-language').inputValue()).toBe('ar');
    expect(await textOf(page, 'wsc-pain-point-form #field-country option[value="CH"]')).toBe('سويسرا');
    expect(await env.axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
