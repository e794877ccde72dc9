import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LANGUAGES } from '@wsc/models';
import { createTransport } from 'nodemailer';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMailCatcher } from './mail-catcher.mjs';
import { MESSAGES } from './messages.mjs';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium)
  console.warn(
    `SKIPPED: the mail catcher's pages in Chromium — no Chromium at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH).`,
  );
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const ARABIC_MAIL = {
  from: 'World Smart City Community <no-reply@example.org>',
  to: 'layla@example.org',
  subject: 'أكّد عنوان بريدك الإلكتروني',
  text: 'مرحبًا ليلى،',
  html: '<!doctype html><html lang="ar" dir="rtl"><body><p>مرحبًا ليلى،</p><script>alert(1)</script></body></html>',
  headers: { 'Content-Language': 'ar' },
  attachments: [
    { filename: 'forum.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar' },
  ],
};

async function send(catcher, mail) {
  const transport = createTransport(catcher.smtpUrl);
  await transport.sendMail(mail);
  transport.close();
}

describe('the mail catcher', () => {
  let catcher;
  beforeAll(async () => {
    catcher = await startMailCatcher({ host: '127.0.0.1', webPort: 0, smtpPort: 0 });
  });
  afterAll(() => catcher?.close());

  test('keeps a mail sent over SMTP and shows it: list, page, its HTML sandboxed, attachments', async () => {
    await send(catcher, ARABIC_MAIL);

    const list = await fetch(`${catcher.webUrl}/`);
    expect(list.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(list.headers.get('content-security-policy')).toContain("default-src 'none'");
    const listed = await list.text();
    expect(listed).toContain('أكّد عنوان بريدك الإلكتروني');
    expect(listed).toContain('layla@example.org');

    const [message] = await (await fetch(`${catcher.webUrl}/api/messages`)).json();
    expect(message.language).toBe('ar');
    const page = await (await fetch(`${catcher.webUrl}/messages/${message.id}`)).text();
    expect(page).toContain(
      `<iframe sandbox title="The mail as its reader sees it" src="/messages/${message.id}/html">`,
    );
    expect(page).toContain('<pre dir="auto" lang="ar">مرحبًا ليلى،');
    expect(page).toContain('forum.ics');

    const html = await fetch(`${catcher.webUrl}/messages/${message.id}/html`);
    expect(html.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(await html.text()).toContain('<html lang="ar" dir="rtl">');
    const attachment = await fetch(`${catcher.webUrl}/messages/${message.id}/attachments/0`);
    expect(attachment.headers.get('content-type')).toBe('text/calendar');
    expect(await attachment.text()).toContain('BEGIN:VCALENDAR');
    expect((await fetch(`${catcher.webUrl}/messages/999`)).status).toBe(404);
  });

  test("speaks the browser's language, or the one chosen on the page, and keeps the choice in its links", async () => {
    const french = await fetch(`${catcher.webUrl}/`, {
      headers: { 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.5' },
    });
    expect(french.headers.get('content-language')).toBe('fr');
    expect(french.headers.get('vary')).toBe('Accept-Language');
    const frenchPage = await french.text();
    expect(frenchPage).toContain('<html lang="fr" dir="ltr">');
    expect(frenchPage).toMatch(/<h1>E-mails \(\d+\)<\/h1>/);
    expect(frenchPage).toContain('<caption>Les plus récents d’abord</caption>');
    // Links do not pin a language the reader did not choose.
    expect(frenchPage).toMatch(/<a href="\/messages\/\d+" dir="auto" lang="ar">/);

    const arabic = await (
      await fetch(`${catcher.webUrl}/?lang=ar`, { headers: { 'accept-language': 'fr' } })
    ).text();
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain(`<caption>${MESSAGES.ar.newestFirst}</caption>`);
    expect(arabic).toMatch(/<a href="\/messages\/\d+\?lang=ar" dir="auto" lang="ar">/);
    // The switch names each language in itself and marks the page's own.
    expect(arabic).toContain('<a href="/?lang=zh" lang="zh" hreflang="zh" dir="ltr">中文</a>');
    expect(arabic).toContain(
      '<a href="/?lang=ar" lang="ar" hreflang="ar" dir="rtl" aria-current="page">العربية</a>',
    );

    const missing = await fetch(`${catcher.webUrl}/messages/999`, { headers: { 'accept-language': 'zh' } });
    expect(await missing.text()).toBe(MESSAGES.zh.noSuchMail);
    // An unknown `lang` is no choice: the browser's language wins.
    const unknown = await (
      await fetch(`${catcher.webUrl}/?lang=de`, { headers: { 'accept-language': 'ru' } })
    ).text();
    expect(unknown).toContain('<html lang="ru" dir="ltr">');
  });

  test('has every word in the six languages', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...LANGUAGES].sort());
    const keys = Object.keys(MESSAGES.en).sort();
    for (const language of LANGUAGES) {
      expect(Object.keys(MESSAGES[language]).sort(), language).toEqual(keys);
      for (const key of keys) {
        const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
        expect(MESSAGES[language][key].trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(MESSAGES[language][key]), `${language} ${key}`).toEqual(
          placeholders(MESSAGES.en[key]),
        );
      }
    }
  });
});

describe.skipIf(!hasChromium)("the mail catcher's pages in Chromium", { timeout: 30_000 }, () => {
  let catcher;
  /** One that never gets mail: its empty state. */
  let empty;
  let browser;
  beforeAll(async () => {
    [catcher, empty, browser] = await Promise.all([
      startMailCatcher({ host: '127.0.0.1', webPort: 0, smtpPort: 0 }),
      startMailCatcher({ host: '127.0.0.1', webPort: 0, smtpPort: 0 }),
      chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
    ]);
    await send(catcher, ARABIC_MAIL);
    await send(catcher, { from: 'no-reply@example.org', to: 'ada@example.org', text: 'No subject here.' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([catcher?.close(), empty?.close()]);
  });

  /** axe-core's WCAG 2.0–2.2 A and AA rules; evaluate() runs outside the page's CSP. */
  async function axe(page) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        resultTypes: ['violations'],
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        nodes: violation.nodes.map((node) => node.html),
      }));
    });
  }

  test.each(LANGUAGES)(
    'in %s: the empty inbox, the list and a mail pass axe; the switch works by keyboard',
    async (language) => {
      const page = await browser.newPage({ locale: language });
      const problems = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        // The mail's own script, refused by its sandbox: what the frame is for.
        if (message.type() === 'error' && !message.text().startsWith('Blocked script execution'))
          problems.push(message.text());
      });
      const words = MESSAGES[language];
      const direction = language === 'ar' ? 'rtl' : 'ltr';

      await page.goto(empty.webUrl);
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      expect(await page.locator('main p').last().textContent()).toBe(words.empty);
      expect(await axe(page)).toEqual([]);

      await page.goto(catcher.webUrl);
      expect(await page.locator('html').getAttribute('dir')).toBe(direction);
      expect(await page.locator('caption').textContent()).toBe(words.newestFirst);
      expect(await page.locator('th').allTextContents()).toEqual([
        words.received,
        words.to,
        words.subject,
        words.language,
      ]);
      expect(await page.getByRole('link', { name: words.noSubject }).count()).toBe(1);
      expect(await axe(page)).toEqual([]);

      await page.getByRole('link', { name: ARABIC_MAIL.subject }).click();
      await page.waitForURL(/\/messages\/\d+$/);
      expect(await page.locator('h2').allTextContents()).toEqual([
        words.attachments,
        words.htmlPart,
        words.textPart,
      ]);
      expect(await page.locator('iframe').getAttribute('title')).toBe(words.htmlFrame);
      expect(await axe(page)).toEqual([]);

      // The language switch, by keyboard: the other language's page, its choice kept in the links.
      const other = language === 'ar' ? 'en' : 'ar';
      await page.locator(`nav a[lang="${other}"]`).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`\\?lang=${other}$`));
      expect(await page.locator('html').getAttribute('lang')).toBe(other);
      expect(await page.locator('html').getAttribute('dir')).toBe(other === 'ar' ? 'rtl' : 'ltr');
      expect(await page.getByRole('link', { name: MESSAGES[other].allMails }).getAttribute('href')).toBe(
        `/?lang=${other}`,
      );
      expect(await axe(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});
