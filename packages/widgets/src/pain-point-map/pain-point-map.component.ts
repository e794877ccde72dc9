import type { Domain } from '@wsc/models';
import { html, nothing, svg } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { errorMessageKey } from '../internal/errors';
import { Translator } from '../internal/i18n';
import { panelStyles } from '../internal/styles';
import { WscElement } from '../internal/wsc-element';
import { painPointMapStyles } from './pain-point-map.styles';
import type { PainPointMapMessages } from './translations/en';
import { type CountryShape, geometryUrl, loadWorldMap, type WorldMap } from './world-map';

/** What `wsc-country-select` carries: the country chosen and its number of pain points. */
export interface CountrySelectDetail {
  /** ISO 3166-1 alpha-2 code (`FR`). */
  country: string;
  count: number;
}

interface ColourClass {
  name: 'low' | 'high';
  from: number;
  to: number;
}

/**
 * @tagname wsc-pain-point-map
 * @summary Pain points by country on a world map, with a legend, a tooltip, keyboard navigation
 * between the countries that have pain points, and the same counts as a table below the map.
 *
 * The map's geometry (world-atlas, 110 m) is fetched from the embed origin, and only once the map
 * comes near the viewport. Maps are never mirrored: in Arabic the surrounding text reads right to
 * left while the map keeps west on the left, and the arrow keys follow the map.
 *
 * @csspart base - The whole widget.
 * @csspart heading - The title.
 * @csspart map - The box holding the map and its tooltip.
 * @csspart country - A country that has pain points (a focusable shape of the map).
 * @csspart tooltip - The tooltip naming the country under the pointer or focus.
 * @csspart legend - The colour legend.
 * @csspart table - The table of countries and counts.
 *
 * @cssproperty --wsc-color-primary - Accent colour of buttons.
 * @cssproperty --wsc-color-surface - Background, and the sea.
 * @cssproperty --wsc-color-focus - Outline of the focused country.
 * @cssproperty --wsc-map-color-none - Countries without pain points.
 * @cssproperty --wsc-map-color-low - Countries with fewer pain points (keep 3:1 contrast with the neighbouring steps).
 * @cssproperty --wsc-map-color-high - Countries with more pain points (keep 3:1 contrast with the low step).
 * @cssproperty --wsc-font-family - Font of every text.
 * @cssproperty --wsc-radius - Corner radius.
 * @cssproperty --wsc-spacing - Base spacing.
 *
 * @event wsc-country-select - A country was chosen (click, Enter or Space on the map, or its name in the table); `detail` is `{ country, count }`.
 */
export class WscPainPointMap extends WscElement {
  static override styles = [...WscElement.styles, panelStyles, painPointMapStyles];

  /** Only the pain points of this domain (`water`, `mobility`…); absent: every domain. */
  @property() domain = '';
  /** Where to fetch the countries' TopoJSON; absent: the copy served with the widgets. */
  @property({ attribute: 'geometry-url' }) geometryUrl = '';

  @state() private counts: Map<string, number> | undefined;
  @state() private withoutCountry = 0;
  @state() private error: unknown;
  @state() private world: WorldMap | undefined;
  @state() private mapError: unknown;
  /** The country holding the map's one tab stop (roving tabindex). */
  @state() private active: string | undefined;
  /** The country under the pointer, and the one holding focus: the tooltip names the first. */
  @state() private hovered: string | undefined;
  @state() private focused: string | undefined;
  /** Escape hides the tooltip until the pointer or focus moves (WCAG 1.4.13). */
  @state() private dismissed = false;
  @state() private selected: string | undefined;

  @query('.tooltip') private tooltip!: HTMLElement | null;

  private readonly i18n = new Translator<PainPointMapMessages>(this, {
    ar: () => import('./translations/ar'),
    zh: () => import('./translations/zh'),
    en: () => import('./translations/en'),
    fr: () => import('./translations/fr'),
    ru: () => import('./translations/ru'),
    es: () => import('./translations/es'),
  });

  #request = 0;
  #nearViewport = false;
  #loadingMap = false;
  #observer: IntersectionObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onEscape);
    if (typeof IntersectionObserver === 'undefined') {
      this.#nearViewport = true;
      return;
    }
    // The geometry is the heavy part: fetch it only once the map is about to be seen.
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#observer?.disconnect();
        this.#nearViewport = true;
        this.requestUpdate();
      },
      { rootMargin: '300px' },
    );
    this.#observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onEscape);
    this.#observer?.disconnect();
  }

  protected override configurationChanged(): void {
    void this.load();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('domain') || changed.has('apiUrl') || changed.has('publishableKey')) void this.load();
    if (changed.has('geometryUrl') && this.world) {
      this.world = undefined;
      this.mapError = undefined;
    }
  }

  override updated(): void {
    if (this.#nearViewport && this.counts?.size && !this.world && !this.mapError && !this.#loadingMap)
      void this.loadMap();
    const tooltip = this.tooltip;
    const pointed = this.pointed();
    const shape = pointed ? this.shapeOf(pointed) : undefined;
    if (tooltip && shape && this.world) {
      // Set through the CSSOM, not a style attribute: a strict CSP (no 'unsafe-inline') allows it.
      const x = Math.min(Math.max(shape.x / this.world.width, 0.12), 0.88);
      tooltip.style.setProperty('--x', `${(x * 100).toFixed(2)}%`);
      tooltip.style.setProperty('--y', `${((shape.y / this.world.height) * 100).toFixed(2)}%`);
    }
  }

  /** Reads the pain points per country, counted by the API in one request however many there are. */
  private async load(): Promise<void> {
    const request = ++this.#request;
    this.error = undefined;
    this.counts = undefined;
    try {
      const counts = await this.client.painPoints.countries(
        this.domain ? { domain: this.domain as Domain } : undefined,
      );
      if (request !== this.#request) return;
      this.counts = new Map(counts.data.map(({ country, count }) => [country, count]));
      this.withoutCountry = counts.withoutCountry;
    } catch (error) {
      if (request === this.#request) this.error = error;
    }
  }

  private async loadMap(): Promise<void> {
    this.#loadingMap = true;
    this.mapError = undefined;
    try {
      this.world = await loadWorldMap(geometryUrl(this.geometryUrl || undefined, this.config().embedUrl));
    } catch (error) {
      this.mapError = error;
    } finally {
      this.#loadingMap = false;
    }
  }

  private shapeOf(code: string): CountryShape | undefined {
    return this.world?.countries.find((country) => country.code === code);
  }

  /** The countries with pain points that the map draws, west to east. */
  private focusable(): CountryShape[] {
    const counts = this.counts;
    if (!this.world || !counts) return [];
    return this.world.countries
      .filter((country) => country.code && counts.has(country.code))
      .sort((a, b) => a.x - b.x);
  }

  private select(country: string): void {
    const count = this.counts?.get(country) ?? 0;
    this.selected = country;
    this.emit<CountrySelectDetail>('wsc-country-select', { country, count });
  }

  private countryOf(event: Event): string | undefined {
    return (event.target as Element).closest?.('[data-country]')?.getAttribute('data-country') ?? undefined;
  }

  /** The country the tooltip names, if any. */
  private pointed(): string | undefined {
    return this.dismissed ? undefined : (this.hovered ?? this.focused);
  }

  // Escape anywhere hides the tooltip, the pointer staying where it is.
  private readonly onEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.pointed()) this.dismissed = true;
  };

  private readonly onPointerOver = (event: Event) => {
    this.hovered = this.countryOf(event);
    this.dismissed = false;
  };

  private readonly onPointerLeave = () => {
    this.hovered = undefined;
  };

  private readonly onFocusIn = (event: Event) => {
    const country = this.countryOf(event);
    if (!country) return;
    this.active = country;
    this.focused = country;
    this.dismissed = false;
  };

  private readonly onFocusOut = () => {
    this.focused = undefined;
  };

  private readonly onClick = (event: Event) => {
    const country = this.countryOf(event);
    if (country) this.select(country);
  };

  private readonly onKeyDown = async (event: KeyboardEvent) => {
    const country = this.countryOf(event);
    if (!country) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.select(country);
      return;
    }
    const westToEast = this.focusable();
    // Left and right follow longitude, up and down latitude: the map is not mirrored, nor are its keys.
    const order =
      event.key === 'ArrowUp' || event.key === 'ArrowDown'
        ? [...westToEast].sort((a, b) => a.y - b.y)
        : westToEast;
    const index = order.findIndex((shape) => shape.code === country);
    const next = {
      ArrowRight: order[index + 1],
      ArrowDown: order[index + 1],
      ArrowLeft: order[index - 1],
      ArrowUp: order[index - 1],
      Home: order[0],
      End: order[order.length - 1],
    }[event.key];
    if (!next?.code) return;
    event.preventDefault();
    this.active = next.code;
    await this.updateComplete;
    this.renderRoot.querySelector<SVGElement>(`[data-country="${next.code}"]`)?.focus();
  };

  /** Two colour steps: with the "none" step, the most that keep 3:1 contrast from step to step. */
  private colourClasses(): ColourClass[] {
    const most = Math.max(0, ...(this.counts?.values() ?? []));
    if (most <= 1) return [{ name: 'high', from: 1, to: 1 }];
    const middle = Math.floor(most / 2);
    return [
      { name: 'low', from: 1, to: middle },
      { name: 'high', from: middle + 1, to: most },
    ];
  }

  override render() {
    const i18n = this.i18n;
    if (!i18n.ready) return html`<section part="base" aria-busy="true"></section>`;
    const counts = this.counts;
    return html`<section
      part="base"
      dir=${i18n.dir}
      lang=${i18n.lang}
      aria-busy=${counts || this.error ? 'false' : 'true'}
      aria-labelledby="title"
    >
      <h2 part="heading" id="title">${i18n.t('title')}</h2>
      ${
        this.error
          ? html`<p class="error" role="alert">${i18n.t(errorMessageKey(this.error))}</p>
              <button @click=${() => this.load()}>${i18n.t('retry')}</button>`
          : !counts
            ? html`<p class="muted">${i18n.t('loading')}</p>`
            : counts.size === 0
              ? html`<p class="muted">${i18n.t('noResults')}</p>${this.renderWithoutCountry()}`
              : html`${this.renderMap(counts)}${this.renderLegend()}${this.renderTable(counts)}`
      }
    </section>`;
  }

  private renderMap(counts: Map<string, number>) {
    const i18n = this.i18n;
    if (this.mapError) {
      return html`<p class="error" role="alert">${i18n.t('mapUnavailable')}</p>
        <button @click=${() => this.loadMap()}>${i18n.t('retry')}</button>`;
    }
    const world = this.world;
    if (!world) return html`<div part="map" class="map placeholder" aria-busy="true"></div>`;
    const classes = this.colourClasses();
    const classOf = (count: number) =>
      classes.find((step) => count >= step.from && count <= step.to)?.name ?? 'high';
    const withPainPoints = this.focusable();
    const tabStop = this.active && counts.has(this.active) ? this.active : withPainPoints[0]?.code;
    const pointedCode = this.pointed();
    const pointed = pointedCode ? this.shapeOf(pointedCode) : undefined;
    const highlighted = pointed ?? (this.selected ? this.shapeOf(this.selected) : undefined);
    // The listeners sit on the box, not the <svg>: Chromium makes an SVG element with focus
    // listeners a tab stop of its own.
    return html`<div
      part="map"
      class="map"
      dir="ltr"
      @pointerover=${this.onPointerOver}
      @pointerleave=${this.onPointerLeave}
      @focusin=${this.onFocusIn}
      @focusout=${this.onFocusOut}
      @click=${this.onClick}
      @keydown=${this.onKeyDown}
    >
      <svg
        viewBox="0 0 ${world.width} ${world.height}"
        role="group"
        aria-label=${i18n.t('mapLabel')}
        aria-describedby="keyboard-hint"
      >
        <g class="land" aria-hidden="true">
          ${world.countries.map((country) =>
            country.code && counts.has(country.code) ? nothing : svg`<path d=${country.path}></path>`,
          )}
        </g>
        <g>
          ${withPainPoints.map((country) => {
            const code = country.code as string;
            const count = counts.get(code) ?? 0;
            return svg`<path
              part="country"
              class=${classOf(count)}
              role="button"
              tabindex=${code === tabStop ? '0' : '-1'}
              aria-label=${i18n.t('countryPainPoints', { country: i18n.region(code), count })}
              aria-current=${code === this.selected ? 'true' : 'false'}
              data-country=${code}
              data-count=${count}
              d=${country.path}
            ></path>`;
          })}
        </g>
        ${
          highlighted
            ? svg`<path class="halo" d=${highlighted.path} aria-hidden="true"></path>
                <path class="outline" d=${highlighted.path} aria-hidden="true"></path>`
            : nothing
        }
      </svg>
      ${
        pointed?.code
          ? html`<div part="tooltip" class="tooltip" aria-hidden="true">
              <div dir=${i18n.dir}>
                <strong>${i18n.region(pointed.code)}</strong>
                <span>${i18n.t('painPoints', { count: counts.get(pointed.code) ?? 0 })}</span>
              </div>
            </div>`
          : nothing
      }
    </div>
    <p id="keyboard-hint" class="visually-hidden">${i18n.t('keyboardHint')}</p>`;
  }

  private renderLegend() {
    const i18n = this.i18n;
    const range = (step: ColourClass) =>
      step.from === step.to
        ? i18n.number(step.from)
        : i18n.t('legendRange', { from: step.from, to: step.to });
    return html`<div part="legend" class="legend">
      <span id="legend-title">${i18n.t('legendTitle')}</span>
      <ul aria-labelledby="legend-title">
        <li><span class="swatch none" aria-hidden="true"></span>${i18n.t('legendNone')}</li>
        ${this.colourClasses().map(
          (step) => html`<li><span class="swatch ${step.name}" aria-hidden="true"></span>${range(step)}</li>`,
        )}
      </ul>
    </div>`;
  }

  private renderTable(counts: Map<string, number>) {
    const i18n = this.i18n;
    const rows = [...counts]
      .map(([code, count]) => ({ code, count, name: i18n.region(code) }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, i18n.lang));
    return html`<table part="table">
        <caption>${i18n.t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">${i18n.t('columnCountry')}</th>
            <th scope="col">${i18n.t('columnCount')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr data-country=${row.code}>
              <th scope="row">
                <button
                  class="link"
                  aria-current=${row.code === this.selected ? 'true' : 'false'}
                  @click=${() => this.select(row.code)}
                >${row.name}</button>
              </th>
              <td>${i18n.number(row.count)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.renderWithoutCountry()}`;
  }

  private renderWithoutCountry() {
    return this.withoutCountry
      ? html`<p class="muted">${this.i18n.t('withoutCountry', { count: this.withoutCountry })}</p>`
      : nothing;
  }
}
