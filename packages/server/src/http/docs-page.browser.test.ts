// "Try it out" on /docs in a real browser: Debian's Chromium driven by playwright-core opens the
// page at http://localhost:PORT/docs and at http://127.0.0.1:PORT/docs and runs one call from
// Swagger UI. Skipped, with one line saying why, when there is no Chromium (set CHROMIUM_PATH).
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../test-support';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) {
  console.warn(
    `SKIPPED: /docs browser test — no Chromium at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH).`,
  );
}

describe.skipIf(!hasChromium)('/docs "Try it out" in Chromium', () => {
  let app: TestServer;
  let browser: Browser;
  let port: number;

  beforeAll(async () => {
    app = await createTestServer({ publicUrl: 'http://localhost:8787' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
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
  });
  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  test.each(['localhost', '127.0.0.1'])(
    'opened at http://%s:PORT/docs, a call answers',
    async (host) => {
      const page = await browser.newPage();
      // Swagger UI renders the whole document first: slow on a busy two-core machine.
      page.setDefaultTimeout(90_000);
      const violations: string[] = [];
      page.on('console', (message) => {
        // Swagger UI's inline styles are refused by its own style-src; only calls matter here.
        if (/connect-src|Refused to connect/i.test(message.text())) violations.push(message.text());
      });
      try {
        await page.goto(`http://${host}:${port}/docs/`);
        const operation = page.locator('#operations-health-get_health');
        await operation.locator('.opblock-summary').click();
        await operation.locator('.try-out__btn').click();
        const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/health');
        await operation.locator('.execute').click();
        const response = await answered;
        expect(new URL(response.url()).origin).toBe(`http://${host}:${port}`);
        await expect
          .poll(async () =>
            operation.locator('.live-responses-table tbody .response-col_status').first().textContent(),
          )
          .toContain('200');
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    },
    180_000,
  );
});
