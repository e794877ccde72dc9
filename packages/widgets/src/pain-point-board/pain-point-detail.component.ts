import {
  type Comment,
  type PainPointCoverage,
  type PainPointView,
  REPORT_REASONS,
  type ReportReason,
  type VoteResult,
} from '@wsc/models';
import { isKnownWebhookEvent, type LiveEvent, type LiveSubscription } from '@wsc/sdk';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { fieldErrors } from '../internal/errors';
import { chooseLanguage, Translator } from '../internal/i18n';
import { WscElement } from '../internal/wsc-element';
import { BOARD_MESSAGES_TAG, type BoardMessageKey, boardErrorKey, boardTranslations } from './messages';
import { boardStyles } from './pain-point-board.styles';
import type { PainPointBoardMessages } from './translations/en';

const COMMENT_PAGE_SIZE = 10;

/** The outcome of a form: field errors at their fields, or one message for the whole form. */
interface FormState {
  fields: Map<string, string>;
  message?: BoardMessageKey | undefined;
}
const CLEAN: FormState = { fields: new Map() };

/**
 * @tagname wsc-pain-point-detail
 * @summary One pain point in a modal dialog: its description, votes, the standards mapped to it
 * and its discussion (read, post, report). Part of `<wsc-pain-point-board>`, which opens it.
 * While it is open, the discussion follows the pain point live: a comment its author edits shows
 * its new text, and one a moderator hides is withdrawn.
 *
 * @csspart base - The dialog.
 * @csspart dialog - The dialog.
 * @csspart standards - The list of mapped standards.
 * @csspart comments - The list of comments.
 * @csspart comment - One comment.
 * @csspart vote-button - The vote toggle.
 * @csspart vote-count - The number of votes.
 * @csspart comment-form - The form posting a comment.
 *
 * @event wsc-vote - A vote was cast or withdrawn; `detail`: `{ painPointId, voteCount, voted }`.
 * @event wsc-comment - A comment was posted; `detail`: `{ painPointId, comment }`.
 * @event wsc-detail-close - (For the board, not composed) the dialog closed.
 */
export class WscPainPointDetail extends WscElement {
  static override styles = [...WscElement.styles, boardStyles];

  /** Id of the pain point shown. */
  @property({ attribute: false }) painPointId = '';
  /** The pain point when the board already has it (saves a request). */
  @property({ attribute: false }) painPoint: PainPointView | undefined;

  @state() private loaded: PainPointView | undefined;
  @state() private error: unknown;
  @state() private coverage: PainPointCoverage | undefined;
  @state() private standardsError: unknown;
  @state() private comments: Comment[] = [];
  @state() private commentsCursor: string | null = null;
  @state() private commentsLoading = false;
  @state() private commentsError: unknown;
  @state() private commentForm: FormState = CLEAN;
  @state() private posting = false;
  @state() private reporting: string | undefined;
  @state() private reportForm: FormState = CLEAN;
  @state() private reported = new Map<string, BoardMessageKey>();
  @state() private voteError: BoardMessageKey | undefined;
  @state() private announcement = '';

  @query('dialog') private dialog!: HTMLDialogElement | null;

  private readonly i18n = new Translator<PainPointBoardMessages>(this, boardTranslations, BOARD_MESSAGES_TAG);

  #request = 0;
  #focusTitle = false;
  #subscription: LiveSubscription | undefined;
  /** The pain point whose discussion the subscription follows. */
  #following: string | undefined;

  /** Opens the dialog and moves focus to its title. */
  async show(): Promise<void> {
    await this.updateComplete;
    if (this.dialog && !this.dialog.open) this.dialog.showModal();
    this.#follow(this.loaded?.id);
    this.#focusTitle = true;
    this.#moveFocus();
  }

  hide(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#follow();
  }

  protected override configurationChanged(): void {
    // The stream lives on the API origin with the page's key: open it again with the new ones.
    const id = this.#following;
    this.#follow();
    this.#follow(id);
  }

  /** Follows the discussion of pain point `id` live (one stream, only while the dialog is open). */
  #follow(id?: string): void {
    const wanted = this.isConnected && this.dialog?.open ? id : undefined;
    if (wanted === this.#following) return;
    this.#subscription?.close();
    this.#following = wanted;
    this.#subscription = wanted
      ? this.client.live.subscribe([`pain-points/${wanted}`], this.#onLiveEvent)
      : undefined;
  }

  readonly #onLiveEvent = (event: LiveEvent): void => {
    if (!isKnownWebhookEvent(event) || (event.type !== 'comment.updated' && event.type !== 'comment.hidden'))
      return;
    // An edit brings the new text; hiding withdraws it.
    const { id, body = '', hidden } = event.data as { id: string; body?: string; hidden: boolean };
    this.comments = this.comments.map((comment) =>
      comment.id === id ? { ...comment, body, hidden } : comment,
    );
  };

  /** A vote count from the live stream or the board. */
  applyVote({ painPointId, voteCount, voted }: Omit<VoteResult, 'voted'> & { voted?: boolean }): void {
    const current = this.loaded;
    if (!current || current.id !== painPointId) return;
    this.loaded = { ...current, voteCount, ...(voted === undefined ? {} : { voted }) };
    if (current.voteCount !== voteCount) this.announcement = this.i18n.t('votes', { count: voteCount });
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('painPointId')) void this.#load();
    // A fresher copy from the board (live counts, the member's vote); the board may also be
    // reloading its list meanwhile (no copy), then the one shown stays.
    else if (changed.has('painPoint') && this.painPoint?.id === this.painPointId)
      this.loaded = this.painPoint;
  }

  override updated(): void {
    this.#moveFocus();
  }

  #moveFocus(): void {
    const title = this.renderRoot.querySelector<HTMLElement>('#detail-title');
    if (!this.#focusTitle || !title || !this.dialog?.open) return;
    this.#focusTitle = false;
    title.focus();
  }

  async #load(): Promise<void> {
    const request = ++this.#request;
    this.loaded = undefined;
    this.error = undefined;
    this.coverage = undefined;
    this.standardsError = undefined;
    this.comments = [];
    this.commentsCursor = null;
    this.commentsError = undefined;
    this.commentsLoading = false;
    this.commentForm = CLEAN;
    this.reporting = undefined;
    this.reported = new Map();
    this.voteError = undefined;
    this.announcement = '';
    if (!this.painPointId) return;
    let painPoint = this.painPoint?.id === this.painPointId ? this.painPoint : undefined;
    if (!painPoint) {
      try {
        painPoint = await this.client.painPoints.get(this.painPointId, {
          headers: { 'accept-language': chooseLanguage(this, this.configuredLanguage()) },
        });
      } catch (error) {
        if (request === this.#request) this.error = error;
        return;
      }
      if (request !== this.#request) return;
    }
    this.loaded = painPoint;
    const id = painPoint.id;
    this.#follow(id);
    await Promise.all([
      this.client.painPoints.standards.get(id).then(
        (coverage) => {
          if (request === this.#request) this.coverage = coverage;
        },
        (error: unknown) => {
          if (request === this.#request) this.standardsError = error;
        },
      ),
      this.#loadComments(request),
    ]);
  }

  async #loadComments(request = this.#request): Promise<void> {
    const id = this.loaded?.id;
    if (!id || this.commentsLoading) return;
    this.commentsLoading = true;
    this.commentsError = undefined;
    try {
      const page = await this.client.painPoints.comments.list(id, {
        limit: COMMENT_PAGE_SIZE,
        cursor: this.commentsCursor ?? undefined,
      });
      if (request !== this.#request) return;
      const known = new Set(this.comments.map((comment) => comment.id));
      this.comments = [...this.comments, ...page.data.filter((comment) => !known.has(comment.id))];
      this.commentsCursor = page.nextCursor;
    } catch (error) {
      if (request === this.#request) this.commentsError = error;
    } finally {
      if (request === this.#request) this.commentsLoading = false;
    }
  }

  #close(): void {
    this.hide();
  }

  #onClose(): void {
    this.#follow();
    this.dispatchEvent(new Event('wsc-detail-close'));
  }

  async #toggleVote(painPoint: PainPointView): Promise<void> {
    this.voteError = undefined;
    if (!(await this.ensureSignedIn())) {
      this.voteError = 'error.signInRequired';
      return;
    }
    try {
      const result = painPoint.voted
        ? await this.client.painPoints.unvote(painPoint.id)
        : await this.client.painPoints.vote(painPoint.id);
      this.applyVote(result);
      this.emit('wsc-vote', result);
    } catch (error) {
      this.voteError = boardErrorKey(error);
    }
  }

  async #signIn(): Promise<void> {
    this.commentForm = CLEAN;
    if (!(await this.ensureSignedIn()))
      this.commentForm = { fields: new Map(), message: 'error.signInRequired' };
    this.requestUpdate();
  }

  async #postComment(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const painPoint = this.loaded;
    const form = event.target as HTMLFormElement;
    const body = form.elements.namedItem('body') as HTMLTextAreaElement;
    if (!painPoint || this.posting) return;
    this.commentForm = CLEAN;
    if (!(await this.ensureSignedIn())) {
      this.commentForm = { fields: new Map(), message: 'error.signInRequired' };
      return;
    }
    this.posting = true;
    try {
      const comment = await this.client.painPoints.comments.create(painPoint.id, {
        body: body.value,
        language: this.i18n.lang,
      });
      this.comments = [...this.comments, comment];
      body.value = '';
      this.announcement = this.i18n.t('commentPosted');
      this.emit('wsc-comment', { painPointId: painPoint.id, comment });
    } catch (error) {
      this.commentForm = this.#formState(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } finally {
      this.posting = false;
    }
  }

  async #openReport(comment: Comment): Promise<void> {
    this.reportForm = CLEAN;
    if (!(await this.ensureSignedIn())) {
      this.reported = new Map(this.reported).set(comment.id, 'error.signInRequired');
      return;
    }
    this.reporting = comment.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#reason-${comment.id}`)?.focus();
  }

  async #cancelReport(comment: Comment): Promise<void> {
    this.reporting = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#report-${comment.id}`)?.focus();
  }

  async #sendReport(event: SubmitEvent, comment: Comment): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const reason = (form.elements.namedItem('reason') as HTMLSelectElement).value as ReportReason;
    const note = (form.elements.namedItem('note') as HTMLTextAreaElement).value.trim();
    this.reportForm = CLEAN;
    try {
      const result = await this.client.comments.reports.create(comment.id, {
        reason,
        ...(note ? { note } : {}),
      });
      if (result.commentHidden) {
        this.comments = this.comments.map((item) =>
          item.id === comment.id ? { ...item, hidden: true, body: '' } : item,
        );
      }
      this.reporting = undefined;
      this.reported = new Map(this.reported).set(comment.id, 'reportSent');
    } catch (error) {
      this.reportForm = this.#formState(error);
      const refusal = this.reportForm.message;
      if (refusal === 'ownComment' || refusal === 'alreadyReported') {
        // A refusal (own comment, already reported) ends the report: say why in place of the form.
        this.reporting = undefined;
        this.reported = new Map(this.reported).set(comment.id, refusal);
      }
    }
  }

  #formState(error: unknown): FormState {
    const fields = fieldErrors(error, (key) => this.i18n.t(key), this.i18n.lang);
    return { fields, message: fields.size > 0 ? undefined : boardErrorKey(error) };
  }

  override render() {
    const i18n = this.i18n;
    return html`<dialog part="base dialog" dir=${i18n.dir} lang=${i18n.lang} aria-labelledby="detail-title"
      @close=${this.#onClose}>
      ${i18n.ready && this.painPointId ? this.#renderContent() : nothing}
    </dialog>`;
  }

  #renderContent() {
    const i18n = this.i18n;
    const painPoint = this.loaded;
    const close = html`<button class="close" @click=${this.#close}>${i18n.t('close')}</button>`;
    if (!painPoint) {
      return html`<div class="dialog-header">
          <h2 id="detail-title" tabindex="-1">${i18n.t('heading')}</h2>
          ${close}
        </div>
        ${
          this.error
            ? html`<p class="error" role="alert">${i18n.t(boardErrorKey(this.error))}</p>
              <button @click=${this.#load}>${i18n.t('retry')}</button>`
            : html`<p class="muted" aria-busy="true">${i18n.t('loading')}</p>`
        }`;
    }
    const title = i18n.text(painPoint.title);
    const description = i18n.text(painPoint.description);
    const place = i18n.place(painPoint.city, painPoint.country && i18n.region(painPoint.country));
    return html`<div class="dialog-header">
        <h2 id="detail-title" tabindex="-1" lang=${title.lang}>${title.text}</h2>
        ${close}
      </div>
      <p class="meta muted">
        <span>${i18n.label('domains', painPoint.domain)}</span>
        ${place ? html`<span>${place}</span>` : nothing}
        <span>${i18n.label('painPointStatuses', painPoint.status)}</span>
        <span>${i18n.t('severity', { severity: i18n.label('severities', painPoint.severity) })}</span>
        <span>${i18n.t('reportedOn', { date: i18n.date(painPoint.createdAt) })}</span>
        ${painPoint.sample ? html`<span class="badge">${i18n.t('sample')}</span>` : nothing}
      </p>
      <p class="description" lang=${description.lang}>${description.text}</p>
      <div class="vote">
        <button part="vote-button" class="vote-button" aria-pressed=${painPoint.voted ? 'true' : 'false'}
          aria-label=${i18n.t('voteFor', { title: title.text })} @click=${() => this.#toggleVote(painPoint)}>
          ${i18n.t('vote')}
        </button>
        <span part="vote-count">${i18n.t('votes', { count: painPoint.voteCount })}</span>
      </div>
      ${this.voteError ? html`<p class="error" role="alert">${i18n.t(this.voteError)}</p>` : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.#renderStandards()} ${this.#renderDiscussion(painPoint)}`;
  }

  #renderStandards() {
    const i18n = this.i18n;
    const { coverage, standardsError } = this;
    let content: unknown;
    if (standardsError) content = html`<p class="error">${i18n.t(boardErrorKey(standardsError))}</p>`;
    else if (!coverage) content = html`<p class="muted">${i18n.t('loading')}</p>`;
    else if (coverage.mappings.length === 0) content = html`<p>${i18n.t('noStandards')}</p>`;
    else
      content = html`<ul part="standards" role="list">
        ${coverage.mappings.map((mapping) => {
          const standard = mapping.standard;
          const title = i18n.text(standard?.title);
          return html`<li class="card">
            <p class="reference">${standard?.reference ?? mapping.standardId}</p>
            ${standard ? html`<p lang=${title.lang}>${title.text}</p>` : nothing}
            <p class="meta muted">
              ${standard ? html`<span>${standard.body === 'joint' ? standard.committee : standard.body}</span>` : nothing}
              <span class="badge">${i18n.label('coverageLevels', mapping.coverage)}</span>
            </p>
          </li>`;
        })}
      </ul>`;
    return html`<section aria-labelledby="standards-heading">
      <h3 id="standards-heading">${i18n.t('standards')}</h3>
      ${content}
    </section>`;
  }

  #renderDiscussion(painPoint: PainPointView) {
    const i18n = this.i18n;
    const { comments, commentsLoading, commentsError } = this;
    return html`<section aria-labelledby="discussion-heading" aria-busy=${commentsLoading ? 'true' : 'false'}>
      <h3 id="discussion-heading">${i18n.t('discussion')}</h3>
      ${
        comments.length > 0
          ? html`<ol part="comments" role="list">
            ${repeat(
              comments,
              (comment) => comment.id,
              (comment) => this.#renderComment(comment),
            )}
          </ol>`
          : nothing
      }
      ${commentsLoading ? html`<p class="muted">${i18n.t('loading')}</p>` : nothing}
      ${!commentsLoading && !commentsError && comments.length === 0 ? html`<p>${i18n.t('noComments')}</p>` : nothing}
      ${
        commentsError
          ? html`<p class="error" role="alert">${i18n.t(boardErrorKey(commentsError))}</p>
            <button @click=${() => this.#loadComments()}>${i18n.t('retry')}</button>`
          : nothing
      }
      ${
        this.commentsCursor && !commentsError
          ? html`<button class="more" @click=${() => this.#loadComments()}>${i18n.t('loadMore')}</button>`
          : nothing
      }
      ${this.#renderCommentForm(painPoint)}
    </section>`;
  }

  #renderComment(comment: Comment) {
    const i18n = this.i18n;
    const outcome = this.reported.get(comment.id);
    return html`<li part="comment" class="card" data-id=${comment.id}>
      <p class="meta muted">
        <time datetime=${comment.createdAt}>${i18n.t('postedOn', { date: i18n.date(comment.createdAt) })}</time>
      </p>
      ${
        comment.hidden
          ? html`<p class="muted">${i18n.t('hiddenComment')}</p>`
          : html`<p id=${`comment-${comment.id}`} class="comment-body" lang=${comment.language ?? nothing}>${comment.body}</p>`
      }
      ${outcome ? html`<p class=${outcome === 'reportSent' ? '' : 'error'} role="status">${i18n.t(outcome)}</p>` : nothing}
      ${
        !comment.hidden && !outcome && this.reporting !== comment.id
          ? html`<button id=${`report-${comment.id}`} class="report" aria-describedby=${`comment-${comment.id}`}
            @click=${() => this.#openReport(comment)}>
            ${i18n.t('report')}
          </button>`
          : nothing
      }
      ${this.reporting === comment.id ? this.#renderReportForm(comment) : nothing}
    </li>`;
  }

  #renderReportForm(comment: Comment) {
    const i18n = this.i18n;
    const { fields } = this.reportForm;
    const reasonId = `reason-${comment.id}`;
    const noteId = `note-${comment.id}`;
    return html`<form class="report-form" novalidate @submit=${(event: SubmitEvent) => this.#sendReport(event, comment)}>
      <fieldset>
        <legend>${i18n.t('reportLegend')}</legend>
        <div class="field">
          <label for=${reasonId}>${i18n.t('reportReason')}</label>
          <select id=${reasonId} name="reason" aria-invalid=${fields.has('reason') ? 'true' : 'false'}
            aria-describedby=${fields.has('reason') ? `${reasonId}-error` : nothing}>
            ${REPORT_REASONS.map((reason) => html`<option value=${reason}>${i18n.t(`reason.${reason}`)}</option>`)}
          </select>
          ${fields.has('reason') ? html`<p id=${`${reasonId}-error`} class="error">${fields.get('reason')}</p>` : nothing}
        </div>
        <div class="field">
          <label for=${noteId}>${i18n.t('reportNote')}</label>
          <textarea id=${noteId} name="note" rows="2" aria-invalid=${fields.has('note') ? 'true' : 'false'}
            aria-describedby=${fields.has('note') ? `${noteId}-error` : nothing}></textarea>
          ${fields.has('note') ? html`<p id=${`${noteId}-error`} class="error">${fields.get('note')}</p>` : nothing}
        </div>
        <p class="error" role="alert">${this.#summary(this.reportForm)}</p>
        <div class="actions">
          <button class="primary" type="submit">${i18n.t('sendReport')}</button>
          <button type="button" @click=${() => this.#cancelReport(comment)}>${i18n.t('cancel')}</button>
        </div>
      </fieldset>
    </form>`;
  }

  #renderCommentForm(painPoint: PainPointView) {
    const i18n = this.i18n;
    if (painPoint.locked) return html`<p>${i18n.t('locked')}</p>`;
    const { fields } = this.commentForm;
    if (!this.hasMember()) {
      return html`<button class="primary" @click=${this.#signIn}>${i18n.t('signInToComment')}</button>
        <p class="error" role="alert">${this.#summary(this.commentForm)}</p>`;
    }
    const error = fields.get('body');
    return html`<form part="comment-form" class="comment-form" novalidate @submit=${this.#postComment}>
      <div class="field">
        <label for="comment-body">${i18n.t('commentLabel')}</label>
        <textarea id="comment-body" name="body" rows="4" aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'comment-body-error' : nothing}></textarea>
        ${error ? html`<p id="comment-body-error" class="error">${error}</p>` : nothing}
      </div>
      <p class="error" role="alert">${this.#summary(this.commentForm)}</p>
      <button class="primary" type="submit" ?disabled=${this.posting}>${i18n.t('postComment')}</button>
    </form>`;
  }

  #summary({ fields, message }: FormState): string {
    if (fields.size > 0) return this.i18n.t('form.errorSummary', { count: fields.size });
    return message ? this.i18n.t(message) : '';
  }
}
