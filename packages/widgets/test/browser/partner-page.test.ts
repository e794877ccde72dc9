// Issue #15's "done when", as a partner meets it: a plain HTML page on another origin with ONE
// script tag and a publishable key shows every element, in each of the six languages, under a
// strict Content-Security-Policy, with no violation of axe's WCAG rules, no raw message key,
// no script error; and a second copy of the bundle on the same page breaks nothing.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '@wsc/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_ELEMENTS } from '../../src/embed/elements';
import { announceSkip, hasChromium, startWidgetEnvironment, type WidgetEnvironment } from './harness';

announceSkip('partner page with every widget');

/** How a partner writes each element on its page (elements not built yet are simply absent). */
const MARKUP: Record<string, string> = {
  'wsc-event-card': '<wsc-event-card event="world-smart-city-forum-2016"></wsc-event-card>',
  'wsc-event-registration':
    '<wsc-event-registration event="world-smart-city-forum-2016"></wsc-event-registration>',
  'wsc-pain-point-board': '<wsc-pain-point-board page-size="5"></wsc-pain-point-board>',
  'wsc-pain-point-form': '<wsc-pain-point-form></wsc-pain-point-form>',
  'wsc-standards-finder': '<wsc-standards-finder page-size="5"></wsc-standards-finder>',
  'wsc-coverage-chart': '<wsc-coverage-chart></wsc-coverage-chart>',
  'wsc-pain-point-map': '<wsc-pain-point-map></wsc-pain-point-map>',
  'wsc-stakeholder-directory': '<wsc-stakeholder-directory page-size="5"></wsc-stakeholder-directory>',
};
const tags = EMBEDDED_ELEMENTS.map((element) => element.tag);
const body = tags.map((tag) => `<section>${MARKUP[tag] ?? `<${tag}></${tag}>`}</section>`).join('\n');
// A message key that reached the reader (`board.sort`, `error.network`) instead of its text.
const RAW_KEY = /\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z]+\b/;

/** Waits until every element's shadow root rendered its content (no aria-busy left); names the laggards. */
async function settled(page: import('playwright-core').Page): Promise<void> {
  const pending = (names: string[]) => {
    const waiting = names.filter((name) => {
      const root = document.querySelector(name)?.shadowRoot;
      return !root || root.childElementCount === 0 || root.querySelector('[aria-busy="true"]') !== null;
    });
    // As a reader would: look at what is still loading, so that the heavy elements (chart, map)
    // come near the viewport and load, while the content above them keeps growing.
    if (waiting[0]) document.querySelector(waiting[0])?.scrollIntoView({ block: 'center' });
    return waiting;
  };
  const deadline = Date.now() + 15_000;
  let laggards = await page.evaluate(pending, tags);
  while (laggards.length > 0) {
    if (Date.now() > deadline) {
      const states = await page.evaluate(
        (names) =>
          names.map(
            (name) => `${name}: ${document.querySelector(name)?.shadowRoot?.innerHTML.slice(0, 300)}`,
          ),
        laggards,
      );
      throw new Error(`still loading after 15 s: ${states.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    laggards = await page.evaluate(pending, tags);
  }
}

describe.skipIf(!hasChromium)('a partner page embedding every widget with one script tag', () => {
  let env: WidgetEnvironment;
  let csp: string;
  beforeAll(async () => {
    env = await startWidgetEnvironment();
    // The policy the README asks of host pages: scripts and connections from the community only.
    csp = `default-src 'none'; script-src ${env.apiUrl}; connect-src ${env.apiUrl}; img-src data:`;
  });
  afterAll(() => env?.dispose());

  it.each(LANGUAGES)(
    'in %s: renders, passes axe, shows no raw key, runs under a strict CSP',
    async (lang) => {
      const { page, errors, violations } = await env.open(body, { lang, csp });
      // Scroll through the page so that the heavy elements (chart, map) come near the viewport.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await settled(page);
      const texts = await page.evaluate(
        (names) => names.map((name) => document.querySelector(name)?.shadowRoot?.textContent ?? ''),
        tags,
      );
      for (const [index, text] of texts.entries()) {
        expect(text.trim(), `${tags[index]} in ${lang}`).not.toBe('');
        expect(text, `${tags[index]} in ${lang} shows a raw message key`).not.toMatch(RAW_KEY);
      }
      const direction = await page.evaluate(
        (names) =>
          names.map((name) =>
            document.querySelector(name)?.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('dir'),
          ),
        tags,
      );
      expect(direction).toEqual(tags.map(() => (lang === 'ar' ? 'rtl' : 'ltr')));
      expect(await env.axe(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(violations).toEqual([]);
      await page.close();
    },
  );

  it('follows the reader’s dark mode with no contrast failure, and takes the site’s own colours', async () => {
    const { page, errors } = await env.open(body, { lang: 'en' });
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await settled(page);
    const surface = () =>
      page.evaluate(() => {
        const base = document.querySelector('wsc-event-card')?.shadowRoot?.querySelector('[part~="base"]');
        return base ? getComputedStyle(base).backgroundColor : '';
      });
    expect(await surface()).toBe('rgb(22, 27, 34)');
    expect(await env.axe(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await surface()).toBe('rgb(255, 255, 255)');
    // A partner's theme: custom properties on the page reach inside every widget's shadow root.
    await page.addStyleTag({ content: ':root { --wsc-color-surface: #fdf6e3; --wsc-radius: 0px; }' });
    expect(await surface()).toBe('rgb(253, 246, 227)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps working with a second copy of the bundle on the page', async () => {
    // A second, separately served copy (another version on another path): its modules are
    // distinct from the first's, both loaders see the elements and both try to define them.
    const copy = mkdtempSync(join(tmpdir(), 'wsc-embed-copy-'));
    cpSync(fileURLToPath(new URL('../../dist/embed', import.meta.url)), copy, { recursive: true });
    const copyUrl = env.mount('/copy/', copy);
    try {
      const { page, errors } = await env.open(body, {
        head: `<script src="${copyUrl}wsc.js" data-api-url="${env.apiUrl}" data-publishable-key="${env.partner.publishableKey}" async></script>`,
      });
      const chunkRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/chunks/')) chunkRequests.push(request.url());
      });
      await page.reload();
      await settled(page);
      expect(errors).toEqual([]);
      // Both copies fetched their element code: the guarded define is what kept the second quiet.
      expect(chunkRequests.some((url) => url.startsWith(copyUrl))).toBe(true);
      expect(chunkRequests.some((url) => url.startsWith(`${env.apiUrl}/embed/v1/`))).toBe(true);
      await page.close();
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
