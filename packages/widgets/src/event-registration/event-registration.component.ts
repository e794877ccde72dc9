import {
  type EligibilityClaim,
  type EligibilityDecision,
  type Event,
  isKnownWebhookEvent,
  MEMBERSHIP_BODIES,
  type Registration,
} from '@wsc/models';
import { type LiveEvent, WscError } from '@wsc/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { EventFollower } from '../event-card/event-follower';
import {
  formatDateRange,
  registrationPhase,
  registrationWindowText,
  seatsText,
} from '../event-card/schedule';
import { sessionToken, setSessionToken } from '../internal/config';
import { errorMessageKey, fieldErrors } from '../internal/errors';
import { Translator } from '../internal/i18n';
import { WscElement } from '../internal/wsc-element';
import { eventRegistrationStyles } from './event-registration.styles';
import type { EventRegistrationMessages } from './translations/en';

/** What a registration event carries. */
export interface RegistrationEventDetail {
  eventId: string;
  registration: Registration;
}

type MessageKey = Parameters<Translator<EventRegistrationMessages>['t']>[0];

/** Problems the server answers a registration with that this element words itself. */
const PROBLEM_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'not-eligible': 'notEligible',
  'registration-closed': 'registrationClosed',
  'registration-not-open': 'registrationNotOpen',
};

/** The claim fields, by the free-attendance basis that asks for them. */
const CLAIM_BASES = ['standards-body-member', 'invited', 'co-located-registrant'];

function isActive(registration: Registration | null | undefined): registration is Registration {
  return registration?.status === 'confirmed' || registration?.status === 'waitlisted';
}

/**
 * @tagname wsc-event-registration
 * @summary Registration for a community event: seats left (live), the registration window in the
 * reader's time zone, free attendance and the member's eligibility, registering (joining the
 * community in the same step when signed out), the member's registration (confirmed, or waitlisted
 * with a position, promoted live), cancelling with a confirmation, and an `.ics` download.
 *
 * @csspart base - The whole element.
 * @csspart seats - The seats left; carries `data-live` while live updates arrive.
 * @csspart window - When registration opens or closes.
 * @csspart eligibility - Free attendance and the member's eligibility.
 * @csspart claim - The invitation code, membership and co-located registration fields.
 * @csspart status - The member's registration.
 * @csspart register - The register button.
 * @csspart cancel - The cancel button.
 * @csspart confirm-cancel - The button confirming the cancellation.
 * @csspart keep - The button keeping the registration after all.
 * @csspart sign-out - The sign-out button, shown to a member signed in through the community's dialog.
 * @csspart calendar - The calendar download button.
 *
 * @cssproperty --wsc-color-primary - Accent colour of links and buttons.
 * @cssproperty --wsc-color-surface - Background.
 * @cssproperty --wsc-color-success - Colour of a confirmed registration.
 * @cssproperty --wsc-color-danger - Colour of error messages.
 * @cssproperty --wsc-font-family - Font of every text.
 * @cssproperty --wsc-radius - Corner radius.
 * @cssproperty --wsc-spacing - Base spacing.
 *
 * @event wsc-registered - The member registered; `detail.registration` is confirmed or waitlisted.
 * @event wsc-cancelled - The member cancelled; `detail.registration` is the cancelled registration.
 */
export class WscEventRegistration extends WscElement {
  static override styles = [...WscElement.styles, eventRegistrationStyles];

  /** The event's id or slug (`world-smart-city-forum-2016`). */
  @property() event = '';

  @state() private error: unknown;
  /** The member's registration: undefined while unknown, null when there is none (or no member). */
  @state() private registration: Registration | null | undefined;
  @state() private decision: EligibilityDecision | undefined;
  @state() private signedIn = false;
  @state() private busy = false;
  @state() private confirming = false;
  @state() private claimOpen = false;
  @state() private claimErrors: ReadonlyMap<string, string> = new Map();
  @state() private actionError = '';
  /** Set when a waitlisted registration was confirmed while the reader watched. */
  @state() private promoted = false;

  /** The event as read, then as updated live. */
  private get loaded(): Event | undefined {
    return this.follower.event;
  }

  private readonly follower = new EventFollower(
    this,
    () => this.client,
    (update) => this.#onLive(update),
  );
  #signingIn = false;
  /** Bumped by every read or write of the member's state, so a late answer never overwrites a newer one. */
  #generation = 0;

  private readonly i18n = new Translator<EventRegistrationMessages>(this, {
    ar: () => import('./translations/ar'),
    zh: () => import('./translations/zh'),
    en: () => import('./translations/en'),
    fr: () => import('./translations/fr'),
    ru: () => import('./translations/ru'),
    es: () => import('./translations/es'),
  });

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('event') || changed.has('apiUrl') || changed.has('publishableKey')) void this.load();
    else if (changed.has('token') || changed.has('getToken')) this.configurationChanged();
  }

  protected override configurationChanged(): void {
    if (!this.loaded) return;
    // A member signed in or out: their registration, eligibility and live credentials change.
    this.follower.follow();
    void this.#loadMember();
  }

  private async load(): Promise<void> {
    if (!this.event) return;
    this.error = undefined;
    this.follower.show(undefined);
    try {
      this.follower.show(await this.client.events.get(this.event));
      await this.#loadMember();
    } catch (error) {
      this.error = error;
    }
  }

  /** After the follower applied an update: a registration update may concern the member's own. */
  #onLive(update: LiveEvent): void {
    const mine = this.registration;
    if (!isKnownWebhookEvent(update) || !update.type.startsWith('registration.') || !isActive(mine)) return;
    // Promoted, or moved up the waitlist because someone ahead left: read it again.
    const data = update.data as { id?: string };
    if (mine.status === 'waitlisted' || data.id === mine.id) void this.#loadMember();
  }

  /** The member's token; a partner's `getToken` that fails counts as no member rather than breaking the page. */
  async #token(): Promise<string | undefined> {
    try {
      return await this.memberToken();
    } catch {
      return undefined;
    }
  }

  /** Reads who the member is, their registration and whether they attend for free. */
  async #loadMember(): Promise<void> {
    const event = this.loaded;
    if (!event) return;
    const generation = ++this.#generation;
    const before = this.registration;
    const token = await this.#token();
    let registration: Registration | null = null;
    try {
      if (token) registration = await this.client.events.registrations.get(event.id);
    } catch (error) {
      if (!WscError.is(error) || error.status !== 404) {
        if (generation === this.#generation) this.actionError = this.i18n.t(errorMessageKey(error));
        return;
      }
    }
    if (generation !== this.#generation) return;
    this.signedIn = Boolean(token);
    this.registration = registration;
    // Promoted while the reader watched: said until the registration changes again.
    this.promoted =
      registration?.status === 'confirmed' && (before?.status === 'waitlisted' || this.promoted);
    if (!isActive(registration)) await this.#checkEligibility(generation);
  }

  /** The claim the reader filled in (invitation code, membership, co-located registration). */
  #claim(): EligibilityClaim {
    const form = this.renderRoot.querySelector<HTMLFormElement>('form.claim');
    const values: Record<string, string> = {};
    if (form) for (const [name, value] of new FormData(form)) values[name] = String(value).trim();
    const claim: EligibilityClaim = {};
    if (values.invitationCode) claim.invitationCode = values.invitationCode;
    if (values.membershipBody) {
      claim.membership = {
        body: values.membershipBody as (typeof MEMBERSHIP_BODIES)[number],
        ...(values.memberCode ? { code: values.memberCode } : {}),
      };
    }
    if (values.coLocatedEvent) {
      claim.coLocatedRegistration = { eventCode: values.coLocatedEvent, reference: values.reference ?? '' };
    }
    return claim;
  }

  async #checkEligibility(generation = ++this.#generation): Promise<void> {
    const event = this.loaded;
    if (!event || event.freeAttendance.length === 0 || registrationPhase(event) !== 'open') return;
    const claim = { ...this.#claim(), ...(this.signedIn ? { communityMember: true } : { joiningNow: true }) };
    try {
      const decision = await this.client.events.eligibility.check(event.id, claim);
      if (generation !== this.#generation) return;
      this.decision = decision;
      this.claimErrors = new Map();
      if (!decision.eligible) this.claimOpen = true;
    } catch (error) {
      if (generation === this.#generation) this.#failed(error, '');
    }
  }

  readonly #onCheck = (event: SubmitEvent) => {
    event.preventDefault();
    this.actionError = '';
    void this.#checkEligibility();
  };

  readonly #register = async () => {
    const event = this.loaded;
    if (!event || this.busy) return;
    this.actionError = '';
    this.claimErrors = new Map();
    const claim = this.#claim();
    if (!(await this.#token())) return this.#joinAndRegister(event, claim);
    this.busy = true;
    // Reads begun before the write (a live update's) would show the state before it: drop them.
    ++this.#generation;
    try {
      const registration = await this.client.events.registrations.create(event.id, {
        claim: { ...claim, communityMember: true },
      });
      // The answer is the newest state; a read that started while the write ran is older than it.
      this.#registered(event, registration, ++this.#generation);
    } catch (error) {
      this.#failed(error, 'claim.');
    } finally {
      this.busy = false;
    }
  };

  /** Signed out: the dialog's join tab joins and registers in one request; its sign-in tab signs in first. */
  async #joinAndRegister(event: Event, claim: EligibilityClaim): Promise<void> {
    // Not `busy`: a disabled register button would lose the focus the dialog gives back to it.
    if (this.#signingIn) return;
    this.#signingIn = true;
    let created: Registration | undefined;
    try {
      const { openSignIn } = await import('../sign-in/open-sign-in');
      const signedIn = await openSignIn(this, this.client, {
        mode: 'join',
        join: {
          label: this.i18n.t('joinAndRegister'),
          join: async (signup) => {
            const { session, ...registration } = await this.client.events.registrations.create(event.id, {
              join: signup,
              claim,
            });
            created = registration;
            return session?.token ?? '';
          },
          errorMessage: (error) => this.#problemMessage(error),
        },
      });
      if (!signedIn) return;
      if (created) this.#registered(event, created, ++this.#generation);
    } finally {
      this.#signingIn = false;
    }
    if (!created && (await this.#token())) await this.#register();
  }

  #registered(event: Event, registration: Registration, generation: number): void {
    // Never keep the session a join answered with: the dialog handed it to the shared memory store.
    const { session: _session, ...stored } = registration as Registration & { session?: unknown };
    if (generation === this.#generation) {
      this.registration = stored;
      this.signedIn = true;
    }
    this.decision = undefined;
    this.promoted = false;
    this.emit<RegistrationEventDetail>('wsc-registered', { eventId: event.id, registration: stored });
    // The register button is gone: the focus goes to what replaced it rather than to the page.
    void this.#focus('[part~="cancel"]', true);
  }

  #problemMessage(error: unknown): string | undefined {
    const key = WscError.is(error) && error.code ? PROBLEM_MESSAGES[error.code] : undefined;
    return key ? this.i18n.t(key) : undefined;
  }

  #failed(error: unknown, prefix: string): void {
    const code = WscError.is(error) ? error.code : undefined;
    if (code === 'already-registered') {
      void this.#loadMember();
      return;
    }
    // A session of the community's dialog that lapsed: forget it, the next try opens the dialog.
    if (WscError.is(error) && error.status === 401 && sessionToken()) setSessionToken(undefined);
    const errors = new Map<string, string>();
    for (const [path, message] of fieldErrors(error, this.i18n.t.bind(this.i18n), this.i18n.lang)) {
      if (path.startsWith(prefix)) errors.set(path.slice(prefix.length), message);
    }
    this.claimErrors = errors;
    if (errors.size > 0 || code === 'not-eligible') this.claimOpen = true;
    this.actionError =
      errors.size > 0
        ? this.i18n.t('form.errorSummary', { count: errors.size })
        : (this.#problemMessage(error) ?? this.i18n.t(errorMessageKey(error)));
  }

  /** Focuses a control once rendered; with `ifLost`, only when the focus fell back to the page. */
  async #focus(selector: string, ifLost = false): Promise<void> {
    await this.updateComplete;
    if (ifLost && document.activeElement && document.activeElement !== document.body) return;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  readonly #askToCancel = () => {
    this.confirming = true;
    void this.#focus('[part~="keep"]');
  };

  readonly #keep = () => {
    this.confirming = false;
    void this.#focus('[part~="cancel"]');
  };

  readonly #cancel = async () => {
    const event = this.loaded;
    if (!event || this.busy) return;
    this.busy = true;
    this.actionError = '';
    ++this.#generation;
    try {
      const registration = await this.client.events.registrations.cancel(event.id);
      // The answer is the newest state: a read that started while the write ran (a live update
      // about this very cancellation, say) is older than it and is dropped.
      ++this.#generation;
      this.registration = registration;
      this.confirming = false;
      this.promoted = false;
      this.emit<RegistrationEventDetail>('wsc-cancelled', { eventId: event.id, registration });
      void this.#checkEligibility();
      await this.#focus('[part~="register"]');
    } catch (error) {
      this.#failed(error, '');
    } finally {
      this.busy = false;
    }
  };

  readonly #downloadCalendar = async () => {
    const event = this.loaded;
    if (!event) return;
    this.actionError = '';
    try {
      const text = await this.client.events.calendar(event.id);
      const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${event.slug}.ics`;
      link.hidden = true;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      // Revoked once the browser has started the download from it.
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      this.actionError = this.i18n.t(errorMessageKey(error));
    }
  };

  readonly #signOut = async () => {
    const { signOut } = await import('../sign-in/open-sign-in');
    await signOut({ apiUrl: this.config().apiUrl });
  };

  #statusText(): string {
    const registration = this.registration;
    switch (registration?.status) {
      case 'confirmed':
        return this.i18n.t(this.promoted ? 'promoted' : 'confirmed');
      case 'waitlisted':
        return this.i18n.t('waitlisted', { position: registration.waitlistPosition ?? 0 });
      case 'cancelled':
        return this.i18n.t('cancelled');
      default:
        return '';
    }
  }

  #field(
    name: string,
    label: string,
    control: (id: string, describedBy: string | typeof nothing, invalid: boolean) => TemplateResult,
  ) {
    const id = `claim-${name}`;
    const error = this.claimErrors.get(name);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${control(id, error ? `${id}-error` : nothing, Boolean(error))}
      ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  #textField(name: string, path: string, label: string) {
    return this.#field(
      path,
      label,
      (id, describedBy, invalid) => html`<input
      id=${id}
      name=${name}
      autocomplete="off"
      aria-invalid=${invalid ? 'true' : nothing}
      aria-describedby=${describedBy}
    />`,
    );
  }

  #selectField(
    name: string,
    path: string,
    label: string,
    options: readonly { value: string; label: string }[],
  ) {
    return this.#field(
      path,
      label,
      (id, describedBy, invalid) => html`<select
      id=${id}
      name=${name}
      aria-invalid=${invalid ? 'true' : nothing}
      aria-describedby=${describedBy}
    >
      <option value="">${this.i18n.t('none')}</option>
      ${options.map((option) => html`<option value=${option.value}>${option.label}</option>`)}
    </select>`,
    );
  }

  #claimForm(event: Event) {
    const offered = new Set<string>(event.freeAttendance);
    if (!CLAIM_BASES.some((basis) => offered.has(basis))) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    return html`<details part="claim" ?open=${this.claimOpen} @toggle=${(toggle: ToggleEvent) => {
      this.claimOpen = (toggle.target as HTMLDetailsElement).open;
    }}>
      <summary>${t('claim')}</summary>
      <form class="claim" novalidate @submit=${this.#onCheck}>
        ${offered.has('invited') ? this.#textField('invitationCode', 'invitationCode', t('invitationCode')) : nothing}
        ${
          offered.has('standards-body-member')
            ? html`${this.#selectField(
                'membershipBody',
                'membership.body',
                t('membershipBody'),
                MEMBERSHIP_BODIES.map((body) => ({ value: body, label: body })),
              )}${this.#textField('memberCode', 'membership.code', t('memberCode'))}`
            : nothing
        }
        ${
          offered.has('co-located-registrant') && event.coLocatedEvents.length > 0
            ? html`${this.#selectField(
                'coLocatedEvent',
                'coLocatedRegistration.eventCode',
                t('coLocatedEvent'),
                event.coLocatedEvents.map((coLocated) => ({ value: coLocated.code, label: coLocated.name })),
              )}${this.#textField('reference', 'coLocatedRegistration.reference', t('reference'))}`
            : nothing
        }
        <button type="submit">${t('check')}</button>
      </form>
    </details>`;
  }

  #eligibility(event: Event, open: boolean) {
    if (event.freeAttendance.length === 0) return nothing;
    const i18n = this.i18n;
    const decision = this.decision;
    let verdict = '';
    if (open && decision && !isActive(this.registration)) {
      if (!decision.eligible) verdict = i18n.t('notEligible');
      else if (!this.signedIn && decision.basis === 'community-member') verdict = i18n.t('eligibleJoining');
      else verdict = i18n.t('eligible', { basis: i18n.label('eligibilityBases', decision.basis ?? '') });
    }
    return html`<div part="eligibility">
      <p>${i18n.t('freeFor')}</p>
      <ul>
        ${event.freeAttendance.map((basis) => html`<li>${i18n.label('eligibilityBases', basis)}</li>`)}
      </ul>
      <p role="status">${verdict}</p>
      ${open && !isActive(this.registration) ? this.#claimForm(event) : nothing}
    </div>`;
  }

  #actions(open: boolean) {
    const t = this.i18n.t.bind(this.i18n);
    const registration = this.registration;
    const calendar = html`<button type="button" part="calendar" @click=${this.#downloadCalendar}>${t('calendar')}</button>`;
    const signOut = sessionToken()
      ? html`<button type="button" part="sign-out" @click=${this.#signOut}>${t('signOut')}</button>`
      : nothing;
    if (isActive(registration)) {
      if (this.confirming) {
        return html`<div class="confirm" role="group" aria-labelledby="cancel-question">
          <p id="cancel-question">${t('cancelQuestion')}</p>
          <div class="actions">
            <button type="button" class="primary" part="confirm-cancel" ?disabled=${this.busy} @click=${this.#cancel}>
              ${t('confirmCancel')}
            </button>
            <button type="button" part="keep" @click=${this.#keep}>${t('keep')}</button>
          </div>
        </div>`;
      }
      return html`<div class="actions">
        <button type="button" part="cancel" @click=${this.#askToCancel}>${t('cancelRegistration')}</button>
        ${calendar} ${signOut}
      </div>`;
    }
    return html`<div class="actions">
      ${
        open && registration !== undefined
          ? html`<button type="button" class="primary" part="register" ?disabled=${this.busy} @click=${this.#register}>
            ${t('register')}
          </button>`
          : nothing
      }
      ${calendar} ${signOut}
    </div>`;
  }

  override render() {
    const i18n = this.i18n;
    if (!i18n.ready) return html`<div part="base" aria-busy="true"></div>`;
    if (this.error) {
      return html`<div part="base" dir=${i18n.dir} lang=${i18n.lang}>
        <p class="error" role="alert">${i18n.t(errorMessageKey(this.error))}</p>
        <button type="button" @click=${() => this.load()}>${i18n.t('retry')}</button>
      </div>`;
    }
    const event = this.loaded;
    if (!event) {
      return html`<div part="base" dir=${i18n.dir} lang=${i18n.lang} aria-busy="true">
        <p class="muted">${i18n.t('loading')}</p>
      </div>`;
    }
    const name = i18n.text(event.name);
    const open = registrationPhase(event) === 'open';
    const seats = seatsText(this.i18n, this.follower.seats);
    return html`<section
      part="base"
      dir=${i18n.dir}
      lang=${i18n.lang}
      aria-labelledby="heading"
      aria-busy=${this.busy || this.registration === undefined ? 'true' : 'false'}
    >
      <h2 id="heading">${i18n.t('heading')}</h2>
      <p class="muted event">
        <span lang=${name.lang}>${name.text}</span>
        <time datetime=${event.startsAt}>${formatDateRange(i18n.lang, event.startsAt, event.endsAt)}</time>
      </p>
      <p part="seats" role="status" ?data-live=${this.follower.live} ?hidden=${!seats}>${seats}</p>
      <p part="window">${registrationWindowText(i18n, event)}</p>
      ${this.#eligibility(event, open)}
      <p part="status" role="status" class=${this.registration?.status ?? ''}>${this.#statusText()}</p>
      ${this.#actions(open)}
      ${this.actionError ? html`<p class="error" role="alert">${this.actionError}</p>` : nothing}
    </section>`;
  }
}
