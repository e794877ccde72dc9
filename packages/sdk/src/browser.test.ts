// The SDK in a real browser: @wsc/server in-process, a page on a second local origin whose script
// (bundled with esbuild for the browser from the built dist) imports `@wsc/sdk`, and Debian's
// Chromium driven by playwright-core. Covers CORS with a publishable key, pagination with
// `for await`, sign-up and writes with a token, ValidationError field paths, and live updates
// over SSE. Needs `npm run build` first (packages/sdk/turbo.json makes `turbo run test` do it).
// Skipped, with one line saying why, when there is no Chromium (set CHROMIUM_PATH).
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  createPartner,
  createTestServer,
  signUp,
  type TestPartner,
  type TestServer,
} from '@wsc/server/test-support';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageConfig, Scenarios } from '../test/browser/page-script';
import { WscClient } from './client';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) {
  console.warn(
    `SKIPPED: SDK browser test — no Chromium at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH).`,
  );
}

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const distEntry = new URL('../dist/index.js', import.meta.url);

let app: TestServer;
let pageServer: Server;
let browser: Browser;
let page: Page;
let partner: TestPartner;
let config: PageConfig;
const pageErrors: string[] = [];

/** Runs one scenario of test/browser/page-script.ts inside the page. */
function inPage<Name extends keyof Scenarios>(
  name: Name,
  ...args: Parameters<Scenarios[Name]>
): Promise<Awaited<ReturnType<Scenarios[Name]>>> {
  return page.evaluate(
    ([scenario, scenarioArgs]) =>
      // biome-ignore lint/suspicious/noExplicitAny: the scenario table is typed on the caller's side.
      (window.scenarios[scenario] as (...values: any[]) => unknown)(...scenarioArgs),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Scenarios[Name]>>>;
}

async function bundlePageScript(): Promise<string> {
  if (!existsSync(distEntry)) throw new Error('packages/sdk/dist is missing: run `npm run build` first');
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../test/browser/page-script.ts', import.meta.url))],
    absWorkingDir: packageRoot,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe.skipIf(!hasChromium)('@wsc/sdk in Chromium, against @wsc/server from another origin', () => {
  beforeAll(async () => {
    const [server, script] = await Promise.all([createTestServer(), bundlePageScript()]);
    app = server;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const apiURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    pageServer = createServer((request, response) => {
      if (request.url === '/page.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        response.end(script);
      } else {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          '<!doctype html><meta charset="utf-8"><title>Partner page</title><script type="module" src="/page.js"></script>',
        );
      }
    });
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    const pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
    partner = await createPartner(app, { origin: pageOrigin });
    config = { baseURL: apiURL, publishableKey: partner.publishableKey };

    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${pageOrigin}/`);
    await page.waitForFunction(() => window.scenarios !== undefined);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (pageServer ? pageServer.close(resolve) : resolve(undefined)));
    await app?.dispose();
  });

  it('runs in a real browser, not in Node', async () => {
    const userAgent = await page.evaluate(() => navigator.userAgent);
    expect(userAgent).toMatch(/Chrome\//);
    expect(await page.evaluate(() => typeof process)).toBe('undefined');
  });

  it('lists pain points across origins with the publishable key, one page and every page', async () => {
    const first = await inPage('listFirstPage', config);
    expect(first.ids).toHaveLength(2);
    expect(first.hasNext).toBe(true);

    const all = await inPage('iterateAll', config);
    // The same walk from Node, so the browser's `for await` is checked against the API itself.
    const expected = await new WscClient(config).painPoints
      .list({ sort: 'new', limit: 100 })
      .toArray({ limit: 1000 });
    expect(all.length).toBeGreaterThan(2);
    expect(all).toEqual(expected.map((item) => item.id));
    expect(all.slice(0, 2)).toEqual(first.ids);
  });

  it('signs up, creates a pain point and votes with the token', async () => {
    const result = await inPage('signUpCreateAndVote', config, `browser.${Date.now()}@example.org`);
    expect(result.city).toBe('Browser City');
    expect(result.vote.voteCount).toBe(1);
    const stored = await new WscClient(config).painPoints.get(result.id);
    expect(stored.authorId).toBe(result.accountId);
    expect(stored.partnerId).toBe(partner.id);
    expect(stored.voteCount).toBe(1);
  });

  it('reports bad input as a ValidationError with field paths', async () => {
    const result = await inPage('refusedInput', config, `refused.${Date.now()}@example.org`);
    expect(result).toMatchObject({
      thrown: true,
      isValidationError: true,
      isWscError: true,
      name: 'ValidationError',
      leaksToken: false,
    });
    expect([400, 422]).toContain(result.status);
    expect(result.paths).toEqual(expect.arrayContaining(['domain']));
    expect(result.paths?.some((path) => path.startsWith('title'))).toBe(true);
  });

  it('receives a live update over SSE', async () => {
    expect(await inPage('liveOpen', config)).toBe(true);
    const author = await signUp(app);
    const created = await new WscClient({ baseURL: config.baseURL, token: author.token }).painPoints.create({
      title: { en: 'Streetlights stay on all day' },
      description: { en: 'Nobody can switch them off remotely.' },
      domain: 'energy',
    });
    const event = await inPage('liveWaitFor', created.id, 10_000);
    expect(event).toMatchObject({ type: 'pain_point.created', hasId: true });
    expect(pageErrors).toEqual([]);
  });
});
