import { type Account, DOMAINS, type NotificationPreferences } from '@wsc/models';
import { WscError } from '@wsc/sdk';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { type ConfirmationResendOutcome, sendConfirmationAgain } from '../internal/email-confirmation';
import { errorMessageKey } from '../internal/errors';
import { Translator } from '../internal/i18n';
import { panelStyles } from '../internal/styles';
import { WscElement } from '../internal/wsc-element';
import { mailPreferencesStyles } from './mail-preferences.styles';
import type { MailPreferencesMessages } from './translations/en';

/** Detail of `wsc-mail-preferences-saved`: the preferences as the API answered them. */
export interface MailPreferencesSavedDetail {
  preferences: NotificationPreferences;
}

/** The choices of the form, as the reader left them. */
interface Draft {
  moderation: boolean;
  digest: boolean;
  digestDomains: ReadonlySet<string>;
}

const RESEND_MESSAGES = {
  sent: 'confirmationSent',
  'already-confirmed': 'alreadyConfirmed',
  'rate-limited': 'tooManyRequests',
} as const satisfies Record<ConfirmationResendOutcome, keyof MailPreferencesMessages>;

/**
 * @tagname wsc-mail-preferences
 * @summary The e-mail the community sends the signed-in member, for a partner's account page:
 * the address it goes to and whether it is confirmed (with a button sending the confirmation
 * again), and the optional mail they choose: a notice when a moderator hides one of their
 * comments, and the weekly digest of the most-voted new pain points in the domains they pick.
 * Account mail and registration notices are always sent. A reader who is not signed in is
 * offered the community's sign-in.
 *
 * @csspart base - The whole element.
 * @csspart heading - The heading.
 * @csspart sign-in - The sign-in button shown to a reader who is not signed in.
 * @csspart address - The address mail goes to and whether it is confirmed.
 * @csspart send-again - The button sending the confirmation mail again (unconfirmed address).
 * @csspart resend-status - What sending it again came to.
 * @csspart form - The form of the optional mail.
 * @csspart save - The save button.
 * @csspart status - The live region saying the choices are saved, or what went wrong.
 *
 * @cssproperty --wsc-color-primary - Accent colour of buttons, check boxes and focus.
 * @cssproperty --wsc-color-surface - Background.
 * @cssproperty --wsc-color-danger - Colour of errors and of the unconfirmed address.
 * @cssproperty --wsc-color-success - Colour of the confirmed address.
 * @cssproperty --wsc-font-family - Font of every text.
 * @cssproperty --wsc-radius - Corner radius.
 * @cssproperty --wsc-spacing - Base spacing.
 *
 * @event wsc-mail-preferences-saved - The member saved their choices; `detail.preferences` holds them as the API answered.
 */
export class WscMailPreferences extends WscElement {
  static override styles = [...WscElement.styles, panelStyles, mailPreferencesStyles];

  @state() private view: 'loading' | 'signed-out' | 'loaded' | 'error' = 'loading';
  @state() private failure: unknown;
  @state() private account: Account | undefined;
  @state() private preferences: NotificationPreferences | undefined;
  @state() private draft: Draft = { moderation: true, digest: false, digestDomains: new Set() };
  @state() private busy = false;
  @state() private saved = false;
  @state() private saveError = '';
  @state() private resendOutcome: ConfirmationResendOutcome | undefined;
  @state() private resendError = '';

  /** Bumped by every read, so that a late answer never overwrites a newer one. */
  #generation = 0;

  private readonly i18n = new Translator<MailPreferencesMessages>(this, {
    ar: () => import('./translations/ar'),
    zh: () => import('./translations/zh'),
    en: () => import('./translations/en'),
    fr: () => import('./translations/fr'),
    ru: () => import('./translations/ru'),
    es: () => import('./translations/es'),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // The sign-in dialog completed a confirmation link on this page: the address is confirmed now.
    window.addEventListener('wsc-email-confirmed', this.#reload);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('wsc-email-confirmed', this.#reload);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const member = ['apiUrl', 'publishableKey', 'token', 'getToken'].some((name) => changed.has(name));
    if (this.hasUpdated && member) void this.load();
  }

  protected override configurationChanged(): void {
    // A member signed in or out somewhere on the page.
    void this.load();
  }

  readonly #reload = () => void this.load();

  /** Reads the member's account and preferences; no member: the sign-in offer. */
  private async load(): Promise<void> {
    const generation = ++this.#generation;
    let token: string | undefined;
    try {
      token = await this.memberToken();
    } catch {
      // A partner's getToken that fails counts as no member rather than breaking the page.
    }
    if (generation !== this.#generation) return;
    if (!token) {
      this.view = 'signed-out';
      this.account = undefined;
      return;
    }
    try {
      const [me, preferences] = await Promise.all([
        this.client.me.get(),
        this.client.me.notificationPreferences.get(),
      ]);
      if (generation !== this.#generation) return;
      this.account = me.account;
      this.#show(preferences);
      this.view = 'loaded';
    } catch (error) {
      if (generation !== this.#generation) return;
      // A session that ended elsewhere (signed out, password reset) is no member.
      this.view = WscError.is(error) && error.status === 401 ? 'signed-out' : 'error';
      this.failure = error;
    }
  }

  #show(preferences: NotificationPreferences): void {
    this.preferences = preferences;
    this.draft = {
      moderation: preferences.moderation,
      digest: preferences.digest,
      digestDomains: new Set(preferences.digestDomains),
    };
  }

  readonly #signIn = async () => {
    // Signing in announces the new member, which reloads this element (configurationChanged).
    await this.ensureSignedIn();
  };

  readonly #sendAgain = async () => {
    if (this.busy) return;
    this.busy = true;
    this.resendOutcome = undefined;
    this.resendError = '';
    try {
      this.resendOutcome = await sendConfirmationAgain(this.client);
      if (this.resendOutcome === 'already-confirmed') void this.load();
    } catch (error) {
      this.resendError = this.i18n.t(errorMessageKey(error));
    } finally {
      this.busy = false;
    }
  };

  readonly #onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    this.saved = false;
    if (input.name === 'moderation') this.draft = { ...this.draft, moderation: input.checked };
    else if (input.name === 'digest') this.draft = { ...this.draft, digest: input.checked };
    else if (input.name === 'digestDomains') {
      const domains = new Set(this.draft.digestDomains);
      if (input.checked) domains.add(input.value);
      else domains.delete(input.value);
      this.draft = { ...this.draft, digestDomains: domains };
    }
  };

  readonly #save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.saved = false;
    this.saveError = '';
    const { moderation, digest, digestDomains } = this.draft;
    try {
      const preferences = await this.client.me.notificationPreferences.update({
        moderation,
        digest,
        // In the catalogue's order, whatever the order of the clicks.
        digestDomains: DOMAINS.filter((domain) => digestDomains.has(domain)),
      });
      this.#show(preferences);
      this.saved = true;
      this.emit<MailPreferencesSavedDetail>('wsc-mail-preferences-saved', { preferences });
    } catch (error) {
      this.saveError = this.i18n.t(errorMessageKey(error));
    } finally {
      this.busy = false;
    }
  };

  override render() {
    const i18n = this.i18n;
    if (!i18n.ready) return html`<div part="base" aria-busy="true"></div>`;
    const t = i18n.t.bind(i18n);
    return html`<section part="base" dir=${i18n.dir} lang=${i18n.lang} aria-labelledby="heading">
      <h2 part="heading" id="heading">${t('heading')}</h2>
      ${this.#content(t)}
    </section>`;
  }

  #content(t: Translator<MailPreferencesMessages>['t']) {
    if (this.view === 'loading') return html`<p class="muted" aria-busy="true">${t('loading')}</p>`;
    if (this.view === 'signed-out') {
      return html`<p>${t('signedOut')}</p>
        <button type="button" class="primary" part="sign-in" @click=${this.#signIn}>${t('signIn')}</button>`;
    }
    if (this.view === 'error' || !this.account || !this.preferences) {
      return html`<p class="error" role="alert">${t(errorMessageKey(this.failure))}</p>
        <button type="button" @click=${() => this.load()}>${t('retry')}</button>`;
    }
    return html`${this.#address(t, this.account)} ${this.#form(t, this.preferences)}`;
  }

  #address(t: Translator<MailPreferencesMessages>['t'], account: Account) {
    // `undefined` from a server that does not say: nothing to ask of the member.
    const unconfirmed = account.emailConfirmedAt === null;
    return html`<dl part="address">
        <div>
          <dt>${t('address')}</dt>
          <dd><bdi>${account.email}</bdi></dd>
        </div>
        <div>
          <dt>${t('addressState')}</dt>
          <dd class=${unconfirmed ? 'unconfirmed' : 'confirmed'}>${unconfirmed ? t('unconfirmed') : t('confirmed')}</dd>
        </div>
      </dl>
      ${
        unconfirmed
          ? html`<button type="button" part="send-again" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.#sendAgain}>
              ${t('sendAgain')}
            </button>`
          : nothing
      }
      <p part="resend-status" role="status">${this.resendOutcome ? t(RESEND_MESSAGES[this.resendOutcome]) : nothing}</p>
      ${this.resendError ? html`<p class="error" role="alert">${this.resendError}</p>` : nothing}`;
  }

  #form(t: Translator<MailPreferencesMessages>['t'], preferences: NotificationPreferences) {
    const draft = this.draft;
    const check = (name: string, value: string, checked: boolean, label: string) =>
      html`<label class="check">
        <input type="checkbox" name=${name} value=${value} .checked=${live(checked)} />
        <span>${label}</span>
      </label>`;
    return html`<form part="form" aria-busy=${this.busy ? 'true' : 'false'} @change=${this.#onChange} @submit=${this.#save}>
      <fieldset ?disabled=${preferences.partnerInformsYou} aria-describedby="always-sent">
        <legend>${t('optionalMail')}</legend>
        ${preferences.partnerInformsYou ? html`<p class="muted">${t('partnerInformsYou')}</p>` : nothing}
        ${check('moderation', 'on', draft.moderation, t('moderation'))}
        ${check('digest', 'on', draft.digest, t('digest'))}
        ${
          draft.digest
            ? html`<fieldset class="domains" aria-describedby="domains-hint">
                <legend>${t('digestDomains')}</legend>
                <p class="muted" id="domains-hint">${t('digestDomainsHint')}</p>
                ${DOMAINS.map((domain) =>
                  check(
                    'digestDomains',
                    domain,
                    draft.digestDomains.has(domain),
                    this.i18n.label('domains', domain),
                  ),
                )}
              </fieldset>`
            : nothing
        }
      </fieldset>
      <p class="muted" id="always-sent">${t('alwaysSent')}</p>
      <p part="status" role="status">${this.saved ? t('saved') : nothing}</p>
      ${this.saveError ? html`<p class="error" role="alert">${this.saveError}</p>` : nothing}
      ${
        preferences.partnerInformsYou
          ? nothing
          : html`<button type="submit" class="primary" part="save" aria-disabled=${this.busy ? 'true' : 'false'}>
              ${this.busy ? t('saving') : t('save')}
            </button>`
      }
    </form>`;
  }
}
