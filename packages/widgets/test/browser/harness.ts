// The widgets' browser tests share this harness: @wsc/server in-process on PGlite serving the
// built embed files (dist/embed, so `npm run build` first: turbo's test task does it), a partner
// page server on another origin, a partner whose publishable key is bound to that origin, and
// Debian's Chromium driven by playwright-core. Pages load the widgets exactly as a partner's
// would: one script tag. Skipped, with one loud line, when there is no Chromium (CHROMIUM_PATH).
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPartner, createTestServer, type TestPartner, type TestServer } from '@wsc/server/test-support';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

/** Call at the top of a browser test file: says loudly why the file is skipped. */
export function announceSkip(what: string): void {
  if (!hasChromium)
    console.warn(
      `SKIPPED: ${what} — no Chromium at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH).`,
    );
}

const embedDirectory = fileURLToPath(new URL('../../dist/embed', import.meta.url));
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface PageOptions {
  /** `<html lang>` of the page. */
  lang?: string;
  /** `dir` of `<html>`. */
  dir?: string;
  /** Extra attributes of the embed script tag (`data-lang="fr"`). */
  scriptAttributes?: string;
  /** Leave the embed script out (the page includes it itself, or twice). */
  withoutScript?: boolean;
  /** Content-Security-Policy header of the page; default: none. */
  csp?: string;
  /** Markup before the embed script (in <head>). */
  head?: string;
  /** The reader's time zone (default the machine's). */
  timezoneId?: string;
  /** The fragment the page opens with (`#wsc-confirm-email=…`, as a link of account mail). */
  fragment?: string;
}

export interface OpenedPage {
  page: Page;
  /** Uncaught exceptions and console errors of the page. */
  errors: string[];
  /** CSP violations the page reported. */
  violations: string[];
}

export interface WidgetEnvironment {
  app: TestServer;
  apiUrl: string;
  pageOrigin: string;
  partner: TestPartner;
  browser: Browser;
  /** The embed script tag a partner pastes. */
  scriptTag(attributes?: string): string;
  /** Serves the files of `directory` from the page origin under `prefix` (`/copy/`): a second copy of the bundle. */
  mount(prefix: string, directory: string): string;
  /** Serves `body` as a partner page with the embed script, opens it in a new tab. */
  open(body: string, options?: PageOptions): Promise<OpenedPage>;
  /** Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the page; returns the violations. */
  axe(page: Page, include?: string): Promise<AxeViolation[]>;
  dispose(): Promise<void>;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts the server, the partner page server and Chromium. One per test file (`beforeAll`).
 *
 * @example
 * let env: WidgetEnvironment;
 * beforeAll(async () => { env = await startWidgetEnvironment(); }, 60_000);
 * afterAll(() => env?.dispose());
 */
export async function startWidgetEnvironment(): Promise<WidgetEnvironment> {
  if (!existsSync(`${embedDirectory}/wsc.js`))
    throw new Error('packages/widgets/dist/embed is missing: run `npm run build` first');
  const pages = new Map<string, { html: string; csp?: string }>();
  const mounts = new Map<string, string>();
  const pageServer: Server = createServer((request, response) => {
    const url = request.url ?? '';
    for (const [prefix, directory] of mounts) {
      if (!url.startsWith(prefix)) continue;
      const file = join(directory, url.slice(prefix.length).split('?')[0] ?? '');
      if (!file.startsWith(directory) || !existsSync(file)) break;
      response.writeHead(200, {
        'content-type': file.endsWith('.json') ? 'application/json' : 'text/javascript; charset=utf-8',
      });
      response.end(readFileSync(file));
      return;
    }
    const entry = pages.get(url);
    if (!entry) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      ...(entry.csp ? { 'content-security-policy': entry.csp } : {}),
    });
    response.end(entry.html);
  });
  const [app] = await Promise.all([
    createTestServer({ embedDirectory }),
    new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve)),
  ]);
  await app.listen({ port: 0, host: '127.0.0.1' });
  // `localhost` for the API and 127.0.0.1 for the page: two origins, as on a partner's site.
  const apiUrl = `http://localhost:${(app.server.address() as AddressInfo).port}`;
  const pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
  const [partner, browser] = await Promise.all([
    createPartner(app, { origin: pageOrigin }),
    chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
  ]);
  let counter = 0;

  const scriptTag = (attributes = '') =>
    `<script src="${apiUrl}/embed/v1/wsc.js" data-publishable-key="${partner.publishableKey}" ${attributes} async></script>`;

  return {
    app,
    apiUrl,
    pageOrigin,
    partner,
    browser,
    scriptTag,
    mount(prefix, directory) {
      mounts.set(prefix, directory);
      return `${pageOrigin}${prefix}`;
    },
    async open(body, options = {}) {
      counter += 1;
      const path = `/page-${counter}.html`;
      const html = `<!doctype html>
<html lang="${options.lang ?? 'en'}"${options.dir ? ` dir="${options.dir}"` : ''}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner page ${counter}</title><link rel="icon" href="data:,">${options.head ?? ''}
${options.withoutScript ? '' : scriptTag(options.scriptAttributes)}
</head>
<body><main>${body}</main></body></html>`;
      pages.set(path, { html, ...(options.csp ? { csp: options.csp } : {}) });
      const page = await browser.newPage(options.timezoneId ? { timezoneId: options.timezoneId } : {});
      const errors: string[] = [];
      const violations: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`.trim());
        if (message.text().startsWith('CSP:')) violations.push(message.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) =>
          console.warn(`CSP: ${event.violatedDirective} ${event.blockedURI}`),
        );
      });
      await page.goto(`${pageOrigin}${path}${options.fragment ?? ''}`);
      return { page, errors, violations };
    },
    async axe(page, include) {
      // evaluate() runs outside the page's CSP, so axe is injected even under a strict policy.
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
      return page.evaluate(async (selector) => {
        const axe = (
          window as unknown as {
            axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
          }
        ).axe;
        const result = await axe.run(selector ? { include: [[selector]] } : document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          resultTypes: ['violations'],
        });
        return result.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          help: violation.help,
          nodes: violation.nodes.map((node) => ({
            target: node.target,
            html: node.html,
            failureSummary: node.failureSummary,
          })),
        }));
      }, include);
    },
    async dispose() {
      await browser.close();
      await new Promise((resolve) => pageServer.close(resolve));
      await app.dispose();
    },
  };
}

/**
 * The token of the newest account mail of `template` queued for `address` (`email-confirmation`,
 * `password-reset`), as the server wrote it for the mail's link: read from the queue, where it
 * waits until the mail is sent.
 */
export async function mailedToken(app: TestServer, address: string, template: string): Promise<string> {
  const row = await app.db
    .selectFrom('mail_outbox')
    .select('secrets')
    .where('address_normalized', '=', address.toLowerCase())
    .where('template', '=', template)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const token = row?.secrets?.token;
  if (!token) throw new Error(`no ${template} mail queued for ${address}`);
  return token;
}

/** Text of an element inside a widget's shadow root (playwright locators pierce open shadow roots). */
export async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent())?.trim() ?? '';
}
