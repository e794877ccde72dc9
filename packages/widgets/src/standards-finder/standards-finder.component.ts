import {
  DOMAINS,
  type Domain,
  type PainPointView,
  STANDARD_BODIES,
  STANDARD_STATUSES,
  type Standard,
  type StandardBody,
} from '@wsc/models';
import type { StandardListParams } from '@wsc/sdk';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { errorMessageKey, fieldErrors } from '../internal/errors';
import { chooseLanguage, Translator } from '../internal/i18n';
import { WscElement } from '../internal/wsc-element';
import { standardsFinderStyles } from './standards-finder.styles';
import type { StandardsFinderMessages } from './translations/en';

/** The filters a reader chose (empty strings mean "any"). */
interface Filters {
  body: string;
  committee: string;
  domain: string;
  q: string;
}

/** The pain points mapped to one standard, as far as they are known. */
type AddressedPainPoints =
  | { state: 'loading' }
  | { state: 'error' }
  | { state: 'loaded'; items: PainPointView[]; more: boolean };

/** How many of a standard's pain points are listed under it (the most voted first). */
const PAIN_POINTS_PER_STANDARD = 5;

/**
 * @tagname wsc-standards-finder
 * @summary Searches the IEC, ISO and ITU standards catalogue by body, committee, domain and
 * words; each standard shows its reference, title, body, committee, status and the community's
 * pain points it addresses.
 *
 * @csspart base - The whole finder.
 * @csspart heading - The finder's heading.
 * @csspart filters - The search form.
 * @csspart list - The list of standards.
 * @csspart standard - One standard.
 * @csspart pain-points - The pain points one standard addresses.
 * @csspart load-more - The "Show more" button.
 *
 * @cssproperty --wsc-color-primary - Accent colour of links and buttons.
 * @cssproperty --wsc-color-surface - Background of the finder.
 * @cssproperty --wsc-color-border - Borders of the fields and of each standard.
 * @cssproperty --wsc-font-family - Font of every text.
 * @cssproperty --wsc-radius - Corner radius.
 * @cssproperty --wsc-spacing - Base spacing.
 *
 * @event wsc-standards-search - A search answered; `detail.params` are its filters and
 * `detail.count` the number of standards shown.
 */
export class WscStandardsFinder extends WscElement {
  static override styles = [...WscElement.styles, standardsFinderStyles];

  /** Standards body shown at first: `IEC`, `ISO`, `ITU` or `joint`; absent: every body. */
  @property() body = '';
  /** Committee shown at first, its whole name (`ISO/TC 268`); absent: every committee. */
  @property() committee = '';
  /** Domain shown at first (`water`, `energy`…); absent: every domain. */
  @property() domain = '';
  /** Standards fetched per page (1 to 100). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 10;

  @state() private filters: Filters = { body: '', committee: '', domain: '', q: '' };
  @state() private standards: Standard[] = [];
  @state() private nextCursor: string | null = null;
  @state() private phase: 'loading' | 'loaded' | 'error' = 'loading';
  @state() private loadingMore = false;
  @state() private moreError: unknown;
  @state() private error: unknown;
  @state() private addressed = new Map<string, AddressedPainPoints>();

  @query('form') private form!: HTMLFormElement;

  /** Answers of an older search are dropped: only the latest one is shown. */
  #search = 0;

  private readonly i18n = new Translator<StandardsFinderMessages>(this, {
    ar: () => import('./translations/ar'),
    zh: () => import('./translations/zh'),
    en: () => import('./translations/en'),
    fr: () => import('./translations/fr'),
    ru: () => import('./translations/ru'),
    es: () => import('./translations/es'),
  });

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('body') || changed.has('committee') || changed.has('domain')) {
      this.filters = { body: this.body, committee: this.committee, domain: this.domain, q: this.filters.q };
    }
    if (
      ['body', 'committee', 'domain', 'pageSize', 'apiUrl', 'publishableKey'].some((name) =>
        changed.has(name),
      )
    )
      void this.search();
  }

  private params(cursor?: string): StandardListParams {
    const { body, committee, domain, q } = this.filters;
    return {
      ...(body ? { body: body as StandardBody } : {}),
      ...(committee.trim() ? { committee: committee.trim() } : {}),
      ...(domain ? { domain: domain as Domain } : {}),
      ...(q.trim() ? { q: q.trim() } : {}),
      limit: Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 10)),
      ...(cursor ? { cursor } : {}),
    };
  }

  /** Runs the search from its first page. */
  private async search(): Promise<void> {
    const search = ++this.#search;
    this.phase = 'loading';
    this.error = undefined;
    this.moreError = undefined;
    const params = this.params();
    try {
      const page = await this.client.standards.list(params);
      if (search !== this.#search) return;
      this.standards = page.data;
      this.nextCursor = page.nextCursor;
      this.addressed = new Map();
      this.phase = 'loaded';
      this.emit('wsc-standards-search', { params, count: page.data.length });
      void this.loadAddressed(page.data, search);
    } catch (error) {
      if (search !== this.#search) return;
      this.error = error;
      this.phase = 'error';
    }
  }

  private async showMore(): Promise<void> {
    if (!this.nextCursor || this.loadingMore) return;
    const search = this.#search;
    const firstNew = this.standards.length;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await this.client.standards.list(this.params(this.nextCursor));
      if (search !== this.#search) return;
      this.standards = [...this.standards, ...page.data];
      this.nextCursor = page.nextCursor;
      void this.loadAddressed(page.data, search);
      await this.updateComplete;
      // Keyboard readers continue where the new standards begin, not back at the top.
      this.renderRoot.querySelector<HTMLElement>(`[data-index="${firstNew}"] h3 > *`)?.focus();
    } catch (error) {
      if (search === this.#search) this.moreError = error;
    } finally {
      if (search === this.#search) this.loadingMore = false;
    }
  }

  /** The pain points each standard addresses: those experts mapped to it (`painPoints.list({ standard })`). */
  private async loadAddressed(standards: readonly Standard[], search: number): Promise<void> {
    const update = (id: string, value: AddressedPainPoints) => {
      if (search !== this.#search) return;
      this.addressed = new Map(this.addressed).set(id, value);
    };
    for (const standard of standards) update(standard.id, { state: 'loading' });
    // Titles come in the reader's language when the pain point has it.
    const headers = { 'accept-language': chooseLanguage(this, this.configuredLanguage()) };
    await Promise.all(
      standards.map(async (standard) => {
        try {
          const page = await this.client.painPoints.list(
            { standard: standard.id, sort: 'top', limit: PAIN_POINTS_PER_STANDARD },
            { headers },
          );
          update(standard.id, { state: 'loaded', items: page.data, more: page.nextCursor !== null });
        } catch {
          update(standard.id, { state: 'error' });
        }
      }),
    );
  }

  private readForm(): void {
    const data = new FormData(this.form);
    const value = (name: string) => String(data.get(name) ?? '');
    this.filters = {
      body: value('body'),
      committee: value('committee'),
      domain: value('domain'),
      q: value('q'),
    };
    void this.search();
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.readForm();
  }

  private bodyName(body: string): string {
    return body === 'joint' ? this.i18n.t('joint') : body;
  }

  private statusName(status: string): string {
    return (STANDARD_STATUSES as readonly string[]).includes(status)
      ? this.i18n.t(`status.${status as (typeof STANDARD_STATUSES)[number]}`)
      : status;
  }

  override render() {
    const i18n = this.i18n;
    if (!i18n.ready) return html`<div part="base" aria-busy="true"></div>`;
    const busy = this.phase === 'loading';
    return html`<section part="base" dir=${i18n.dir} lang=${i18n.lang} aria-labelledby="heading">
      <h2 id="heading" part="heading">${i18n.t('heading')}</h2>
      ${this.renderForm()}
      <p class="muted" role="status">
        ${
          this.phase === 'loaded' && this.standards.length > 0
            ? i18n.t('shown', { count: this.standards.length })
            : nothing
        }
      </p>
      <div class="results" aria-busy=${busy ? 'true' : 'false'}>${this.renderResults()}</div>
    </section>`;
  }

  /** The server's objections to the search, by field (`committee`, `q`…), in the reader's language. */
  private fieldErrors(): Map<string, string> {
    if (this.phase !== 'error') return new Map();
    return fieldErrors(this.error, (key) => this.i18n.t(key), this.i18n.lang);
  }

  private renderForm() {
    const i18n = this.i18n;
    const { body, committee, domain, q } = this.filters;
    const errors = this.fieldErrors();
    // aria-invalid and the message's id for a field the server objected to.
    const invalid = (name: string) => (errors.has(name) ? 'true' : nothing);
    const describedBy = (name: string, ...others: string[]) =>
      [...others, ...(errors.has(name) ? [`${name}-error`] : [])].join(' ') || nothing;
    const message = (name: string) =>
      errors.has(name) ? html`<span id="${name}-error" class="error">${errors.get(name)}</span>` : nothing;
    return html`<form part="filters" role="search" aria-labelledby="heading" @submit=${this.onSubmit}>
      <div class="field">
        <label for="body">${i18n.t('body')}</label>
        <select id="body" name="body" aria-invalid=${invalid('body')} aria-describedby=${describedBy('body')} @change=${this.readForm}>
          <option value="" ?selected=${!body}>${i18n.t('allOption')}</option>
          ${STANDARD_BODIES.map(
            (value) =>
              html`<option value=${value} ?selected=${body === value}>${this.bodyName(value)}</option>`,
          )}
        </select>
        ${message('body')}
      </div>
      <div class="field">
        <label for="domain">${i18n.t('domain')}</label>
        <select id="domain" name="domain" aria-invalid=${invalid('domain')} aria-describedby=${describedBy('domain')} @change=${this.readForm}>
          <option value="" ?selected=${!domain}>${i18n.t('allOption')}</option>
          ${DOMAINS.map(
            (value) =>
              html`<option value=${value} ?selected=${domain === value}>${i18n.label('domains', value)}</option>`,
          )}
        </select>
        ${message('domain')}
      </div>
      <div class="field">
        <label for="committee">${i18n.t('committee')}</label>
        <input
          id="committee"
          name="committee"
          .value=${committee}
          aria-invalid=${invalid('committee')}
          aria-describedby=${describedBy('committee', 'committee-hint')}
          autocomplete="off"
        />
        <span id="committee-hint" class="hint muted">${i18n.t('committeeHint')}</span>
        ${message('committee')}
      </div>
      <div class="field">
        <label for="q">${i18n.t('words')}</label>
        <input
          id="q"
          name="q"
          type="search"
          .value=${q}
          aria-invalid=${invalid('q')}
          aria-describedby=${describedBy('q')}
          autocomplete="off"
        />
        ${message('q')}
      </div>
      <button class="primary" type="submit">${i18n.t('search')}</button>
    </form>`;
  }

  private renderResults() {
    const i18n = this.i18n;
    if (this.phase === 'loading') return html`<p class="muted">${i18n.t('loading')}</p>`;
    if (this.phase === 'error') {
      const fields = this.fieldErrors().size;
      return html`<p class="error" role="alert">
          ${fields > 0 ? i18n.t('form.errorSummary', { count: fields }) : i18n.t(errorMessageKey(this.error))}
        </p>
        <button type="button" @click=${() => this.search()}>${i18n.t('retry')}</button>`;
    }
    if (this.standards.length === 0) return html`<p class="empty">${i18n.t('empty')}</p>`;
    return html`<ul part="list" class="list">
        ${this.standards.map((standard, index) => this.renderStandard(standard, index))}
      </ul>
      ${this.moreError ? html`<p class="error" role="alert">${i18n.t(errorMessageKey(this.moreError))}</p>` : nothing}
      ${
        this.nextCursor
          ? html`<button
            part="load-more"
            type="button"
            aria-busy=${this.loadingMore ? 'true' : 'false'}
            ?disabled=${this.loadingMore}
            @click=${this.showMore}
          >
            ${this.loadingMore ? i18n.t('loading') : i18n.t(this.moreError ? 'retry' : 'loadMore')}
          </button>`
          : nothing
      }`;
  }

  private renderStandard(standard: Standard, index: number) {
    const i18n = this.i18n;
    const title = i18n.text(standard.title);
    const headingId = `standard-${index}`;
    // Catalogue links are the bodies' own pages: anything but https is shown as plain text.
    const reference = /^https:\/\//i.test(standard.url)
      ? html`<a href=${standard.url}>${standard.reference}</a>`
      : html`<span tabindex="-1">${standard.reference}</span>`;
    return html`<li part="standard" class="standard" data-index=${index}>
      <article aria-labelledby=${headingId}>
        <h3 id=${headingId}>${reference}</h3>
        <p class="title" lang=${title.lang} dir="auto">${title.text}</p>
        <dl class="facts">
          <div><dt>${i18n.t('bodyLabel')}</dt><dd>${this.bodyName(standard.body)}</dd></div>
          <div><dt>${i18n.t('committee')}</dt><dd>${standard.committee}</dd></div>
          <div><dt>${i18n.t('statusLabel')}</dt><dd>${this.statusName(standard.status)}</dd></div>
        </dl>
        <h4>${i18n.t('addresses')}</h4>
        ${this.renderAddressed(this.addressed.get(standard.id))}
      </article>
    </li>`;
  }

  private renderAddressed(addressed: AddressedPainPoints | undefined) {
    const i18n = this.i18n;
    if (!addressed || addressed.state === 'loading')
      return html`<p class="muted" aria-busy="true">${i18n.t('loading')}</p>`;
    if (addressed.state === 'error') return html`<p class="error">${i18n.t('painPointsError')}</p>`;
    if (addressed.items.length === 0) return html`<p class="muted">${i18n.t('noPainPoints')}</p>`;
    return html`<ul part="pain-points" class="pain-points">
        ${addressed.items.map((painPoint) => {
          const title = i18n.text(painPoint.title);
          return html`<li>
            <span lang=${title.lang} dir="auto">${title.text}</span>
            <span class="muted">· ${i18n.label('domains', painPoint.domain)} ·
              ${i18n.t('votes', { count: painPoint.voteCount })}</span>
          </li>`;
        })}
      </ul>
      ${addressed.more ? html`<p class="muted">${i18n.t('morePainPoints')}</p>` : nothing}`;
  }
}
