import type { CoverageCounts, CoverageReport, Page as ListPage, PainPointView } from '@wsc/models';
import { type SignedUp, signUp } from '@wsc/server/test-support';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceSkip,
  hasChromium,
  startWidgetEnvironment,
  type WidgetEnvironment,
} from '../../test/browser/harness';

announceSkip('<wsc-coverage-chart> browser tests');

const XSS_TITLE = '<img src=x onerror="window.__xss=1"> <script>window.__xss=1</script> cameras';
const chart = 'wsc-coverage-chart';
type Counts = Omit<CoverageCounts, 'total'>;

/** The counts each bar group of the SVG draws, by domain. */
async function drawnCounts(page: Page): Promise<Record<string, Counts & { total: string }>> {
  return page.locator(`${chart} svg[role="img"] g.row`).evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((row) => {
        const count = (level: string) =>
          Number(row.querySelector(`g.segment-${level}`)?.getAttribute('data-count') ?? 0);
        return [
          row.getAttribute('data-key'),
          {
            full: count('full'),
            partial: count('partial'),
            none: count('none'),
            total: row.querySelector('text.total')?.textContent,
          },
        ];
      }),
    ),
  );
}

/** The table equivalent: row header → the four numbers as shown. */
async function tableRows(page: Page): Promise<Record<string, string[]>> {
  return page
    .locator(`${chart} table tbody tr`)
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.getAttribute('data-domain'),
          [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? ''),
        ]),
      ),
    );
}

describe.skipIf(!hasChromium)('<wsc-coverage-chart> on a partner page', () => {
  let env: WidgetEnvironment;
  let moderator: SignedUp;

  async function api<Body>(url: string): Promise<Body> {
    const response = await env.app.inject({ url });
    expect(response.statusCode, url).toBe(200);
    return response.json() as Body;
  }

  /** What the chart must draw for a body: each domain's report, counted with that body's standards only. */
  async function perBody(body: string, domains: string[]): Promise<Record<string, Counts>> {
    const reports = await Promise.all(
      domains.map((domain) => api<CoverageReport>(`/v1/coverage?domain=${domain}&gapLimit=0`)),
    );
    return Object.fromEntries(
      reports.map((report, index) => {
        const counts = report.byBody.find((row) => row.body === body)!;
        return [domains[index], { full: counts.full, partial: counts.partial, none: counts.none }];
      }),
    );
  }

  beforeAll(async () => {
    env = await startWidgetEnvironment();
    const [expert, member, mod] = await Promise.all([
      signUp(env.app, { roles: ['expert'] }),
      signUp(env.app),
      signUp(env.app, { roles: ['moderator'] }),
    ]);
    moderator = mod;
    const inject = async (method: 'POST' | 'PUT', url: string, headers: object, payload?: object) => {
      const response = await env.app.inject({ method, url, headers: { ...headers }, payload });
      expect(response.statusCode, `${method} ${url} ${response.body}`).toBeLessThan(300);
      return response.json() as PainPointView;
    };
    // A member's pain point with markup in its title, the most voted gap.
    const markup = await inject('POST', '/v1/pain-points', member.headers, {
      title: { en: XSS_TITLE },
      description: { en: 'Markup is text.' },
      domain: 'privacy',
    });
    await inject('PUT', `/v1/pain-points/${markup.id}/vote`, expert.headers);
    await inject('PUT', `/v1/pain-points/${markup.id}/vote`, moderator.headers);
    // The seed maps nothing: an expert maps sample pain points to ISO, IEC, ITU and joint standards.
    const samples = await api<ListPage<PainPointView>>('/v1/pain-points?limit=100');
    const inDomain = (domain: string, index = 0) =>
      samples.data.filter((painPoint) => painPoint.domain === domain)[index]!.id;
    for (const [painPointId, standardId, coverage] of [
      [inDomain('water'), 'iso-37120-2018', 'partial'],
      [inDomain('water', 1), 'iso-24512-2024', 'full'],
      [inDomain('energy'), 'iec-61850-7-420-2021', 'full'],
      [inDomain('energy'), 'iso-50001-2018', 'partial'],
      [inDomain('ict-infrastructure'), 'itu-t-y-4900-l-1600', 'full'],
      [inDomain('ict-infrastructure', 1), 'iso-iec-30182-2017', 'partial'],
    ] as const) {
      await inject('POST', `/v1/pain-points/${painPointId}/standards`, expert.headers, {
        standardId,
        coverage,
      });
    }
  });
  afterAll(() => env?.dispose());

  it('draws one bar group per domain with the API’s counts, holds the same numbers in its table and switches body as the API says', async () => {
    const report = await api<CoverageReport>('/v1/coverage');
    const { page, errors } = await env.open(`<${chart}></${chart}>`);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.locator(`${chart} svg[role="img"]`).waitFor();

    const domains = report.byDomain.map((row) => row.domain);
    const expected = Object.fromEntries(
      report.byDomain.map((row) => [
        row.domain,
        { full: row.full, partial: row.partial, none: row.none, total: String(row.total) },
      ]),
    );
    expect(Object.keys(await drawnCounts(page))).toEqual(domains);
    expect(await drawnCounts(page)).toEqual(expected);
    expect(await tableRows(page)).toEqual(
      Object.fromEntries(
        report.byDomain.map((row) => [row.domain, [row.full, row.partial, row.none, row.total].map(String)]),
      ),
    );
    expect(await page.locator(`${chart} table caption`).textContent()).toContain('All standards bodies');
    expect(await page.locator(`${chart} table thead th[scope="col"]`).count()).toBe(5);
    expect(await page.locator(`${chart} table tbody th[scope="row"]`).count()).toBe(domains.length);
    const label = (await page.locator(`${chart} svg[role="img"]`).getAttribute('aria-label')) ?? '';
    expect(label).toContain(
      `${report.totals.total} open pain points: ${report.totals.full} fully covered, ${report.totals.partial} partly covered, ${report.totals.none} not covered.`,
    );
    expect(await page.locator(`${chart} ul[part~="legend"] li`).allTextContents()).toEqual([
      expect.stringContaining('Fully covered'),
      expect.stringContaining('Partly covered'),
      expect.stringContaining('Not covered'),
    ]);

    // The biggest gap is the member's pain point: its markup shows as text and runs nothing.
    const firstGap = page.locator(`${chart} [part~="gaps"] li`).first();
    await expect.poll(() => firstGap.textContent()).toContain(XSS_TITLE);
    expect(await firstGap.textContent()).toContain('2 votes');
    expect(await page.locator(`${chart} [part~="gaps"] img, ${chart} [part~="gaps"] script`).count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await env.axe(page)).toEqual([]);

    // ISO only: the chart, the table and the summary follow the report of each domain, ISO counted alone.
    await page
      .locator(`${chart} .bodies label`)
      .filter({ hasText: /^\s*ISO\s*$/ })
      .click();
    await expect
      .poll(() => page.locator(`${chart} table caption`).textContent())
      .toContain('ISO standards only');
    const iso = await perBody('ISO', domains);
    expect(iso.water).toEqual({ full: 1, partial: 1, none: expect.any(Number) });
    expect(
      Object.fromEntries(
        Object.entries(await drawnCounts(page)).map(([key, { total: _, ...counts }]) => [key, counts]),
      ),
    ).toEqual(iso);
    expect(await tableRows(page)).toEqual(
      Object.fromEntries(
        Object.entries(iso).map(([domain, counts]) => [
          domain,
          [counts.full, counts.partial, counts.none, counts.full + counts.partial + counts.none].map(String),
        ]),
      ),
    );
    const isoTotals = report.byBody.find((row) => row.body === 'ISO')!;
    expect(await page.locator(`${chart} [part~="summary"]`).textContent()).toContain(
      `ISO standards only: ${isoTotals.total} open pain points: ${isoTotals.full} fully covered, ${isoTotals.partial} partly covered`,
    );

    // By keyboard: the next body is one arrow key away.
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.locator(`${chart} table caption`).textContent())
      .toContain('ITU standards only');
    expect((await drawnCounts(page))['ict-infrastructure']).toMatchObject(
      (await perBody('ITU', ['ict-infrastructure']))['ict-infrastructure']!,
    );

    // The table can be shown to everyone.
    const toggle = page.locator(`${chart} [part~="table-toggle"]`);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect((await page.locator(`${chart} table`).boundingBox())!.width).toBeGreaterThan(200);
    expect(await env.axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('mirrors the bars in Arabic and shows no raw message key', async () => {
    const report = await api<CoverageReport>('/v1/coverage');
    // Under the strict policy a partner page sets: scripts and connections from the community only.
    const csp = `default-src 'none'; script-src ${env.apiUrl}; connect-src ${env.apiUrl}; img-src data:`;
    const { page, errors, violations } = await env.open(`<${chart}></${chart}>`, { lang: 'ar', csp });
    await page.locator(`${chart} svg[role="img"]`).waitFor();
    await page.locator(`${chart} .gap-title`).first().waitFor();
    const base = page.locator(`${chart} [part~="base"]`);
    expect(await base.getAttribute('dir')).toBe('rtl');
    const text = (await base.textContent()) ?? '';
    expect(text).toContain('مدى تغطية المعايير للمشكلات');
    expect(text).not.toMatch(/\b[a-z]+\.[a-zA-Z-]+\b/);
    // On screen, each bar starts at the chart's right edge and its label ends there.
    const edges = await page.locator(`${chart} svg[role="img"]`).evaluate((svg) => {
      const right = svg.getBoundingClientRect().right;
      return [...svg.querySelectorAll('g.row')]
        .filter((row) => row.querySelector('rect'))
        .map((row) => ({
          bar: right - row.querySelector('rect')!.getBoundingClientRect().right,
          label: right - row.querySelector('text.label')!.getBoundingClientRect().right,
          total:
            row.querySelector('text.total')!.getBoundingClientRect().left - svg.getBoundingClientRect().left,
        }));
    });
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) {
      expect(Math.abs(edge.bar)).toBeLessThan(1.5);
      expect(Math.abs(edge.label)).toBeLessThan(1.5);
      expect(Math.abs(edge.total)).toBeLessThan(1.5);
    }
    // Numbers in Arabic digits, through Intl.
    const water = report.byDomain.find((row) => row.domain === 'water')!;
    const arabic = new Intl.NumberFormat('ar');
    expect((await tableRows(page)).water).toEqual(
      [water.full, water.partial, water.none, water.total].map((value) => arabic.format(value)),
    );
    expect(await env.axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('is accessible while loading, when the report fails and when a domain has no open pain point', async () => {
    const { page } = await env.open('<p>Partner page</p>');
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/v1\/coverage/, async (route) => {
      await held;
      await route.continue();
    });
    await page.evaluate((tag) => {
      document.querySelector('main')!.innerHTML = `<${tag}></${tag}>`;
    }, chart);
    await page.locator(`${chart} section[part~="base"][aria-busy="true"]`).waitFor();
    expect(await page.locator(`${chart} [part~="base"]`).textContent()).toContain('Loading…');
    expect(await env.axe(page)).toEqual([]);
    release();
    await page.locator(`${chart} svg[role="img"]`).waitFor();
    await page.unroute(/\/v1\/coverage/);

    // A domain the API does not know: 400, said in words, with a retry.
    await page.evaluate((tag) => {
      document.querySelector('main')!.innerHTML = `<${tag} domain="atlantis"></${tag}>`;
    }, chart);
    const alert = page.locator(`${chart} [role="alert"]`);
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Something went wrong. Please try again.');
    expect(await page.locator(`${chart} button`, { hasText: 'Try again' }).count()).toBe(1);
    expect(await env.axe(page)).toEqual([]);

    // Empty: a moderator closes every weather pain point; closed ones are left out of the report.
    const weather = await api<ListPage<PainPointView>>('/v1/pain-points?domain=weather&limit=100');
    for (const painPoint of weather.data) {
      const closed = await env.app.inject({
        method: 'POST',
        url: `/v1/pain-points/${painPoint.id}/status`,
        headers: moderator.headers,
        payload: { status: 'closed', note: 'Test: an empty domain.' },
      });
      expect(closed.statusCode, closed.body).toBe(200);
    }
    expect((await api<CoverageReport>('/v1/coverage?domain=weather')).totals.total).toBe(0);
    await page.evaluate((tag) => {
      document.querySelector('main')!.innerHTML = `<${tag} domain="weather"></${tag}>`;
    }, chart);
    const empty = page.locator(`${chart} .empty`);
    await empty.waitFor();
    expect(await empty.textContent()).toBe('There is no open pain point to chart yet.');
    expect(await page.locator(`${chart} svg[role="img"]`).count()).toBe(0);
    expect(await env.axe(page)).toEqual([]);
    await page.close();
  });
});
