// The partner site end to end, as a reader meets it: the real API in-process on PGlite serving the
// built embed files, a partner bound to the site's origin, the site's own server on another origin
// with its strict Content-Security-Policy, and Debian's Chromium. Skipped, with one loud line,
// when there is no Chromium (CHROMIUM_PATH).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { mailTemplates, renderMail } from '@wsc/server/admin';
import {
  approveMembership,
  createPartner,
  createTestServer,
  signUp,
  type TestServer,
} from '@wsc/server/test-support';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGES } from '../public/messages.js';
import { contentSecurityPolicy, type PartnerSite, startPartnerSite } from '../server.mjs';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium)
  console.warn(
    `SKIPPED: partner site in Chromium — no Chromium at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH).`,
  );

const require = createRequire(import.meta.url);
const embedDirectory = join(dirname(require.resolve('@wsc/widgets/package.json')), 'dist', 'embed');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const TAGS = [
  'wsc-event-card',
  'wsc-event-registration',
  'wsc-pain-point-board',
  'wsc-pain-point-form',
  'wsc-standards-finder',
  'wsc-coverage-chart',
  'wsc-pain-point-map',
  'wsc-stakeholder-directory',
];
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
// A message key that reached the reader (`board.sort`, `error.network`) instead of its text.
const RAW_KEY = /\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z]+\b/;

/** A free port for the site: the partner's key must be bound to the site's origin before it starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

interface Opened {
  page: Page;
  /** Uncaught exceptions, console errors and CSP violations of the page. */
  problems: string[];
}

/** Waits until every widget rendered its content (no aria-busy left), scrolling to the laggards as a reader would. */
async function settled(page: Page, language: string): Promise<void> {
  await page.waitForFunction(
    ({ tags, language }) => {
      const waiting = tags.filter((tag) => {
        const root = document.querySelector(tag)?.shadowRoot;
        const base = root?.querySelector('[part~="base"]');
        return !base || base.getAttribute('lang') !== language || root?.querySelector('[aria-busy="true"]');
      });
      if (waiting[0]) document.querySelector(waiting[0])?.scrollIntoView({ block: 'center' });
      return waiting.length === 0;
    },
    { tags: TAGS, language },
    { timeout: 15_000, polling: 100 },
  );
}

const shadowText = (page: Page, tag: string) =>
  page.evaluate((name) => document.querySelector(name)?.shadowRoot?.textContent ?? '', tag);

describe.skipIf(!hasChromium)('the partner site in Chromium', () => {
  let app: TestServer;
  let site: PartnerSite;
  let browser: Browser;
  let siteUrl: string;
  let apiUrl: string;
  let partner: Awaited<ReturnType<typeof createPartner>>;

  beforeAll(async () => {
    const [server, port] = await Promise.all([createTestServer({ embedDirectory }), freePort()]);
    app = server;
    await app.listen({ port: 0, host: '127.0.0.1' });
    // `localhost` for the API and 127.0.0.1 for the site: two origins, as on a real partner's site.
    apiUrl = `http://localhost:${(app.server.address() as AddressInfo).port}`;
    siteUrl = `http://127.0.0.1:${port}`;
    const [created, launched] = await Promise.all([
      createPartner(app, { name: 'IEC site', origin: siteUrl }),
      chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
    ]);
    browser = launched;
    partner = created;
    // The catalogue is seeded, the people are not: two members who joined, for the directory.
    for (const displayName of ['Amina Haddad', 'Li Wei']) {
      const member = await signUp(app, { displayName, role: 'urban-planner' });
      await approveMembership(app, member.accountId, 'iec');
    }
    site = await startPartnerSite({
      port,
      host: '127.0.0.1',
      apiUrl,
      publishableKey: partner.publishableKey,
      // No back end here (apps/partner-backend's own browser test runs the site with it).
      backendUrl: null,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await app?.dispose();
  });

  async function open(path: string, options: Parameters<Browser['newPage']>[0] = {}): Promise<Opened> {
    const page = await browser.newPage(options);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.text().startsWith('CSP:')) problems.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.warn(`CSP: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await page.goto(`${siteUrl}${path}`);
    return { page, problems };
  }

  async function axe(page: Page) {
    // evaluate() runs outside the page's CSP, so axe is injected even under the site's policy.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const { axe } = window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
        };
      };
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        resultTypes: ['violations'],
      });
      return result.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes }));
    });
  }

  it('sends the strict policy and fills the placeholders', async () => {
    const response = await fetch(`${siteUrl}/`);
    expect(response.headers.get('content-security-policy')).toBe(
      `default-src 'self'; script-src 'self' ${apiUrl}; connect-src ${apiUrl}; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(contentSecurityPolicy(apiUrl)).toBe(response.headers.get('content-security-policy'));
    expect(contentSecurityPolicy(apiUrl, 'http://localhost:5175')).toContain(
      `connect-src ${apiUrl} http://localhost:5175;`,
    );
    const html = await response.text();
    expect(html).not.toMatch(/%(WSC|PARTNER)_/);
    expect(html).toContain('event="world-smart-city-forum-2016"');
    expect((await fetch(`${siteUrl}/../package.json`)).status).toBe(404);
    expect((await fetch(`${siteUrl}/%2e%2e/server.mjs`)).status).toBe(404);
  });

  it('shows seeded data in every widget and moves the whole page through the six languages', async () => {
    const { page, problems } = await open('/?lang=en');
    await settled(page, 'en');
    expect(await shadowText(page, 'wsc-event-card')).toContain('World Smart City Forum');
    const counts = await page.evaluate(() => ({
      painPoints: document
        .querySelector('wsc-pain-point-board')
        ?.shadowRoot?.querySelectorAll('[part~="item"]').length,
      standards: document
        .querySelector('wsc-standards-finder')
        ?.shadowRoot?.querySelectorAll('[part~="list"] > li').length,
      stakeholders: document
        .querySelector('wsc-stakeholder-directory')
        ?.shadowRoot?.querySelectorAll('[part~="list"] > li').length,
    }));
    expect(counts.painPoints).toBeGreaterThan(0);
    expect(counts.standards).toBeGreaterThan(0);
    expect(counts.stakeholders).toBe(2);
    for (const tag of TAGS) expect((await shadowText(page, tag)).trim(), tag).not.toBe('');
    expect(await axe(page)).toEqual([]);

    for (const { code, dir, name } of [
      ...LANGUAGES.filter((language) => language.code !== 'en'),
      LANGUAGES[2]!,
    ]) {
      await page.getByRole('button', { name, exact: true }).click();
      await settled(page, code);
      const state = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        heading: document.querySelector('h1')?.textContent,
        pressed: document.querySelector('[aria-pressed="true"]')?.getAttribute('data-language'),
        untranslated: [...document.querySelectorAll('[data-i18n]')]
          .filter((element) => element.textContent === element.getAttribute('data-i18n'))
          .map((element) => element.getAttribute('data-i18n')),
        directions: [...document.querySelectorAll('*')]
          .filter((element) => element.localName.startsWith('wsc-') && element.shadowRoot)
          .map((element) => element.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('dir')),
      }));
      expect(state).toEqual({
        lang: code,
        dir,
        heading: MESSAGES[code]['hero.heading'],
        pressed: code,
        untranslated: [],
        directions: TAGS.map(() => dir),
      });
      expect(new URL(page.url()).searchParams.get('lang')).toBe(code);
      for (const tag of TAGS) expect(await shadowText(page, tag), `${tag} in ${code}`).not.toMatch(RAW_KEY);
      if (code === 'ar') expect(await axe(page)).toEqual([]);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('themes the widgets in the site’s colours and font, light and dark', async () => {
    const { page, problems } = await open('/themed.html?lang=en');
    await settled(page, 'en');
    const look = () =>
      page.evaluate(() => {
        const root = document.querySelector('wsc-event-card')?.shadowRoot;
        const name = root?.querySelector('[part~="name"]');
        const base = root?.querySelector('[part~="base"]');
        return {
          name: name ? getComputedStyle(name).color : '',
          font: name ? getComputedStyle(name).fontFamily : '',
          surface: base ? getComputedStyle(base).backgroundColor : '',
          border: base ? getComputedStyle(base).borderTopColor : '',
        };
      });
    expect(await look()).toEqual({
      name: 'rgb(138, 21, 56)',
      font: expect.stringMatching(/^Georgia/),
      surface: 'rgb(251, 247, 240)',
      border: 'rgb(138, 21, 56)',
    });
    expect(await axe(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await look()).toMatchObject({ name: 'rgb(242, 167, 187)', surface: 'rgb(29, 21, 23)' });
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a phone in Arabic with no horizontal scroll', async () => {
    const { page, problems } = await open('/?lang=ar', { viewport: { width: 390, height: 844 } });
    await settled(page, 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const overflow = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('brings a newcomer who joined on the site back to it from the confirmation mail, and confirms there', async () => {
    // The partner names the site's page as its account page, as `npm start` does for the sample partner.
    const named = await app.inject({
      method: 'PUT',
      url: '/v1/partners/me/account-page',
      headers: { authorization: `Bearer ${partner.secretKey}` },
      payload: { url: `${siteUrl}/?lang=fr` },
    });
    expect(named.statusCode, named.body).toBe(200);
    const joined = await app.inject({
      method: 'POST',
      url: '/v1/auth/signup',
      headers: { 'x-wsc-publishable-key': partner.publishableKey, origin: siteUrl },
      payload: {
        email: 'newcomer@iec.example',
        password: 'correct horse battery staple',
        displayName: 'Newcomer',
        role: 'designer',
        language: 'fr',
      },
    });
    expect(joined.statusCode, joined.body).toBe(201);
    const { accountId } = joined.json() as { accountId: string };
    // The mail as the worker renders it (this server sends none: no SMTP URL).
    const queued = await app.db
      .selectFrom('mail_outbox')
      .select(['id', 'template', 'language', 'data', 'secrets'])
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    const template = mailTemplates.get(queued.template);
    if (!template) throw new Error(`no template ${queued.template}`);
    const mail = renderMail(
      template,
      queued.language as 'fr',
      { ...(queued.data as object), ...(queued.secrets as object) },
      { publicUrl: apiUrl, mailId: queued.id },
    );
    const link = /(https?:\/\/\S+#wsc-confirm-email=\S+)/.exec(mail.text)?.[1] ?? '';
    expect(link.startsWith(`${siteUrl}/?lang=fr#wsc-confirm-email=`)).toBe(true);

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(link);
    const confirm = page.locator('wsc-sign-in-dialog #panel-confirm-email button[type="submit"]');
    await confirm.waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('');
    const confirmed = page.waitForResponse((response) =>
      response.url().endsWith('/v1/auth/email-confirmations/complete'),
    );
    await confirm.click();
    expect((await confirmed).status()).toBe(200);
    const account = await app.db
      .selectFrom('accounts')
      .select('email_confirmed_at')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    expect(account.email_confirmed_at).not.toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });
});
