import { performance } from 'node:perf_hooks';
import { samplePainPoints } from '@wsc/models/catalogue';
import { type SignedUp, signUp } from '@wsc/server/test-support';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceSkip,
  hasChromium,
  startWidgetEnvironment,
  type WidgetEnvironment,
} from '../../test/browser/harness';

announceSkip('<wsc-pain-point-board> browser tests');

const BOARD = 'wsc-pain-point-board';
const DETAIL = `${BOARD} wsc-pain-point-detail`;
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
// Every language of every sample: a sample reported in one language alone shows in that language.
const SAMPLE_TITLES = new Set(samplePainPoints.flatMap((sample) => Object.values(sample.title)));

interface PageWindow {
  wsc: { ready(): Promise<void>; configure(config: { token?: string }): void };
  __xss?: unknown;
  __events: { type: string; detail: unknown }[];
}

/** Hands the member's token to every widget of the page, as a partner page would. */
async function signIn(page: Page, token: string): Promise<void> {
  await page.evaluate(async (memberToken) => {
    const pageWindow = window as unknown as PageWindow;
    await pageWindow.wsc.ready();
    pageWindow.wsc.configure({ token: memberToken });
  }, token);
}

/** Records the board's typed events in `window.__events`. */
async function recordEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const pageWindow = window as unknown as PageWindow;
    pageWindow.__events = [];
    for (const type of ['wsc-vote', 'wsc-open', 'wsc-comment'] as const) {
      document.addEventListener(type, (event) =>
        pageWindow.__events.push({ type, detail: (event as CustomEvent).detail }),
      );
    }
  });
}

function events(page: Page): Promise<{ type: string; detail: Record<string, unknown> }[]> {
  return page.evaluate(() => (window as unknown as PageWindow).__events) as never;
}

/** The id of the element focused inside the board (or inside its detail view). */
function focused(page: Page): Promise<string> {
  return page.evaluate((tag) => {
    const board = document.querySelector(tag);
    const inBoard = board?.shadowRoot?.activeElement;
    const inner = inBoard?.shadowRoot?.activeElement ?? inBoard;
    return inner ? `${inner.localName}#${inner.id}:${inner.textContent?.trim()}` : '';
  }, BOARD);
}

describe.skipIf(!hasChromium)('<wsc-pain-point-board> on a partner page', () => {
  let env: WidgetEnvironment;
  let member: SignedUp;
  let other: SignedUp;
  const ids = new Map<string, string>();
  let commentId = '';

  beforeAll(async () => {
    env = await startWidgetEnvironment();
    const { app } = env;
    [member, other] = await Promise.all([signUp(app), signUp(app)]);
    const expert = await signUp(app, { roles: ['expert'] });
    const rows = await app.db
      .selectFrom('pain_points')
      .select(['id', 'slug'])
      .where('slug', 'in', [
        'sample-amman-leaks-cannot-be-located',
        'sample-lagos-outage-status-not-shared',
        'sample-novosibirsk-heat-and-power-metering-separate',
      ])
      .execute();
    for (const row of rows) ids.set(row.slug ?? '', row.id);
    const amman = ids.get('sample-amman-leaks-cannot-be-located');
    const writes = await Promise.all([
      app.inject({
        method: 'POST',
        url: `/v1/pain-points/${amman}/standards`,
        headers: expert.headers,
        payload: { standardId: 'iso-24512-2024', coverage: 'partial' },
      }),
      app.inject({
        method: 'POST',
        url: `/v1/pain-points/${amman}/comments`,
        headers: other.headers,
        payload: { body: 'Same problem in our district since 2021.' },
      }),
      app.inject({
        method: 'POST',
        url: '/v1/pain-points',
        headers: member.headers,
        payload: { title: { en: XSS }, description: { en: XSS }, domain: 'privacy', country: 'IS' },
      }),
    ]);
    const commentOfXss = await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${amman}/comments`,
      headers: other.headers,
      payload: { body: XSS },
    });
    for (const response of [...writes, commentOfXss]) expect(response.statusCode, response.body).toBe(201);
    commentId = writes[1]?.json().id;
  });
  afterAll(() => env?.dispose());

  it('renders the seeded pain points, filters them, pages with Show more, and shows the loading, empty and error states', async () => {
    const { page, errors } = await env.open('<div id="here"></div>');
    // Hold the first list request to see (and check) the loading state.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const listRequests = /\/v1\/pain-points\?/;
    await page.route(listRequests, async (route) => {
      await held;
      await route.continue();
    });
    await page.evaluate((tag) => {
      const board = document.createElement(tag);
      board.setAttribute('page-size', '5');
      document.querySelector('#here')?.append(board);
    }, BOARD);
    await page.locator(`${BOARD} .results[aria-busy="true"]`).waitFor();
    expect(await env.axe(page)).toEqual([]);
    release();
    const items = page.locator(`${BOARD} [part~="item"]`);
    const titles = page.locator(`${BOARD} [part~="title"]`);
    await expect.poll(() => items.count()).toBe(5);
    await page.unrouteAll({ behavior: 'wait' });
    // The seeded samples (and the hostile title a member added, checked below).
    for (const title of await titles.allTextContents())
      expect([...SAMPLE_TITLES, XSS]).toContain(title.trim());
    expect(await env.axe(page)).toEqual([]);

    // Show more: the next keyset page, and focus on the first pain point it brought.
    await page.locator(`${BOARD} [part~="load-more"]`).click();
    await expect.poll(() => items.count()).toBe(10);
    const sixth = (await titles.nth(5).textContent())?.trim();
    expect(await focused(page)).toBe(`button#:${sixth}`);
    expect(new Set(await titles.allTextContents()).size).toBe(10);

    // A domain narrows the list to its pain points.
    await page.locator(`${BOARD} select#domain`).selectOption('water');
    await expect.poll(() => items.count()).toBe(2);
    for (const text of await items.allTextContents()) expect(text).toContain('Water');

    // Words nobody wrote: the empty state.
    await page.locator(`${BOARD} input#q`).fill('zqxjv no such words');
    await page.locator(`${BOARD} [part~="empty"]`).waitFor();
    expect(await items.count()).toBe(0);
    expect(await env.axe(page)).toEqual([]);
    expect(errors).toEqual([]);

    // A status the server does not know: the error state with its retry button.
    await page.evaluate((tag) => document.querySelector(tag)?.setAttribute('status', 'nonsense'), BOARD);
    await page.locator(`${BOARD} .problem [role="alert"]`).waitFor();
    expect(await page.locator(`${BOARD} .problem button`).textContent()).toBe('Try again');
    expect(await env.axe(page)).toEqual([]);
    await page.close();
  });

  it('loads the next page by itself when the end of an infinite list scrolls into view', async () => {
    const { page } = await env.open(
      `<div style="block-size: 3000px"></div><wsc-pain-point-board infinite page-size="3"></wsc-pain-point-board>`,
    );
    const items = page.locator(`${BOARD} [part~="item"]`);
    await items.first().waitFor();
    expect(await items.count()).toBe(3);
    await page.locator(`${BOARD} [part~="load-more"]`).scrollIntoViewIfNeeded();
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(6);
    await page.close();
  });

  it('lets a member vote and unvote, and shows another client’s vote within a second', async () => {
    const { page, errors } = await env.open(`<wsc-pain-point-board domain="energy"></wsc-pain-point-board>`);
    const lagos = ids.get('sample-lagos-outage-status-not-shared') ?? '';
    const novosibirsk = ids.get('sample-novosibirsk-heat-and-power-metering-separate') ?? '';
    const item = (id: string) => `${BOARD} li[data-id="${id}"]`;
    const count = (id: string) => page.locator(`${item(id)} [part~="vote-count"]`);
    const button = page.locator(`${item(lagos)} [part~="vote-button"]`);
    await count(lagos).waitFor();
    expect(await env.axe(page)).toEqual([]);

    await signIn(page, member.token);
    await recordEvents(page);
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    expect(await count(lagos).textContent()).toBe('0 votes');
    await button.click();
    await expect.poll(() => count(lagos).textContent()).toBe('1 vote');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await env.axe(page)).toEqual([]);
    await button.click();
    await expect.poll(() => count(lagos).textContent()).toBe('0 votes');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect((await events(page)).map((event) => [event.type, event.detail.voteCount])).toEqual([
      ['wsc-vote', 1],
      ['wsc-vote', 0],
    ]);

    // Another member votes through the API: first one to be sure the stream is open, then the timed one.
    const voteOfOther = (id: string) =>
      env.app.inject({ method: 'PUT', url: `/v1/pain-points/${id}/vote`, headers: other.headers });
    await voteOfOther(novosibirsk);
    await expect.poll(() => count(novosibirsk).textContent(), { timeout: 10_000 }).toBe('1 vote');
    const started = performance.now();
    await voteOfOther(lagos);
    await page.waitForFunction(
      ({ tag, id }) =>
        document
          .querySelector(tag)
          ?.shadowRoot?.querySelector(`li[data-id="${id}"] [part~="vote-count"]`)
          ?.textContent?.trim() === '1 vote',
      { tag: BOARD, id: lagos },
      { polling: 10, timeout: 5000 },
    );
    const elapsed = performance.now() - started;
    console.info(`live vote reached the board in ${Math.round(elapsed)} ms`);
    expect(elapsed).toBeLessThan(1000);
    // Announced politely to screen readers.
    expect(await page.locator(`${BOARD} [part~="base"] > [role="status"]`).textContent()).toContain('1 vote');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a pain point by keyboard with its standards and discussion; a member comments, meets field errors, reports; Escape closes', async () => {
    const amman = ids.get('sample-amman-leaks-cannot-be-located') ?? '';
    const { page } = await env.open(`<wsc-pain-point-board domain="water"></wsc-pain-point-board>`);
    await signIn(page, member.token);
    await recordEvents(page);
    const title = page.locator(`${BOARD} li[data-id="${amman}"] [part~="title"]`);
    await title.focus();
    await page.keyboard.press('Enter');
    await page.locator(`${DETAIL} dialog[open]`).waitFor();
    const heading = (await title.textContent())?.trim();
    await expect.poll(() => focused(page)).toBe(`h2#detail-title:${heading}`);

    const standards = page.locator(`${DETAIL} [part~="standards"]`);
    await standards.waitFor();
    const standardsText = await standards.textContent();
    for (const text of ['ISO 24512:2024', 'drinking water', 'ISO', 'Partly covered']) {
      expect(standardsText).toContain(text);
    }
    const comments = page.locator(`${DETAIL} [part~="comments"]`);
    await comments.waitFor();
    expect(await comments.textContent()).toContain('Same problem in our district since 2021.');
    // The payload shows as text and runs nothing.
    expect(await page.locator(`${DETAIL} .comment-body`).nth(1).textContent()).toBe(XSS);
    expect(await page.evaluate(() => (window as unknown as PageWindow).__xss)).toBeUndefined();
    expect(await env.axe(page)).toEqual([]);

    // Empty, then too long: the server's own words at the field, and a summary.
    const body = page.locator(`${DETAIL} #comment-body`);
    const post = page.locator(`${DETAIL} [part~="comment-form"] button[type="submit"]`);
    for (const text of ['', 'x'.repeat(5001)]) {
      const refused = await env.app.inject({
        method: 'POST',
        url: `/v1/pain-points/${amman}/comments`,
        headers: member.headers,
        payload: { body: text },
      });
      const serverMessage = refused.json().errors[0].message;
      await body.fill(text);
      await post.click();
      await expect
        .poll(() => page.locator(`${DETAIL} #comment-body-error`).textContent())
        .toBe(serverMessage);
      expect(await body.getAttribute('aria-invalid')).toBe('true');
      expect(await body.getAttribute('aria-describedby')).toBe('comment-body-error');
      expect(await page.locator(`${DETAIL} [part~="comment-form"] [role="alert"]`).textContent()).toBe(
        'One field needs your attention.',
      );
    }
    expect(await env.axe(page)).toEqual([]);

    await body.fill('We see the same leaks in Zarqa.');
    await post.click();
    await expect.poll(() => comments.locator('li').count()).toBe(3);
    expect(await comments.locator('li').nth(2).textContent()).toContain('We see the same leaks in Zarqa.');
    expect(await body.inputValue()).toBe('');
    expect(await body.getAttribute('aria-invalid')).toBe('false');
    const posted = (await events(page)).filter((event) => event.type !== 'wsc-open');
    expect(posted.map((event) => event.type)).toEqual(['wsc-comment']);
    expect((await events(page)).map((event) => event.type)).toContain('wsc-open');

    // Reporting another member's comment, with a reason.
    await page.locator(`${DETAIL} li[data-id="${commentId}"] button.report`).click();
    await page.locator(`${DETAIL} #reason-${commentId}`).selectOption('spam');
    await page.locator(`${DETAIL} li[data-id="${commentId}"] button[type="submit"]`).click();
    await expect
      .poll(() => page.locator(`${DETAIL} li[data-id="${commentId}"] [role="status"]`).textContent())
      .toBe('Thank you. The moderators will review this comment.');
    const reports = await env.app.db.selectFrom('comment_reports').select(['comment_id', 'reason']).execute();
    expect(reports).toEqual([{ comment_id: commentId, reason: 'spam' }]);

    // Escape closes the detail and gives focus back to the title that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(`${DETAIL} dialog[open]`).count()).toBe(0);
    await expect.poll(() => focused(page)).toBe(`button#:${heading}`);
    expect(await page.locator(BOARD).getAttribute('pain-point')).toBeNull();
    await page.close();
  });

  it('opens a pain point named by the partner, signed out, and says so when it does not exist', async () => {
    const amman = ids.get('sample-amman-leaks-cannot-be-located') ?? '';
    const { page } = await env.open(`<wsc-pain-point-board pain-point="${amman}"></wsc-pain-point-board>`);
    await page.locator(`${DETAIL} dialog[open] [part~="vote-count"]`).waitFor();
    await page.locator(`${DETAIL} [part~="standards"]`).waitFor();
    expect(await page.locator(`${DETAIL} #detail-title`).textContent()).toContain('leak');
    expect(await page.locator(`${DETAIL} button.primary`).textContent()).toBe('Sign in to comment');
    expect(await env.axe(page)).toEqual([]);

    await page.evaluate(
      (tag) => document.querySelector(tag)?.setAttribute('pain-point', 'no-such-thing'),
      BOARD,
    );
    await expect
      .poll(() => page.locator(`${DETAIL} dialog[open] [role="alert"]`).textContent())
      .toBe('This could not be found. It may have been removed.');
    expect(await env.axe(page)).toEqual([]);
    // Closing by its button (a click) returns the board to its list.
    await page.locator(`${DETAIL} button.close`).click();
    await expect.poll(() => page.locator(`${DETAIL} dialog[open]`).count()).toBe(0);
    await page.close();
  });

  it('shows a comment edited by its author, and one a moderator hides, live in the open discussion', async () => {
    const lagos = ids.get('sample-lagos-outage-status-not-shared') ?? '';
    const posted = await env.app.inject({
      method: 'POST',
      url: `/v1/pain-points/${lagos}/comments`,
      headers: other.headers,
      payload: { body: 'Call me on +234 1 280 2000 for the outage map.' },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const id = posted.json().id as string;
    const edit = (body: string) =>
      env.app.inject({
        method: 'PATCH',
        url: `/v1/comments/${id}`,
        headers: other.headers,
        payload: { body },
      });
    const { page, errors } = await env.open(
      `<wsc-pain-point-board pain-point="${lagos}"></wsc-pain-point-board>`,
    );
    const shown = page.locator(`${DETAIL} dialog[open] li[data-id="${id}"]`);
    await expect.poll(() => shown.textContent()).toContain('+234 1 280 2000');

    // Edits until one shows: the discussion's stream opens a moment after the dialog.
    let attempt = 0;
    let live = false;
    while (!live && attempt < 20) {
      attempt += 1;
      const edited = await edit(`Outage map, draft ${attempt}.`);
      expect(edited.statusCode, edited.body).toBe(200);
      live = await page
        .waitForFunction(
          ({ selector, text }) =>
            document
              .querySelector(selector.board)
              ?.shadowRoot?.querySelector(selector.detail)
              ?.shadowRoot?.querySelector(selector.comment)
              ?.textContent?.includes(text),
          {
            selector: { board: BOARD, detail: 'wsc-pain-point-detail', comment: `li[data-id="${id}"]` },
            text: `draft ${attempt}.`,
          },
          { polling: 50, timeout: 500 },
        )
        .then(
          () => true,
          () => false,
        );
    }
    expect(live).toBe(true);
    // Now the stream is open: the author's next edit replaces the text in place, without a reload.
    const final = await edit('Outage map: ask in this thread.');
    expect(final.statusCode, final.body).toBe(200);
    await expect
      .poll(() => shown.locator('.comment-body').textContent())
      .toBe('Outage map: ask in this thread.');
    expect(await shown.textContent()).not.toContain('+234');
    expect(await env.axe(page)).toEqual([]);

    const moderator = await signUp(env.app, { roles: ['moderator'] });
    const hidden = await env.app.inject({
      method: 'POST',
      url: `/v1/comments/${id}/hide`,
      headers: moderator.headers,
      payload: { reason: 'Personal data' },
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    await expect.poll(() => shown.textContent()).toContain('A moderator hid this comment.');
    expect(await shown.textContent()).not.toContain('Outage map');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks Arabic right to left with no raw message key, and shows a hostile title as text', async () => {
    const { page, errors } = await env.open(
      `<wsc-pain-point-board lang="ar" domain="water"></wsc-pain-point-board>
       <wsc-pain-point-board id="hostile" country="IS"></wsc-pain-point-board>`,
    );
    const arabic = page.locator(`${BOARD}[lang="ar"] section[part~="base"]`);
    await page.locator(`${BOARD}[lang="ar"] [part~="item"]`).first().waitFor();
    expect(await arabic.getAttribute('dir')).toBe('rtl');
    const text = (await arabic.textContent()) ?? '';
    expect(text).toContain('نقاط الصعوبة');
    expect(text).toContain('الأردن'); // Jordan, named by Intl in Arabic
    expect(text).not.toMatch(/\w+\.\w+/);

    const hostile = page.locator(`#hostile [part~="title"]`);
    await hostile.waitFor();
    expect(await hostile.textContent()).toBe(XSS);
    await hostile.click();
    await expect
      .poll(() => page.locator(`#hostile wsc-pain-point-detail .description`).textContent())
      .toBe(XSS);
    expect(await page.evaluate(() => (window as unknown as PageWindow).__xss)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
