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
import { type DocsServer, startDocsServer } from '../serve.mjs';
import { buildFixture } from './fixtures';
import { freePort, sample } from './servers';

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

  it('embed.html: each element and attribute exists, and the script is the embed loader', () => {
    const html = sample('embed.html');
    expect(html).toMatch(
      /<script src="https:\/\/community\.example\/embed\/v1\/wsc\.js" data-publishable-key="pk_live_…" async>/,
    );
    const tags = [...html.matchAll(/<(wsc-[a-z-]+)([^>]*)>/g)];
    expect(tags.length).toBeGreaterThan(1);
    for (const [, tag = '', attributes = ''] of tags) {
      const element = byTag.get(tag);
      expect(element, tag).toBeDefined();
      const declared = new Set((element?.attributes ?? []).map((attribute) => attribute.name));
      for (const [, name = ''] of attributes.matchAll(/([a-z-]+)="/g))
        expect(declared, `${tag} ${name}`).toContain(name);
    }
  });

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
      buildFixture('live-widgets', {
        'index.md': [
          '# Live',
          '',
          '<LiveWidgets />',
          '',
          '<wsc-event-card event="world-smart-city-forum-2016"></wsc-event-card>',
          '',
        ].join('\n'),
      }),
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
