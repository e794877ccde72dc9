// The embedding guide as a web editor meets it. Its HTML, CSS and JavaScript samples name only
// elements, attributes, events, parts and custom properties the widgets' manifest declares; and in
// Chromium, against the real API: the sample page under the sample Content-Security-Policy shows the
// widgets with no violation, and the documentation's own page runs the live widgets from the API its
// server names.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { createPartner, createTestServer, type TestServer } from '@wsc/server/test-support';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customElements, type Manifest } from '../scripts/elements-reference.mjs';
import { siteLocales } from '../scripts/translations.mjs';
import { type DocsServer, startDocsServer } from '../serve.mjs';
import { buildFixture } from './fixtures';
import { docsDirectory, freePort, sample } from './servers';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const widgetsDirectory = dirname(require.resolve('@wsc/widgets/package.json'));
const manifestFile = join(widgetsDirectory, 'custom-elements.json');
const embedDirectory = join(widgetsDirectory, 'dist', 'embed');

function manifestElements() {
  if (!existsSync(manifestFile))
    throw new Error(`No ${manifestFile}: run \`node scripts/build-manifest.mjs\` in packages/widgets.`);
  return customElements(JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest);
}

describe('the samples name what the elements declare', () => {
  const elements = manifestElements();
  const byTag = new Map(elements.map((element) => [element.tagName, element]));

  it.each(['embed.html', 'account-page.html'])(
    '%s: each element and attribute exists, and the script is the embed loader',
    (file) => {
      const html = sample(file);
      expect(html).toMatch(
        /<script src="https:\/\/community\.example\/embed\/v1\/wsc\.js" data-publishable-key="pk_live_…" async>/,
      );
      const tags = [...html.matchAll(/<(wsc-[a-z-]+)([^>]*)>/g)];
      expect(tags.length).toBeGreaterThan(0);
      for (const [, tag = '', attributes = ''] of tags) {
        const element = byTag.get(tag);
        expect(element, tag).toBeDefined();
        const declared = new Set((element?.attributes ?? []).map((attribute) => attribute.name));
        for (const [, name = ''] of attributes.matchAll(/([a-z-]+)="/g))
          expect(declared, `${tag} ${name}`).toContain(name);
      }
    },
  );

  it('theming.css: each custom property and part exists', () => {
    const css = sample('theming.css');
    const properties = new Set(
      elements.flatMap((element) => (element.cssProperties ?? []).map((property) => property.name)),
    );
    const used = [...css.matchAll(/(--wsc-[a-z-]+)\s*:/g)].map((match) => match[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(properties, name).toContain(name);
    const parts = [...css.matchAll(/(wsc-[a-z-]+)::part\(([a-z-]+)\)/g)];
    expect(parts.length).toBeGreaterThan(0);
    for (const [, tag = '', part] of parts) {
      expect(
        (byTag.get(tag)?.cssParts ?? []).map((declared) => declared.name),
        `${tag}::part(${part})`,
      ).toContain(part);
    }
  });

  it('events.js: each event is one an element sends', () => {
    const events = new Set(elements.flatMap((element) => (element.events ?? []).map((event) => event.name)));
    const listened = [...sample('events.js').matchAll(/addEventListener\('([a-z-]+)'/g)].map(
      (match) => match[1],
    );
    expect(listened.length).toBeGreaterThan(0);
    for (const name of listened) expect(events, name).toContain(name);
  });
});

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium)
  console.warn(
    `SKIPPED: the embedding guide in Chromium — no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH).`,
  );

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];

/** The site's languages (English, and each whose folder holds its guides: Arabic and Chinese at least). */
const locales = siteLocales(docsDirectory);
const prefix = (code: string) => (code === 'en' ? '' : `${code}/`);

/**
 * The fixture site: in every language a page with the live widgets (index) and a guide; Arabic and
 * Chinese get their real home pages too (home.md), and Arabic a guide with words to search for.
 */
function localePages(): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const locale of locales) {
    pages[`${prefix(locale.code)}index.md`] = [
      `# ${locale.title}`,
      '',
      '<LiveWidgets />',
      '',
      '<wsc-event-card event="world-smart-city-forum-2016"></wsc-event-card>',
      '',
    ].join('\n');
    pages[`${prefix(locale.code)}guide.md`] = [
      `# ${locale.guides.webhooks}`,
      '',
      locale.description,
      '',
      '```sh',
      '# The typed client, and the retry plugin most back ends want with it.',
      'npm install @wsc/sdk @wsc/plugin-retry',
      '```',
      '',
    ].join('\n');
  }
  for (const code of ['ar', 'zh'])
    pages[`${code}/home.md`] = readFileSync(join(docsDirectory, code, 'index.md'), 'utf8');
  pages['ar/guide.md'] = [
    '# خطافات الويب',
    '',
    'يستدعي المجتمع واجهتك الخلفية حين يحدث ما يعنيك: نقطة ألم أُبلغ عنها أو صُوّت لها، أو تعليق.',
    '',
    '## التحقق بأي لغة {#verify-in-any-language}',
    '',
    'قارن التوقيعات في زمن ثابت، وارفض الطوابع الزمنية القديمة.',
    '',
    // Code in the page: its colours are judged by axe too.
    '```ts',
    '// Verify the raw body, before any JSON parsing.',
    "const event = await client.webhooks.verify(body, headers, { secret: 'whsec_…' });",
    '```',
    '',
  ].join('\n');
  return pages;
}

describe.skipIf(!hasChromium)('the widgets in Chromium', () => {
  let app: TestServer;
  let apiUrl: string;
  let browser: Browser;
  let docs: DocsServer;
  let samplePage: Server;
  let samplePageUrl: string;
  let dist: string;

  beforeAll(async () => {
    const [server, docsPort, samplePort] = await Promise.all([
      createTestServer({ embedDirectory }),
      freePort(),
      freePort(),
    ]);
    app = server;
    await app.listen({ port: 0, host: '127.0.0.1' });
    apiUrl = `http://localhost:${(app.server.address() as AddressInfo).port}`;
    const docsUrl = `http://127.0.0.1:${docsPort}`;
    samplePageUrl = `http://127.0.0.1:${samplePort}`;
    const [docsPartner, samplePartner, built, launched] = await Promise.all([
      createPartner(app, { name: 'Documentation', origin: docsUrl }),
      createPartner(app, { name: 'Sample page', origin: samplePageUrl }),
      buildFixture('live-widgets', localePages()),
      chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
    ]);
    browser = launched;
    dist = built;
    docs = await startDocsServer({
      port: docsPort,
      directory: dist,
      apiUrl,
      publishableKey: docsPartner.publishableKey,
    });

    // The sample page as a partner would publish it: the sample's origin and key replaced by theirs,
    // and the sample policy sent as the page's header.
    const policy = sample('content-security-policy.txt')
      .trim()
      .replace(/^Content-Security-Policy:\s*/, '');
    const html = sample('embed.html')
      .replaceAll('https://community.example', apiUrl)
      .replaceAll('pk_live_…', samplePartner.publishableKey);
    samplePage = createServer((_request, response) => {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': policy.replaceAll('https://community.example', apiUrl),
      });
      response.end(html);
    });
    await new Promise<void>((resolve) => samplePage.listen(samplePort, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await browser?.close();
    await docs?.close();
    await new Promise((resolve) => (samplePage ? samplePage.close(resolve) : resolve(undefined)));
    await app?.dispose();
  });

  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.text().startsWith('CSP:')) problems.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.warn(`CSP: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await page.goto(url);
    return { page, problems };
  }

  async function axe(page: Page) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const { axe } = window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      };
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        resultTypes: ['violations'],
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        targets: violation.nodes.map((node) => node.target),
      }));
    });
  }

  /** The documentation's origin as its publishable key allows it. */
  const site = () => docs.url.replace('localhost', '127.0.0.1');

  const shadowText = (page: Page, selector: string) =>
    page.evaluate((name) => document.querySelector(name)?.shadowRoot?.textContent ?? '', selector);

  it('embed.html under the sample policy: the widgets load the community data, no violation', async () => {
    const { page, problems } = await open(samplePageUrl);
    await page.waitForFunction(
      () =>
        (document.querySelector('wsc-event-card')?.shadowRoot?.textContent ?? '').includes(
          'World Smart City Forum',
        ),
      undefined,
      { timeout: 20_000 },
    );
    await page.waitForFunction(
      () =>
        (document.querySelector('wsc-pain-point-board')?.shadowRoot?.querySelectorAll('[part~="item"]')
          .length ?? 0) > 0,
      undefined,
      { timeout: 20_000 },
    );
    await page.locator('wsc-coverage-chart').scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () =>
        document
          .querySelector('wsc-coverage-chart')
          ?.shadowRoot?.querySelector('[part~="base"]')
          ?.getAttribute('lang') === 'ar',
      undefined,
      { timeout: 20_000 },
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the documentation page loads the embed script from the API its server names, and says so', async () => {
    const { page, problems } = await open(`${docs.url.replace('localhost', '127.0.0.1')}/`);
    await page.waitForFunction(
      () =>
        (document.querySelector('wsc-event-card')?.shadowRoot?.textContent ?? '').includes(
          'World Smart City Forum',
        ),
      undefined,
      { timeout: 20_000 },
    );
    const note = page.locator('.wsc-live-note');
    await expect.poll(() => note.getAttribute('data-state')).toBe('ready');
    expect(await note.textContent()).toContain(apiUrl);
    expect(await note.textContent()).toContain("with this site's publishable key");
    const script = await page.evaluate(() =>
      [...document.scripts].map((element) => element.src).find((source) => source.includes('/embed/v1/')),
    );
    expect(script).toBe(`${apiUrl}/embed/v1/wsc.js`);
    expect(problems).toEqual([]);
    expect(await shadowText(page, 'wsc-event-card')).not.toBe('');
    // The site's theme with the live widgets in it, in light and in dark.
    expect(await axe(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    // The theme eases colours over a quarter second: judge the contrast once they have settled.
    await page.waitForTimeout(1_000);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it("serves each language's home and guide with its lang and dir", async () => {
    expect(locales.map((locale) => locale.code)).toEqual(expect.arrayContaining(['en', 'ar', 'zh']));
    for (const locale of locales) {
      for (const path of [`/${prefix(locale.code)}`, `/${prefix(locale.code)}guide`]) {
        const answer = await fetch(`${site()}${path}`);
        expect(answer.status, path).toBe(200);
        const html = await answer.text();
        expect(html, path).toContain(`<html lang="${locale.lang}" dir="${locale.dir}">`);
        if (path.endsWith('guide'))
          expect(html, path).toContain(`<title>${locale.guides.webhooks} | ${locale.title}</title>`);
      }
    }
  });

  it('links each page to its translations in the language switcher', async () => {
    const { page } = await open(`${site()}/ar/guide`);
    await page.waitForSelector('.VPNavBarTranslations');
    const links = await page.$$eval('.VPNavBarTranslations a', (anchors) =>
      anchors.map((anchor) => [
        anchor.textContent?.trim(),
        new URL((anchor as HTMLAnchorElement).href).pathname,
      ]),
    );
    const expected = locales
      .filter((locale) => locale.code !== 'ar')
      .map((locale) => [locale.label, `/${prefix(locale.code)}guide`]);
    expect(links).toEqual(expect.arrayContaining(expected));
    // Following one lands on the translation, in its language.
    await page.click('.VPNavBarTranslations button');
    await page.click('.VPNavBarTranslations a[href="/zh/guide"]');
    await page.waitForURL(/\/zh\/guide$/);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.close();
  });

  it('finds Arabic words with the Arabic search, and names its controls in Arabic', async () => {
    const { page, problems } = await open(`${site()}/ar/guide`);
    const button = page.locator('.DocSearch-Button');
    expect(await button.textContent()).toContain('بحث');
    await button.click();
    await page.fill('#localsearch-input', 'التوقيعات');
    const result = page.locator('.VPLocalSearchBox .results a').first();
    await result.waitFor({ timeout: 15_000 });
    expect(new URL((await result.getAttribute('href')) ?? '', site()).pathname).toBe('/ar/guide');
    expect(await result.getAttribute('href')).toContain('#verify-in-any-language');
    // A word only English pages hold is not found in Arabic.
    await page.fill('#localsearch-input', 'Standard Webhooks');
    await expect
      .poll(() => page.locator('.VPLocalSearchBox .no-results').textContent())
      .toContain('لا نتائج');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds a Chinese word inside a sentence written without spaces', async () => {
    const { page, problems } = await open(`${site()}/zh/guide`);
    await page.locator('.DocSearch-Button').click();
    // "…与可嵌入的小组件。": only a search that splits Chinese into words finds 小组件 in it.
    await page.fill('#localsearch-input', '小组件');
    const result = page.locator('.VPLocalSearchBox .results a').first();
    await result.waitFor({ timeout: 15_000 });
    expect(new URL((await result.getAttribute('href')) ?? '', site()).pathname).toBe('/zh/guide');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("runs the live widgets in the page's language: Arabic right to left, Chinese, with the note in it", async () => {
    for (const [code, lang, dir, words] of [
      ['ar', 'ar', 'rtl', 'العناصر في هذه الصفحة حية'],
      ['zh', 'zh', 'ltr', '本页的小组件是实时的'],
    ] as const) {
      const { page, problems } = await open(`${site()}/${code}/`);
      await page.waitForFunction(
        (expected) =>
          document
            .querySelector('wsc-event-card')
            ?.shadowRoot?.querySelector('[part~="base"]')
            ?.getAttribute('lang') === expected,
        lang,
        { timeout: 20_000 },
      );
      const base = await page.evaluate(() => {
        const element = document.querySelector('wsc-event-card')?.shadowRoot?.querySelector('[part~="base"]');
        return { dir: element?.getAttribute('dir'), shown: getComputedStyle(element as Element).direction };
      });
      expect(base.shown, code).toBe(dir);
      const note = page.locator('.wsc-live-note');
      await expect.poll(() => note.getAttribute('data-state')).toBe('ready');
      expect(await note.textContent()).toContain(words);
      expect(await note.textContent()).toContain(apiUrl);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('passes axe (WCAG 2.2 AA) on Arabic and Chinese pages, the home pages and the live widgets', async () => {
    for (const path of ['/ar/home', '/zh/home', '/ar/', '/ar/guide', '/zh/guide']) {
      const { page } = await open(`${site()}${path}`);
      if (!path.endsWith('home') && !path.endsWith('guide'))
        await page.waitForFunction(
          () => (document.querySelector('wsc-event-card')?.shadowRoot?.textContent ?? '') !== '',
          undefined,
          { timeout: 20_000 },
        );
      expect(await page.evaluate(() => document.documentElement.lang), path).toBe(
        path.startsWith('/ar') ? 'ar' : 'zh-Hans',
      );
      expect(await axe(page), path).toEqual([]);
      if (path === '/ar/' || path === '/ar/guide') {
        // And in the dark theme, once its colours have eased in.
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.evaluate(() => document.documentElement.classList.add('dark'));
        await page.waitForTimeout(1_000);
        expect(await axe(page), `${path} (dark)`).toEqual([]);
      }
      await page.close();
    }
  });

  it('answers an unknown page of a language with the 404 page in that language', async () => {
    const { page } = await open(`${site()}/ar/no-such-page`);
    await expect.poll(() => page.locator('.NotFound .title').textContent()).toBe('الصفحة غير موجودة');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    expect(await page.locator('.NotFound a').getAttribute('href')).toBe('/ar/');
    await page.close();
  });

  it('says the API did not answer when it is not there', async () => {
    const offline = await startDocsServer({ port: 0, directory: dist, apiUrl: 'http://127.0.0.1:9' });
    try {
      const { page } = await open(`${offline.url}/`);
      const note = page.locator('.wsc-live-note');
      await expect.poll(() => note.getAttribute('data-state'), { timeout: 15_000 }).toBe('offline');
      expect(await note.textContent()).toContain('http://127.0.0.1:9 did not answer');
      await page.close();
    } finally {
      await offline.close();
    }
  });
});
