import {
  type CoverageCounts,
  type CoverageReport,
  DOMAINS,
  type Domain,
  type LocalizedText,
} from '@wsc/models';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { errorMessageKey } from '../internal/errors';
import { chooseLanguage, Translator } from '../internal/i18n';
import { WscElement } from '../internal/wsc-element';
import { type BarRow, coverageBars, LEVELS, levelFill, patterns } from './coverage-bars';
import { coverageChartStyles } from './coverage-chart.styles';
import type { CoverageChartMessages } from './translations/en';

/** How many of the report's gaps are listed under the chart. */
const GAPS_SHOWN = 5;
const ALL = 'all';
const NO_COUNTS: CoverageCounts = { full: 0, partial: 0, none: 0, total: 0 };

/**
 * @tagname wsc-coverage-chart
 * @summary The gap report: how well IEC, ISO and ITU standards cover the community's open pain
 * points, per domain (stacked bars: fully, partly, not covered), for all bodies or one, with a
 * table equivalent and the most voted pain points no standard fully covers.
 *
 * The per-body view of every domain comes from the report filtered by each domain (the report
 * counts bodies over all domains at once); it is fetched the first time a body is chosen.
 *
 * @csspart base - The whole chart.
 * @csspart heading - The chart's heading.
 * @csspart bodies - The choice of standards body.
 * @csspart summary - The sentence summing the shown counts up.
 * @csspart chart - The SVG bars.
 * @csspart legend - The key of the three coverage levels.
 * @csspart table-toggle - The "Show as table" button.
 * @csspart table - The table equivalent (visually hidden until shown; always read by screen readers).
 * @csspart gaps - The list of the biggest gaps.
 *
 * @cssproperty --wsc-chart-full - Colour of fully covered pain points (solid).
 * @cssproperty --wsc-chart-partial - Colour of partly covered pain points (striped).
 * @cssproperty --wsc-chart-none - Colour of uncovered pain points (dotted, outlined).
 * @cssproperty --wsc-color-surface - Background of the chart.
 * @cssproperty --wsc-color-primary - Accent colour of buttons.
 * @cssproperty --wsc-font-family - Font of every text.
 * @cssproperty --wsc-radius - Corner radius.
 * @cssproperty --wsc-spacing - Base spacing.
 *
 * @event wsc-coverage-loaded - The report was read; `detail.report` holds it.
 */
export class WscCoverageChart extends WscElement {
  static override styles = [...WscElement.styles, coverageChartStyles];

  /** Only this domain (`water`, `energy`…); absent: every domain. */
  @property() domain = '';
  /** Body shown at first: `IEC`, `ISO`, `ITU` or `joint`; absent: all bodies. */
  @property() body = '';

  @state() private report: CoverageReport | undefined;
  @state() private error: unknown;
  @state() private view = ALL;
  /** The report of each domain alone: its `byBody` is that domain's coverage per body. */
  @state() private perDomain: Map<string, CoverageReport> | undefined;
  @state() private perDomainError: unknown;
  @state() private gapTitles = new Map<string, LocalizedText | null>();
  @state() private tableShown = false;

  #load = 0;
  /** The load whose per-domain reports are on their way (choosing ISO then ITU fetches them once). */
  #perDomainLoad = -1;

  private readonly i18n = new Translator<CoverageChartMessages>(this, {
    ar: () => import('./translations/ar'),
    zh: () => import('./translations/zh'),
    en: () => import('./translations/en'),
    fr: () => import('./translations/fr'),
    ru: () => import('./translations/ru'),
    es: () => import('./translations/es'),
  });

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('body')) this.view = this.body || ALL;
    if (['domain', 'apiUrl', 'publishableKey'].some((name) => changed.has(name))) void this.load();
    else if (changed.has('body')) void this.loadPerDomain();
  }

  private async load(): Promise<void> {
    const load = ++this.#load;
    this.report = undefined;
    this.error = undefined;
    this.perDomain = undefined;
    this.gapTitles = new Map();
    try {
      const report = await this.client.coverage.get({
        ...(this.domain ? { domain: this.domain as Domain } : {}),
        gapLimit: GAPS_SHOWN,
      });
      if (load !== this.#load) return;
      this.report = report;
      this.emit('wsc-coverage-loaded', { report });
      void this.loadGapTitles(report, load);
      void this.loadPerDomain();
    } catch (error) {
      if (load === this.#load) this.error = error;
    }
  }

  /** The per-body counts of each domain, fetched once, when a body is first chosen. */
  private async loadPerDomain(): Promise<void> {
    const report = this.report;
    if (!report || this.shownBody(report) === ALL || this.domain || this.perDomain) return;
    const load = this.#load;
    if (this.#perDomainLoad === load) return;
    this.#perDomainLoad = load;
    this.perDomainError = undefined;
    const domains = report.byDomain
      .map((row) => row.domain)
      .filter((domain): domain is Domain => (DOMAINS as readonly string[]).includes(domain));
    try {
      const reports = await Promise.all(
        domains.map((domain) => this.client.coverage.get({ domain, gapLimit: 0 })),
      );
      if (load !== this.#load) return;
      this.perDomain = new Map(domains.map((domain, index) => [domain, reports[index] as CoverageReport]));
    } catch (error) {
      if (load === this.#load) this.perDomainError = error;
    } finally {
      if (this.#perDomainLoad === load) this.#perDomainLoad = -1;
    }
  }

  private async loadGapTitles(report: CoverageReport, load: number): Promise<void> {
    const headers = { 'accept-language': chooseLanguage(this, this.configuredLanguage()) };
    const titles = await Promise.all(
      report.gaps.map((gap) =>
        this.client.painPoints.get(gap.painPointId, { headers }).then(
          (painPoint) => painPoint.title,
          () => null,
        ),
      ),
    );
    if (load !== this.#load) return;
    this.gapTitles = new Map(report.gaps.map((gap, index) => [gap.painPointId, titles[index] ?? null]));
  }

  private choose(event: Event): void {
    this.view = (event.target as HTMLInputElement).value;
    void this.loadPerDomain();
  }

  private bodyName(body: string): string {
    return body === 'joint' ? this.i18n.t('joint') : body;
  }

  /** The body shown: the one chosen when the report counts it, else all bodies. */
  private shownBody(report: CoverageReport): string {
    return report.byBody.some((row) => row.body === this.view) ? this.view : ALL;
  }

  /** The rows of the shown body, or undefined while the per-body counts are on their way. */
  private rows(report: CoverageReport): { domain: string; counts: CoverageCounts }[] | undefined {
    const domains = report.byDomain.filter((row) => !this.domain || row.domain === this.domain);
    const shown = this.shownBody(report);
    if (shown === ALL) return domains.map((row) => ({ domain: row.domain, counts: row }));
    const ofBody = (counts: CoverageReport['byBody']) =>
      counts.find((row) => row.body === shown) ?? NO_COUNTS;
    if (this.domain) return domains.map((row) => ({ domain: row.domain, counts: ofBody(report.byBody) }));
    const perDomain = this.perDomain;
    if (!perDomain) return undefined;
    return domains.map((row) => ({
      domain: row.domain,
      counts: ofBody(perDomain.get(row.domain)?.byBody ?? []),
    }));
  }

  override render() {
    const i18n = this.i18n;
    if (!i18n.ready) return html`<div part="base" aria-busy="true"></div>`;
    const report = this.report;
    return html`<section
      part="base"
      dir=${i18n.dir}
      lang=${i18n.lang}
      aria-labelledby="heading"
      aria-busy=${!report && !this.error ? 'true' : 'false'}
    >
      <h2 id="heading" part="heading">${i18n.t('heading')}</h2>
      ${
        this.error
          ? html`<p class="error" role="alert">${i18n.t(errorMessageKey(this.error))}</p>
            <button type="button" @click=${() => this.load()}>${i18n.t('retry')}</button>`
          : !report
            ? html`<p class="muted">${i18n.t('loading')}</p>`
            : report.totals.total === 0
              ? html`<p class="empty">${i18n.t('empty')}</p>`
              : this.renderReport(report)
      }
    </section>`;
  }

  private renderReport(report: CoverageReport) {
    const i18n = this.i18n;
    const rows = this.rows(report);
    const shown = this.shownBody(report);
    const totals = report.byBody.find((row) => row.body === shown) ?? report.totals;
    const body = shown === ALL ? i18n.t('allBodies') : i18n.t('oneBody', { body: this.bodyName(shown) });
    const summary = i18n.t('summary', {
      count: totals.total,
      full: totals.full,
      partial: totals.partial,
      none: totals.none,
    });
    const bars: BarRow[] | undefined = rows?.map(({ domain, counts }) => ({
      key: domain,
      label: i18n.label('domains', domain),
      ...counts,
    }));
    return html`
      <svg class="defs" aria-hidden="true" width="0" height="0">${patterns()}</svg>
      ${report.byBody.length > 0 ? this.renderBodies(report) : nothing}
      <p part="summary" class="summary" aria-live="polite">${body}: ${summary}</p>
      <div class="figure" aria-busy=${bars ? 'false' : 'true'}>
        ${
          bars
            ? coverageBars(bars, {
                dir: i18n.dir,
                label: i18n.t('chartLabel', { body, summary }),
                format: (value) => i18n.number(value),
              })
            : this.perDomainError
              ? html`<p class="error" role="alert">${i18n.t(errorMessageKey(this.perDomainError))}</p>
                <button type="button" @click=${() => this.loadPerDomain()}>${i18n.t('retry')}</button>`
              : html`<p class="muted">${i18n.t('loading')}</p>`
        }
      </div>
      <ul part="legend" class="legend" aria-label=${i18n.t('legend')}>
        ${LEVELS.map(
          (level) => html`<li>
            <svg aria-hidden="true" width="20" height="14">
              <rect class="bar bar-${level}" x="1" y="1" width="18" height="12" fill=${levelFill(level)}></rect>
            </svg>
            ${i18n.label('coverageLevels', level)}
          </li>`,
        )}
      </ul>
      <button
        part="table-toggle"
        type="button"
        aria-pressed=${this.tableShown ? 'true' : 'false'}
        @click=${() => {
          this.tableShown = !this.tableShown;
        }}
      >
        ${i18n.t('showTable')}
      </button>
      ${rows ? this.renderTable(rows, totals, body) : nothing} ${this.renderGaps(report)}
    `;
  }

  private renderBodies(report: CoverageReport) {
    const i18n = this.i18n;
    const choices = [ALL, ...report.byBody.map((row) => row.body)];
    return html`<fieldset part="bodies" class="bodies">
      <legend>${i18n.t('bodies')}</legend>
      ${choices.map(
        (value) => html`<label>
          <input
            class="visually-hidden"
            type="radio"
            name="body"
            value=${value}
            .checked=${this.shownBody(report) === value}
            @change=${this.choose}
          /><span>${value === ALL ? i18n.t('allOption') : this.bodyName(value)}</span>
        </label>`,
      )}
    </fieldset>`;
  }

  private renderTable(
    rows: { domain: string; counts: CoverageCounts }[],
    totals: CoverageCounts,
    body: string,
  ) {
    const i18n = this.i18n;
    const cells = (counts: CoverageCounts) =>
      html`${LEVELS.map((level) => html`<td>${i18n.number(counts[level])}</td>`)}
        <td>${i18n.number(counts.total)}</td>`;
    // The wrapper hides the table: a table is never narrower than its content, so hiding the
    // table itself would still widen the page on a narrow screen.
    return html`<div class=${this.tableShown ? 'table-wrap' : 'table-wrap visually-hidden'}>
      <table part="table" class="table">
      <caption>
        ${i18n.t('tableCaption', { body })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${i18n.t('domainColumn')}</th>
          ${LEVELS.map((level) => html`<th scope="col">${i18n.label('coverageLevels', level)}</th>`)}
          <th scope="col">${i18n.t('totalColumn')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ({ domain, counts }) =>
            html`<tr data-domain=${domain}>
              <th scope="row">${i18n.label('domains', domain)}</th>
              ${cells(counts)}
            </tr>`,
        )}
      </tbody>
      ${
        rows.length > 1
          ? html`<tfoot>
            <tr>
              <th scope="row">${i18n.t('allDomains')}</th>
              ${cells(totals)}
            </tr>
          </tfoot>`
          : nothing
      }
    </table>`;
  }

  private renderGaps(report: CoverageReport) {
    const i18n = this.i18n;
    if (report.gaps.length === 0) return nothing;
    return html`<section class="gaps" aria-labelledby="gaps-heading">
      <h3 id="gaps-heading">${i18n.t('gapsHeading')}</h3>
      <p class="muted">${i18n.t('gapsNote')}</p>
      <ol part="gaps">
        ${report.gaps.map((gap) => {
          const title = this.gapTitles.get(gap.painPointId);
          const text = title ? i18n.text(title) : undefined;
          return html`<li>
            ${
              text
                ? html`<span class="gap-title" lang=${text.lang} dir="auto">${text.text}</span>`
                : html`<span class="muted">${i18n.t(this.gapTitles.has(gap.painPointId) ? 'unavailable' : 'loading')}</span>`
            }
            <span class="muted">
              · ${i18n.label('domains', gap.domain)} · ${i18n.label('coverageLevels', gap.coverage)} ·
              ${i18n.t('votes', { count: gap.voteCount })}
            </span>
          </li>`;
        })}
      </ol>
    </section>`;
  }
}
