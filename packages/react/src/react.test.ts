import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The widgets' browser harness: the real server on PGlite, a partner page server on another origin,
// a partner whose publishable key is bound to that origin, Chromium.
import {
  announceSkip,
  hasChromium,
  startWidgetEnvironment,
  type WidgetEnvironment,
} from '../../widgets/test/browser/harness';

announceSkip('@wsc/react browser test');
const FORUM = 'world-smart-city-forum-2016';
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

describe('the built @wsc/react', () => {
  it('marks every module as client code for Next.js', () => {
    const modules = readdirSync(dist).filter((file) => file.endsWith('.js'));
    expect(modules).toContain('index.js');
    for (const file of modules) expect(readFileSync(join(dist, file), 'utf8')).toMatch(/^'use client';\n/);
  });
});

describe.skipIf(!hasChromium)('@wsc/react in a React 19 page on a partner origin', () => {
  let env: WidgetEnvironment;
  let bundleFolder: string;
  beforeAll(async () => {
    env = await startWidgetEnvironment();
    bundleFolder = mkdtempSync(join(tmpdir(), 'wsc-react-page-'));
    // As a partner's bundler would: react, react-dom/client, @wsc/react and @wsc/widgets from npm.
    await build({
      entryPoints: [fileURLToPath(new URL('../test/page.tsx', import.meta.url))],
      outfile: join(bundleFolder, 'page.js'),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      jsx: 'automatic',
      // React's development build: its warnings (unknown props, bad attributes) reach the console.
      define: {
        'process.env.NODE_ENV': '"development"',
        PAGE_CONFIG: JSON.stringify({
          apiUrl: env.apiUrl,
          publishableKey: env.partner.publishableKey,
          event: FORUM,
        }),
      },
      logLevel: 'error',
    });
  });
  afterAll(async () => {
    await env?.dispose();
    if (bundleFolder) rmSync(bundleFolder, { recursive: true, force: true });
  });

  it('renders <WscEventCard> from the API, calls the typed onWscEventLoaded and follows its props', async () => {
    const scripts = env.mount('/react/', bundleFolder);
    const { page, errors } = await env.open('<div id="root"></div>', {
      withoutScript: true,
      head: `<script type="module" src="${scripts}page.js"></script>`,
    });
    const name = page.locator('wsc-event-card [part~="name"]');
    await name.waitFor();
    expect(await name.textContent()).toContain('World Smart City Forum');
    // The handler ran with the CustomEvent's detail and React re-rendered from it.
    await page.locator('#loaded', { hasText: 'Loaded: World Smart City Forum' }).waitFor();
    expect(await page.evaluate(() => window.loadedEvents)).toEqual([FORUM]);

    // A prop change reaches the element: lang="ar" turns the card right to left, in Arabic.
    await page.getByRole('button', { name: 'العربية' }).click();
    const base = page.locator('wsc-event-card [part~="base"]');
    await expect.poll(() => base.getAttribute('dir')).toBe('rtl');
    expect(await base.textContent()).toContain('المكان');
    expect(errors).toEqual([]);
    expect(await env.axe(page)).toEqual([]);
    await page.close();
  });
});
