import { type Signup, STAKEHOLDER_ROLES, type StakeholderRole } from '@wsc/models';
import { type WscClient, WscError } from '@wsc/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { setSessionToken } from '../internal/config';
import { countryOptions } from '../internal/countries';
import { type ConfirmationResendOutcome, sendConfirmationAgain } from '../internal/email-confirmation';
import { errorMessageKey, fieldErrors } from '../internal/errors';
import { Translator } from '../internal/i18n';
import { WscElement } from '../internal/wsc-element';
import { takeMailLink } from './mail-link';
import { signInDialogStyles } from './sign-in-dialog.styles';
import type { SignInDialogMessages } from './translations/en';

/**
 * What the dialog shows: a tab (`sign-in`, `join`), the forgotten-password form (`reset`), the
 * signed-in member's unconfirmed address (`account`), or the step a link of account mail opens:
 * confirming the address (`confirm-email`) or choosing a new password (`new-password`).
 */
export type SignInMode = 'sign-in' | 'join' | 'reset' | 'account' | 'confirm-email' | 'new-password';

/**
 * Joining through another call than `auth.signup`: `<wsc-event-registration>` joins the
 * community and registers for its event in one request.
 */
export interface JoinHandler {
  /** Sends the sign-up details; resolves with the new member's session token. */
  join(signup: Signup): Promise<string>;
  /** Text of the join button, in the reader's language (`Join and register`). */
  label: string;
  /** Words for an error of that call the dialog cannot word itself (not eligible, registration closed…). */
  errorMessage?(error: unknown): string | undefined;
}

/** The fields of each tab, in the order a reader meets them; the first of each gets the focus. */
const FIELDS: Readonly<Record<SignInMode, readonly string[]>> = {
  'sign-in': ['email', 'password'],
  join: ['displayName', 'email', 'password', 'role', 'country', 'city'],
  reset: ['email'],
  account: [],
  'confirm-email': [],
  'new-password': ['password'],
};
/** What completing a mail link came to; the message key says it. */
type LinkOutcome = 'confirmed' | 'passwordChanged' | 'linkInvalid';
const RESEND_MESSAGES = {
  sent: 'confirmationSent',
  'already-confirmed': 'alreadyConfirmed',
  'rate-limited': 'tooManyRequests',
} as const satisfies Record<ConfirmationResendOutcome, keyof SignInDialogMessages>;
/** What takes the focus when the dialog switches to a mode by the reader's doing (else its tab). */
const FOCUS_TARGETS: Partial<Record<SignInMode, string>> = {
  reset: '#reset-email',
  account: '[part~="continue"]',
};
const REQUIRED = new Set(['displayName', 'email', 'password', 'role']);

/** The focused element, looking inside shadow roots (the opener is usually a widget's button). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * @tagname wsc-sign-in-dialog
 * @summary The community's own sign-in and join dialog: a modal `<dialog>` with two tabs, signing
 * in with e-mail and password or joining the community. The member's token stays in memory only.
 * Widgets open it themselves when an action needs a member; a page may also place it and call `show()`.
 * A member whose address is not confirmed is told so once signed in, with a button sending the
 * confirmation mail again. On a page opened from a link of account mail
 * (`#wsc-confirm-email=<token>`, `#wsc-reset-password=<token>`) it opens itself, takes the token
 * out of the address bar, and completes the link when the reader presses its button (a link
 * preview spends nothing); the embed script places one on such a page.
 *
 * @csspart dialog - The native `<dialog>` element.
 * @csspart base - The dialog's content.
 * @csspart close - The close button.
 * @csspart form-error - The summary of what went wrong.
 * @csspart forgot-password - The button opening the forgotten-password form.
 * @csspart back - The button going back to signing in from that form.
 * @csspart reset-sent - The message saying the reset mail is on its way.
 * @csspart unconfirmed - The message saying the signed-in member's address is not confirmed yet.
 * @csspart send-again - The button sending the confirmation mail again.
 * @csspart resend-status - What sending it again came to (sent, confirmed already, too many requests).
 * @csspart continue - The button closing the dialog after that message.
 * @csspart link-outcome - What completing a mail link came to (confirmed, password changed, link invalid).
 * @csspart new-link - The button that asks for a new link after an invalid one.
 *
 * @cssproperty --wsc-color-primary - Accent colour of the selected tab and the buttons.
 * @cssproperty --wsc-color-surface - Background of the dialog.
 * @cssproperty --wsc-color-danger - Colour of error messages.
 * @cssproperty --wsc-font-family - Font of every text.
 * @cssproperty --wsc-radius - Corner radius.
 * @cssproperty --wsc-spacing - Base spacing.
 *
 * @event wsc-signed-in - The reader signed in (`detail.joined` false, also after choosing a new password from a mail link) or joined the community (`detail.joined` true).
 * @event wsc-email-confirmed - The reader confirmed their address with the link of the confirmation mail.
 */
export class WscSignInDialog extends WscElement {
  static override styles = [...WscElement.styles, signInDialogStyles];

  /** What the dialog shows first: `sign-in` or `join` (the other modes follow from what the reader does). */
  @property({ reflect: true }) mode: SignInMode = 'sign-in';
  /** The client of the widget that opened the dialog; absent: one built from the configuration. */
  @property({ attribute: false }) apiClient: WscClient | undefined;
  /** Joins through another call than `auth.signup` (see `JoinHandler`). */
  @property({ attribute: false }) joinHandler: JoinHandler | undefined;

  @state() private errors: ReadonlyMap<string, string> = new Map();
  @state() private formError = '';
  @state() private busy = false;
  /** The reset mail was asked for: the reset form shows its confirmation instead. */
  @state() private resetSent = false;
  /** The signed-in member's address while it is unconfirmed (`account`). */
  @state() private memberEmail = '';
  @state() private resendOutcome: ConfirmationResendOutcome | undefined;
  /** What completing the mail link came to; shown instead of its form. */
  @state() private linkOutcome: LinkOutcome | undefined;
  @query('dialog') private dialog: HTMLDialogElement | undefined;

  #opening = false;
  #signedIn = false;
  #resolve: ((signedIn: boolean) => void) | undefined;
  #opener: HTMLElement | null = null;
  /** The token of the mail link being completed: in memory only, gone from the address bar. */
  #linkToken = '';

  private readonly i18n = new Translator<SignInDialogMessages>(this, {
    ar: () => import('./translations/ar'),
    zh: () => import('./translations/zh'),
    en: () => import('./translations/en'),
    fr: () => import('./translations/fr'),
    ru: () => import('./translations/ru'),
    es: () => import('./translations/es'),
  });

  protected override get client(): WscClient {
    return this.apiClient ?? super.client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // After the current task: `openSignIn` inserts its dialog, then calls show(), which comes first.
    queueMicrotask(() => {
      if (!this.#resolve) this.#openMailLink();
    });
  }

  /** Opens on the step of the page's mail link, if it has one (the first dialog on the page takes it). */
  #openMailLink(): void {
    const link = takeMailLink();
    if (!link) return;
    this.#linkToken = link.token;
    void this.#switchTo(link.action === 'confirm-email' ? 'confirm-email' : 'new-password');
    void this.show();
  }

  /**
   * Opens the dialog as a modal (focus stays inside, Escape closes it). Resolves true once the
   * reader signed in or joined, false when they closed it.
   *
   * @example
   * const signedIn = await document.querySelector('wsc-sign-in-dialog').show();
   */
  show(): Promise<boolean> {
    this.#opener = deepActiveElement();
    this.#signedIn = false;
    this.#opening = true;
    this.requestUpdate();
    return new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  /** Closes the dialog; `show()` then resolves false unless the reader signed in. */
  close(): void {
    this.dialog?.close();
  }

  protected override updated(): void {
    // Opened once the messages are there, so that the first field takes the focus.
    if (this.#opening && this.i18n.ready && this.dialog && !this.dialog.open) {
      this.#opening = false;
      this.dialog.showModal();
    }
  }

  readonly #onClose = () => {
    this.errors = new Map();
    this.formError = '';
    // The steps that follow something the reader did are not where the dialog opens next time.
    if (this.mode !== 'join') this.mode = 'sign-in';
    this.#linkToken = '';
    this.linkOutcome = undefined;
    this.#resolve?.(this.#signedIn);
    this.#resolve = undefined;
    // Browsers give the focus back to the opener; not every one does when it sat in a shadow root.
    const active = deepActiveElement();
    if (this.#opener?.isConnected && (!active || active === document.body)) this.#opener.focus();
  };

  async #switchTo(mode: SignInMode, focus = false): Promise<void> {
    this.mode = mode;
    this.errors = new Map();
    this.formError = '';
    this.resetSent = false;
    this.resendOutcome = undefined;
    this.linkOutcome = undefined;
    if (!focus) return;
    await this.updateComplete;
    const target = FOCUS_TARGETS[mode] ?? `#tab-${mode}`;
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  readonly #onTabKey = (event: KeyboardEvent) => {
    // Two tabs: either arrow goes to the other one, whatever the writing direction.
    const next: Record<string, SignInMode> = {
      ArrowLeft: this.mode === 'join' ? 'sign-in' : 'join',
      ArrowRight: this.mode === 'join' ? 'sign-in' : 'join',
      Home: 'sign-in',
      End: 'join',
    };
    const mode = next[event.key];
    if (!mode) return;
    event.preventDefault();
    void this.#switchTo(mode, true);
  };

  readonly #submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    const mode = this.mode;
    const form = event.currentTarget as HTMLFormElement;
    const values: Record<string, string> = {};
    for (const [name, value] of new FormData(form)) values[name] = String(value).trim();
    const missing = new Map<string, string>();
    for (const name of FIELDS[mode]) {
      if (REQUIRED.has(name) && !values[name]) missing.set(name, this.i18n.t('field.required'));
    }
    if (missing.size > 0) return this.#showErrors(missing, '');
    this.busy = true;
    this.errors = new Map();
    this.formError = '';
    if (mode === 'reset') return this.#askForReset(values.email ?? '');
    if (mode === 'confirm-email' || mode === 'new-password') return this.#completeMailLink(values.password);
    try {
      const token =
        mode === 'sign-in'
          ? (await this.client.auth.login({ email: values.email ?? '', password: values.password ?? '' }))
              .token
          : await this.#join(values);
      this.#signedIn = true;
      setSessionToken(token);
      this.emit('wsc-signed-in', { joined: mode === 'join' });
      if (!(await this.#showUnconfirmedAddress())) this.close();
    } catch (error) {
      this.#showError(error);
    } finally {
      this.busy = false;
    }
  };

  /** Answered alike whether or not the address has an account: the dialog says so. */
  async #askForReset(email: string): Promise<void> {
    try {
      await this.client.auth.passwordResets.create({ email });
      this.resetSent = true;
    } catch (error) {
      if (WscError.is(error) && error.code === 'rate-limited') {
        void this.#showErrors(new Map(), this.i18n.t('tooManyRequests'));
      } else {
        this.#showError(error);
      }
    } finally {
      this.busy = false;
    }
  }

  /**
   * Once signed in: a member whose address is unconfirmed is told so, with a button sending the
   * mail again, before the dialog closes. True when shown; false when confirmed or unknown.
   */
  async #showUnconfirmedAddress(): Promise<boolean> {
    try {
      const { account } = await this.client.me.get();
      // `undefined` from a server that does not say: nothing to tell.
      if (account.emailConfirmedAt !== null) return false;
      this.memberEmail = account.email;
    } catch {
      return false;
    }
    await this.#switchTo('account', true);
    return true;
  }

  readonly #sendAgain = async () => {
    if (this.busy) return;
    this.busy = true;
    this.formError = '';
    this.resendOutcome = undefined;
    try {
      this.resendOutcome = await sendConfirmationAgain(this.client);
    } catch (error) {
      this.formError = this.i18n.t(errorMessageKey(error));
    } finally {
      this.busy = false;
    }
  };

  /** Completes the page's mail link: only ever from the reader's button press, never on opening. */
  async #completeMailLink(password: string | undefined): Promise<void> {
    const token = this.#linkToken;
    try {
      if (this.mode === 'confirm-email') {
        await this.client.auth.emailConfirmations.complete({ token });
        this.linkOutcome = 'confirmed';
        this.emit('wsc-email-confirmed', {});
      } else {
        const session = await this.client.auth.passwordResets.complete({ token, password: password ?? '' });
        // Every other session of the account ended; this one is the member's now.
        this.#signedIn = true;
        setSessionToken(session.token);
        this.emit('wsc-signed-in', { joined: false });
        this.linkOutcome = 'passwordChanged';
      }
    } catch (error) {
      if (WscError.is(error) && error.code === 'mail-token-invalid') this.linkOutcome = 'linkInvalid';
      else return this.#showError(error);
    } finally {
      this.busy = false;
    }
    this.#linkToken = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="link-outcome"]')?.focus();
  }

  async #join(values: Record<string, string>): Promise<string> {
    const signup: Signup = {
      displayName: values.displayName ?? '',
      email: values.email ?? '',
      password: values.password ?? '',
      role: values.role as StakeholderRole,
      language: this.i18n.lang,
      ...(values.country ? { country: values.country } : {}),
      ...(values.city ? { city: values.city } : {}),
    };
    if (this.joinHandler) return this.joinHandler.join(signup);
    return (await this.client.auth.signup(signup)).token;
  }

  #showError(error: unknown): void {
    const t = this.i18n.t.bind(this.i18n);
    const known = new Set(FIELDS[this.mode]);
    const errors = new Map<string, string>();
    // Joining with a registration: the server names the sign-up fields `join.email` and so on.
    for (const [path, message] of fieldErrors(error, t, this.i18n.lang)) {
      const name = path.replace(/^join\./, '');
      if (known.has(name)) errors.set(name, message);
    }
    const code = WscError.is(error) ? error.code : undefined;
    if (code === 'email-taken') errors.set('email', t('emailTaken'));
    const message =
      code === 'wrong-credentials'
        ? t('wrongCredentials')
        : (this.joinHandler?.errorMessage?.(error) ?? t(errorMessageKey(error)));
    void this.#showErrors(errors, message);
  }

  async #showErrors(errors: Map<string, string>, message: string): Promise<void> {
    this.errors = errors;
    this.formError = errors.size > 0 ? this.i18n.t('form.errorSummary', { count: errors.size }) : message;
    await this.updateComplete;
    const first = FIELDS[this.mode].find((name) => errors.has(name));
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${this.mode}-${first}`)?.focus();
  }

  /** `id`, `aria-invalid` and `aria-describedby` of a field, and its hint and error paragraphs. */
  #field(
    mode: SignInMode,
    name: string,
    label: string,
    control: (id: string, describedBy: string, invalid: boolean) => TemplateResult,
    hint?: string,
  ) {
    const id = `${mode}-${name}`;
    const error = this.mode === mode ? this.errors.get(name) : undefined;
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${control(id, describedBy, Boolean(error))}
      ${hint ? html`<p class="hint muted" id="${id}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  #input(mode: SignInMode, name: string, label: string, type: string, autocomplete: string, hint?: string) {
    return this.#field(
      mode,
      name,
      label,
      (id, describedBy, invalid) => html`<input
        id=${id}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        ?required=${REQUIRED.has(name)}
        ?autofocus=${FIELDS[mode][0] === name}
        aria-invalid=${invalid ? 'true' : nothing}
        aria-describedby=${describedBy || nothing}
      />`,
      hint,
    );
  }

  #select(mode: SignInMode, name: string, label: string, options: TemplateResult[], autocomplete: string) {
    return this.#field(
      mode,
      name,
      label,
      (id, describedBy, invalid) => html`<select
        id=${id}
        name=${name}
        autocomplete=${autocomplete}
        ?required=${REQUIRED.has(name)}
        aria-invalid=${invalid ? 'true' : nothing}
        aria-describedby=${describedBy || nothing}
      >
        ${options}
      </select>`,
    );
  }

  #tab(mode: SignInMode, label: string) {
    const selected = this.mode === mode;
    return html`<button
      type="button"
      role="tab"
      id="tab-${mode}"
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="panel-${mode}"
      tabindex=${selected ? '0' : '-1'}
      @click=${() => this.#switchTo(mode)}
      @keydown=${this.#onTabKey}
    >
      ${label}
    </button>`;
  }

  #panel(
    mode: SignInMode,
    fields: TemplateResult[],
    submitLabel: string,
    note?: string,
    after?: TemplateResult,
  ) {
    const active = this.mode === mode;
    return html`<div role="tabpanel" id="panel-${mode}" aria-labelledby="tab-${mode}" ?hidden=${!active}>
      <form novalidate aria-busy=${active && this.busy ? 'true' : 'false'} @submit=${this.#submit}>
        ${note ? html`<p class="muted">${note}</p>` : nothing} ${fields}
        ${
          active && this.formError
            ? html`<p class="error" role="alert" part="form-error">${this.formError}</p>`
            : nothing
        }
        <button class="primary" type="submit" ?disabled=${this.busy}>${submitLabel}</button>
        ${after ?? nothing}
      </form>
    </div>`;
  }

  /** The forgotten-password form: one field, then what happens next. */
  #resetPanel(t: (key: keyof SignInDialogMessages) => string) {
    const back = html`<button type="button" class="link" part="back" @click=${() => this.#switchTo('sign-in', true)}>
      ${t('backToSignIn')}
    </button>`;
    return html`<section id="panel-reset" aria-labelledby="reset-title">
      <h3 id="reset-title">${t('resetTitle')}</h3>
      ${
        this.resetSent
          ? html`<p role="status" part="reset-sent">${t('resetSent')}</p>
              ${back}`
          : html`<form novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#submit}>
              <p class="muted">${t('resetNote')}</p>
              ${this.#input('reset', 'email', t('email'), 'email', 'username')}
              ${this.formError ? html`<p class="error" role="alert" part="form-error">${this.formError}</p>` : nothing}
              <button class="primary" type="submit" ?disabled=${this.busy}>${t('sendResetLink')}</button>
              ${back}
            </form>`
      }
    </section>`;
  }

  /** After signing in: the address is not confirmed yet; the mail can be sent again. */
  #accountPanel(t: Translator<SignInDialogMessages>['t']) {
    return html`<section id="panel-account" aria-labelledby="account-title">
      <h3 id="account-title">${t('confirmTitle')}</h3>
      <p part="unconfirmed">${t('unconfirmed')}</p>
      <dl>
        <dt>${t('email')}</dt>
        <dd><bdi>${this.memberEmail}</bdi></dd>
      </dl>
      <p role="status" part="resend-status">${this.resendOutcome ? t(RESEND_MESSAGES[this.resendOutcome]) : nothing}</p>
      ${this.formError ? html`<p class="error" role="alert" part="form-error">${this.formError}</p>` : nothing}
      <div class="actions">
        <button type="button" part="send-again" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.#sendAgain}>
          ${t('sendAgain')}
        </button>
        <button type="button" class="primary" part="continue" @click=${() => this.close()}>${t('continue')}</button>
      </div>
    </section>`;
  }

  /** The step a mail link opens: a button confirming the address, or the new password; then what came of it. */
  #mailLinkPanel(t: Translator<SignInDialogMessages>['t']) {
    const confirming = this.mode === 'confirm-email';
    const outcome = this.linkOutcome;
    const next =
      outcome === 'linkInvalid'
        ? html`<button type="button" class="link" part="new-link" @click=${() => this.#switchTo(confirming ? 'sign-in' : 'reset', true)}>
            ${confirming ? t('signInForNewLink') : t('askNewLink')}
          </button>`
        : nothing;
    return html`<section id="panel-${this.mode}" aria-labelledby="link-title">
      <h3 id="link-title">${confirming ? t('confirmTitle') : t('newPasswordTitle')}</h3>
      ${
        outcome
          ? html`<p role="status" part="link-outcome" class=${outcome === 'linkInvalid' ? 'error' : ''} tabindex="-1">
                ${t(outcome)}
              </p>
              ${next}
              <button type="button" class="primary" @click=${() => this.close()}>${t('close')}</button>`
          : html`<form novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#submit}>
              ${
                confirming
                  ? html`<p class="muted">${t('confirmNote')}</p>`
                  : this.#input(
                      'new-password',
                      'password',
                      t('newPassword'),
                      'password',
                      'new-password',
                      t('passwordHint'),
                    )
              }
              ${this.formError ? html`<p class="error" role="alert" part="form-error">${this.formError}</p>` : nothing}
              <button class="primary" type="submit" ?disabled=${this.busy} ?autofocus=${confirming}>
                ${confirming ? t('confirmButton') : t('setPassword')}
              </button>
            </form>`
      }
    </section>`;
  }

  /** What replaces the tabs in the modes that are not a tab. */
  #stepPanel(t: Translator<SignInDialogMessages>['t']) {
    if (this.mode === 'reset') return this.#resetPanel((key) => t(key));
    if (this.mode === 'account') return this.#accountPanel(t);
    return this.#mailLinkPanel(t);
  }

  override render() {
    const i18n = this.i18n;
    if (!i18n.ready) return html`<dialog part="dialog" aria-busy="true"></dialog>`;
    const t = i18n.t.bind(i18n);
    const passwordHint = t('passwordHint');
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.#onClose}>
      <div part="base" dir=${i18n.dir} lang=${i18n.lang}>
        <div class="top">
          <h2 id="title">${t('title')}</h2>
          <button type="button" part="close" aria-label=${t('close')} @click=${() => this.close()}>×</button>
        </div>
        ${
          this.mode === 'sign-in' || this.mode === 'join'
            ? html`<div role="tablist" aria-labelledby="title">${this.#tab('sign-in', t('signIn'))}${this.#tab('join', t('join'))}</div>`
            : this.#stepPanel(t)
        }
        ${this.#panel(
          'sign-in',
          [
            this.#input('sign-in', 'email', t('email'), 'email', 'username'),
            this.#input('sign-in', 'password', t('password'), 'password', 'current-password'),
          ],
          t('signIn'),
          undefined,
          html`<button type="button" class="link" part="forgot-password" @click=${() => this.#switchTo('reset', true)}>
            ${t('forgotPassword')}
          </button>`,
        )}
        ${this.#panel(
          'join',
          [
            this.#input('join', 'displayName', t('displayName'), 'text', 'name', t('displayNameHint')),
            this.#input('join', 'email', t('email'), 'email', 'email'),
            this.#input('join', 'password', t('password'), 'password', 'new-password', passwordHint),
            this.#select(
              'join',
              'role',
              t('role'),
              [
                html`<option value="">${t('chooseRole')}</option>`,
                ...STAKEHOLDER_ROLES.map(
                  (role) => html`<option value=${role}>${i18n.label('stakeholderRoles', role)}</option>`,
                ),
              ],
              'off',
            ),
            this.#select(
              'join',
              'country',
              t('country'),
              [
                html`<option value="">${t('notGiven')}</option>`,
                ...countryOptions(i18n.lang).map(
                  ({ code, name }) => html`<option value=${code}>${name}</option>`,
                ),
              ],
              'country',
            ),
            this.#input('join', 'city', t('city'), 'text', 'address-level2'),
          ],
          this.joinHandler?.label ?? t('join'),
          t('joinNote'),
        )}
      </div>
    </dialog>`;
  }
}
