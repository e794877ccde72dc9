import {
  type Comment,
  DOMAINS,
  type Domain,
  PAIN_POINT_SORTS,
  PAIN_POINT_STATUSES,
  type PainPointSort,
  type PainPointStatus,
  type PainPointView,
  type VoteResult,
} from '@wsc/models';
import { isKnownWebhookEvent, type LiveEvent, type LiveSubscription, type RequestOptions } from '@wsc/sdk';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { countryOptions } from '../internal/countries';
import { chooseLanguage, Translator } from '../internal/i18n';
import { WscElement } from '../internal/wsc-element';
import { BOARD_MESSAGES_TAG, type BoardMessageKey, boardErrorKey, boardTranslations } from './messages';
import { boardStyles } from './pain-point-board.styles';
import type { WscPainPointDetail } from './pain-point-detail.component';
import type { PainPointBoardMessages } from './translations/en';

const SEARCH_DELAY = 300;

/** `detail` of `wsc-vote`: the pain point's new count and whether the member now votes for it. */
export type PainPointVoteDetail = VoteResult;
/** `detail` of `wsc-open`: the id of the pain point whose detail opened. */
export interface PainPointOpenDetail {
  painPointId: string;
}
/** `detail` of `wsc-comment`: the comment just posted. */
export interface PainPointCommentDetail {
  painPointId: string;
  comment: Comment;
}

/**
 * @tagname wsc-pain-point-board
 * @summary The community's pain points: filter by domain, country, status and words, sort them,
 * page through them, vote (counts change live as others vote), and open one to read its mapped
 * standards and discussion.
 *
 * @attr domain - Show only this domain (`water`, `mobility`…).
 * @attr country - Show only this country (ISO 3166-1 alpha-2, `SG`).
 * @attr status - Show only this status (`open`, `mapped`…).
 * @attr sort - `top` (most votes, default), `new` or `trending`.
 * @attr page-size - Pain points per page, 1 to 100 (default 10).
 * @attr pain-point - Id of the pain point whose detail is open (set it to open one directly).
 * @attr infinite - Loads the next page when the end of the list scrolls into view.
 *
 * @csspart base - The board.
 * @csspart heading - The board's heading.
 * @csspart filters - The filter and sort controls.
 * @csspart list - The list of pain points.
 * @csspart item - One pain point of the list.
 * @csspart title - A pain point's title (a button opening its detail).
 * @csspart vote-button - The vote toggles (list and detail).
 * @csspart vote-count - The numbers of votes (list and detail).
 * @csspart empty - The message shown when nothing matches.
 * @csspart load-more - The "Show more" button.
 * @csspart dialog - The detail view (a modal dialog).
 * @csspart standards - The detail's list of mapped standards.
 * @csspart comments - The detail's list of comments.
 * @csspart comment - One comment.
 * @csspart comment-form - The form posting a comment.
 *
 * @cssproperty --wsc-color-primary - Accent colour of links and buttons.
 * @cssproperty --wsc-color-surface - Background.
 * @cssproperty --wsc-color-border - Borders of cards and fields.
 * @cssproperty --wsc-font-family - Font of every text.
 * @cssproperty --wsc-radius - Corner radius.
 * @cssproperty --wsc-spacing - Base spacing.
 *
 * @event wsc-vote - A vote was cast or withdrawn; `detail`: `{ painPointId, voteCount, voted }`.
 * @event wsc-open - A pain point's detail was opened; `detail`: `{ painPointId }`.
 * @event wsc-comment - A comment was posted; `detail`: `{ painPointId, comment }`.
 */
export class WscPainPointBoard extends WscElement {
  static override styles = [...WscElement.styles, boardStyles];

  @property() domain = '';
  @property() country = '';
  @property() status = '';
  @property() sort: PainPointSort = 'top';
  @property({ attribute: 'page-size', type: Number }) pageSize = 10;
  @property({ attribute: 'pain-point', reflect: true }) painPoint: string | undefined;
  @property({ type: Boolean }) infinite = false;

  @state() private query = '';
  @state() private items: PainPointView[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loading = false;
  @state() private error: unknown;
  @state() private voteErrors = new Map<string, BoardMessageKey>();
  @state() private announcement = '';

  @query('wsc-pain-point-detail') private detail!: WscPainPointDetail | null;

  private readonly i18n = new Translator<PainPointBoardMessages>(this, boardTranslations, BOARD_MESSAGES_TAG);

  #request = 0;
  #failedMore = false;
  #language = '';
  #voting = new Set<string>();
  #subscription: LiveSubscription | undefined;
  #observer: IntersectionObserver | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #opener: HTMLElement | undefined;
  #shown: string | undefined;
  #votesSinceRequest = new Map<string, Partial<PainPointView>>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#subscription?.close();
    this.#subscription = undefined;
    this.#observer?.disconnect();
    clearTimeout(this.#searchTimer);
  }

  protected override configurationChanged(): void {
    // "Voted by me" depends on the member; the live stream on the API origin and key.
    this.#subscribe();
    void this.#load(false, true);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const language = chooseLanguage(this, this.configuredLanguage());
    const filters = ['domain', 'country', 'status', 'sort', 'pageSize', 'query', 'apiUrl', 'publishableKey'];
    if (filters.some((name) => changed.has(name)) || language !== this.#language) {
      // The same filters in another language: the same pain points, kept in place until the new text arrives.
      const sameFilters = this.hasUpdated && !filters.some((name) => changed.has(name));
      this.#language = language;
      void this.#load(false, sameFilters);
    }
    if (this.hasUpdated && (changed.has('apiUrl') || changed.has('publishableKey'))) this.#subscribe();
  }

  override updated(): void {
    // The detail is rendered once the messages are loaded: open it then if a pain point was named earlier.
    const detail = this.detail;
    if (detail && this.painPoint !== this.#shown) {
      this.#shown = this.painPoint;
      if (this.painPoint) {
        void detail.show();
        this.emit('wsc-open', { painPointId: this.painPoint });
      } else {
        detail.hide();
      }
    }
    this.#observeEnd();
  }

  #subscribe(): void {
    this.#subscription?.close();
    if (!this.isConnected) return;
    this.#subscription = this.client.live.subscribe(['votes'], this.#onLiveEvent);
  }

  readonly #onLiveEvent = (event: LiveEvent): void => {
    if (!isKnownWebhookEvent(event) || event.type !== 'pain_point.voted') return;
    this.#applyVote(event.data);
  };

  /** The list's text in the reader's language (the SDK client speaks the configured one). */
  #readOptions(): RequestOptions {
    return { headers: { 'accept-language': this.#language } };
  }

  /**
   * Loads the first page (`more` false) or the next one. `keep` leaves the shown pain points in
   * place until the first page arrives (a new member or language: same list, fresh flags and
   * text), so that focus stays where it was.
   */
  async #load(more: boolean, keep = false): Promise<PainPointView[]> {
    if (more && (this.loading || !this.nextCursor)) return [];
    const request = ++this.#request;
    const cursor = more ? (this.nextCursor ?? undefined) : undefined;
    this.#votesSinceRequest.clear();
    if (!more) {
      this.voteErrors = new Map();
      if (!keep) {
        this.items = [];
        this.nextCursor = null;
      }
    }
    this.loading = true;
    this.error = undefined;
    try {
      const page = await this.client.painPoints.list(
        {
          domain: (this.domain || undefined) as Domain | undefined,
          country: this.country ? this.country.toUpperCase() : undefined,
          status: (this.status || undefined) as PainPointStatus | undefined,
          q: this.query.trim() || undefined,
          sort: PAIN_POINT_SORTS.includes(this.sort) ? this.sort : 'top',
          limit: Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 10)),
          cursor,
        },
        this.#readOptions(),
      );
      if (request !== this.#request) return [];
      const previous = more ? this.items : [];
      const known = new Set(previous.map((item) => item.id));
      // Votes answered or announced while the page was on its way are newer than the page.
      const added = page.data
        .filter((item) => !known.has(item.id))
        .map((item) => ({ ...item, ...this.#votesSinceRequest.get(item.id) }));
      this.items = [...previous, ...added];
      this.nextCursor = page.nextCursor;
      this.announcement = this.i18n.t('shown', { count: this.items.length });
      return added;
    } catch (error) {
      if (request === this.#request) {
        this.error = error;
        this.#failedMore = more;
      }
      return [];
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  async #showMore(): Promise<void> {
    const added = await this.#load(true);
    const first = added[0];
    if (!first) return;
    // Keyboard and screen reader users continue at the first pain point just loaded.
    await this.updateComplete;
    this.#titleButton(first.id)?.focus();
  }

  #titleButton(id: string): HTMLElement | null {
    return this.renderRoot.querySelector(`li[data-id="${CSS.escape(id)}"] .title`);
  }

  /** With `infinite`, the end of the list loads the next page as it scrolls into view. */
  #observeEnd(): void {
    this.#observer?.disconnect();
    const end = this.renderRoot.querySelector('.more');
    if (!this.infinite || !end || this.error || typeof IntersectionObserver === 'undefined') return;
    this.#observer ??= new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void this.#load(true);
      },
      { rootMargin: '200px' },
    );
    this.#observer.observe(end);
  }

  #applyVote(result: Pick<VoteResult, 'painPointId' | 'voteCount'> & { voted?: boolean }): void {
    const { painPointId, voteCount, voted } = result;
    this.#votesSinceRequest.set(painPointId, { voteCount, ...(voted === undefined ? {} : { voted }) });
    let changed: PainPointView | undefined;
    this.items = this.items.map((item) => {
      if (item.id !== painPointId) return item;
      if (item.voteCount !== voteCount) changed = item;
      return { ...item, voteCount, ...(voted === undefined ? {} : { voted }) };
    });
    this.detail?.applyVote(result);
    if (changed) {
      this.announcement = this.i18n.t('voteChanged', {
        title: this.i18n.text(changed.title).text,
        votes: this.i18n.t('votes', { count: voteCount }),
      });
    }
  }

  async #toggleVote(id: string): Promise<void> {
    if (this.#voting.has(id)) return;
    this.#setVoteError(id, undefined);
    if (!(await this.ensureSignedIn())) {
      this.#setVoteError(id, 'error.signInRequired');
      return;
    }
    this.#voting.add(id);
    try {
      const voted = this.items.find((item) => item.id === id)?.voted;
      const result = voted ? await this.client.painPoints.unvote(id) : await this.client.painPoints.vote(id);
      this.#applyVote(result);
      this.emit('wsc-vote', result);
    } catch (error) {
      this.#setVoteError(id, boardErrorKey(error));
    } finally {
      this.#voting.delete(id);
    }
  }

  #setVoteError(id: string, key: BoardMessageKey | undefined): void {
    const errors = new Map(this.voteErrors);
    if (key) errors.set(id, key);
    else errors.delete(id);
    this.voteErrors = errors;
  }

  #open(item: PainPointView, opener: HTMLElement): void {
    this.#opener = opener;
    this.painPoint = item.id;
  }

  #onDetailClosed(): void {
    const id = this.painPoint ?? '';
    this.painPoint = undefined;
    // The opener may have been re-rendered away (a reload): its pain point's title, else the heading.
    const target = this.#opener?.isConnected
      ? this.#opener
      : (this.#titleButton(id) ?? this.renderRoot.querySelector<HTMLElement>('[part~="heading"]'));
    target?.focus();
    this.#opener = undefined;
  }

  #onDetailVote(event: CustomEvent<VoteResult>): void {
    this.#applyVote(event.detail);
  }

  #onDetailComment(event: CustomEvent<{ painPointId: string }>): void {
    this.items = this.items.map((item) =>
      item.id === event.detail.painPointId ? { ...item, commentCount: item.commentCount + 1 } : item,
    );
  }

  #onFilter(event: Event): void {
    const { name, value } = event.target as HTMLSelectElement;
    if (name === 'domain' || name === 'country' || name === 'status') this[name] = value;
    if (name === 'sort') this.sort = value as PainPointSort;
  }

  #onSearchInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      this.query = value;
    }, SEARCH_DELAY);
  }

  #onSearchSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    const input = (event.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    this.query = input.value;
  }

  override render() {
    const i18n = this.i18n;
    if (!i18n.ready) return html`<div part="base" aria-busy="true"></div>`;
    return html`<section part="base" dir=${i18n.dir} lang=${i18n.lang} aria-labelledby="heading">
      <h2 id="heading" part="heading" tabindex="-1">${i18n.t('heading')}</h2>
      ${this.#renderFilters()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.#renderResults()}
      <wsc-pain-point-detail
        exportparts="dialog, standards, comments, comment, comment-form, vote-button, vote-count"
        lang=${i18n.lang}
        api-url=${this.apiUrl ?? nothing}
        publishable-key=${this.publishableKey ?? nothing}
        .token=${this.token}
        .getToken=${this.getToken}
        .painPointId=${this.painPoint ?? ''}
        .painPoint=${this.items.find((item) => item.id === this.painPoint)}
        @wsc-detail-close=${this.#onDetailClosed}
        @wsc-vote=${this.#onDetailVote}
        @wsc-comment=${this.#onDetailComment}
      ></wsc-pain-point-detail>
    </section>`;
  }

  #renderFilters() {
    const i18n = this.i18n;
    const all = html`<option value="">${i18n.t('allOption')}</option>`;
    const select = (name: string, label: string, value: string, options: [string, string][], first = all) =>
      html`<div class="field">
        <label for=${name}>${label}</label>
        <select id=${name} name=${name} @change=${this.#onFilter}>
          ${first}
          ${options.map(
            ([option, text]) => html`<option value=${option} ?selected=${option === value}>${text}</option>`,
          )}
        </select>
      </div>`;
    return html`<form part="filters" class="filters" role="search" aria-label=${i18n.t('filters')}
      @submit=${this.#onSearchSubmit}>
      <div class="field search">
        <label for="q">${i18n.t('search')}</label>
        <input id="q" name="q" type="search" .value=${this.query} @input=${this.#onSearchInput} />
      </div>
      ${select(
        'domain',
        i18n.t('domain'),
        this.domain,
        DOMAINS.map((domain) => [domain, i18n.label('domains', domain)]),
      )}
      ${select(
        'country',
        i18n.t('country'),
        this.country.toUpperCase(),
        countryOptions(i18n.lang).map(({ code, name }) => [code, name]),
      )}
      ${select(
        'status',
        i18n.t('status'),
        this.status,
        PAIN_POINT_STATUSES.map((status) => [status, i18n.label('painPointStatuses', status)]),
      )}
      ${select(
        'sort',
        i18n.t('sort'),
        this.sort,
        PAIN_POINT_SORTS.map((sort) => [sort, i18n.t(`sort.${sort}`)]),
        html``,
      )}
    </form>`;
  }

  #renderResults() {
    const i18n = this.i18n;
    const { items, loading, error } = this;
    return html`<div class="results" aria-busy=${loading ? 'true' : 'false'}>
      ${
        items.length > 0
          ? html`<ol part="list" role="list">
            ${repeat(
              items,
              (item) => item.id,
              (item) => this.#renderItem(item),
            )}
          </ol>`
          : nothing
      }
      ${loading ? html`<p class="muted">${i18n.t('loading')}</p>` : nothing}
      ${!loading && !error && items.length === 0 ? html`<p part="empty">${i18n.t('noResults')}</p>` : nothing}
      ${
        error
          ? html`<div class="problem">
            <p class="error" role="alert">${i18n.t(boardErrorKey(error))}</p>
            <button @click=${() => this.#load(this.#failedMore)}>${i18n.t('retry')}</button>
          </div>`
          : nothing
      }
      ${
        this.nextCursor && !error
          ? html`<div class="more">
            <button part="load-more" @click=${this.#showMore}>${i18n.t('loadMore')}</button>
          </div>`
          : nothing
      }
    </div>`;
  }

  #renderItem(item: PainPointView) {
    const i18n = this.i18n;
    const title = i18n.text(item.title);
    const place = i18n.place(item.city, item.country && i18n.region(item.country));
    const voteError = this.voteErrors.get(item.id);
    return html`<li part="item" class="card" data-id=${item.id}>
      <h3 lang=${title.lang}>
        <button part="title" class="title" aria-haspopup="dialog"
          @click=${(event: Event) => this.#open(item, event.currentTarget as HTMLElement)}>${title.text}</button>
      </h3>
      <p class="meta muted">
        <span>${i18n.label('domains', item.domain)}</span>
        ${place ? html`<span>${place}</span>` : nothing}
        <span>${i18n.label('painPointStatuses', item.status)}</span>
        <span>${i18n.t('comments', { count: item.commentCount })}</span>
        ${item.sample ? html`<span class="badge">${i18n.t('sample')}</span>` : nothing}
      </p>
      <div class="vote">
        <button part="vote-button" class="vote-button" aria-pressed=${item.voted ? 'true' : 'false'}
          aria-label=${i18n.t('voteFor', { title: title.text })} @click=${() => this.#toggleVote(item.id)}>
          ${i18n.t('vote')}
        </button>
        <span part="vote-count">${i18n.t('votes', { count: item.voteCount })}</span>
      </div>
      ${voteError ? html`<p class="error" role="alert">${i18n.t(voteError)}</p>` : nothing}
    </li>`;
  }
}
