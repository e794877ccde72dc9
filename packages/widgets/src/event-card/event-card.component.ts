import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { errorMessageKey } from '../internal/errors';
import { Translator } from '../internal/i18n';
import { WscElement } from '../internal/wsc-element';
import { eventCardStyles } from './event-card.styles';
import { EventFollower } from './event-follower';
import { formatDateRange, registrationWindowText, seatsText } from './schedule';
import type { EventCardMessages } from './translations/en';

/**
 * @tagname wsc-event-card
 * @summary A community event (the World Smart City Forum): its name, when it happens in the
 * reader's own time zone, where, the seats left (live) and when registration opens or closes.
 *
 * @csspart base - The card.
 * @csspart name - The event's name.
 * @csspart seats - The seats left, updated live; carries `data-live` while live updates arrive.
 * @csspart registration - When registration opens or closes, in the reader's time zone.
 *
 * @cssproperty --wsc-color-primary - Accent colour of links and buttons.
 * @cssproperty --wsc-color-surface - Background of the card.
 * @cssproperty --wsc-font-family - Font of every text.
 * @cssproperty --wsc-radius - Corner radius.
 * @cssproperty --wsc-spacing - Base spacing.
 *
 * @event wsc-event-loaded - The event was read; `detail.event` holds it.
 */
export class WscEventCard extends WscElement {
  static override styles = [...WscElement.styles, eventCardStyles];

  /** The event's id or slug (`world-smart-city-forum-2016`). */
  @property() event = '';

  @state() private error: unknown;

  private readonly follower = new EventFollower(this, () => this.client);

  private readonly i18n = new Translator<EventCardMessages>(this, {
    ar: () => import('./translations/ar'),
    zh: () => import('./translations/zh'),
    en: () => import('./translations/en'),
    fr: () => import('./translations/fr'),
    ru: () => import('./translations/ru'),
    es: () => import('./translations/es'),
  });

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('event') || changed.has('apiUrl') || changed.has('publishableKey')) void this.load();
  }

  private async load(): Promise<void> {
    if (!this.event) return;
    this.error = undefined;
    try {
      const event = await this.client.events.get(this.event);
      this.follower.show(event);
      this.emit('wsc-event-loaded', { event });
    } catch (error) {
      this.error = error;
    }
  }

  override render() {
    const i18n = this.i18n;
    if (!i18n.ready) return html`<div part="base" aria-busy="true"></div>`;
    if (this.error) {
      return html`<div part="base" dir=${i18n.dir} lang=${i18n.lang}>
        <p class="error" role="alert">${i18n.t(errorMessageKey(this.error))}</p>
        <button @click=${() => this.load()}>${i18n.t('retry')}</button>
      </div>`;
    }
    const { event, seats: counted, live } = this.follower;
    if (!event) {
      return html`<div part="base" dir=${i18n.dir} lang=${i18n.lang} aria-busy="true">
        <p class="muted">${i18n.t('loading')}</p>
      </div>`;
    }
    const name = i18n.text(event.name);
    const when = formatDateRange(i18n.lang, event.startsAt, event.endsAt);
    const seats = seatsText(this.i18n, counted);
    return html`<article part="base" dir=${i18n.dir} lang=${i18n.lang}>
      <h2 part="name" lang=${name.lang}>${name.text}</h2>
      <p><span class="muted">${i18n.t('when')}</span> <time datetime=${event.startsAt}>${when}</time></p>
      <p>
        <span class="muted">${i18n.t('where')}</span>
        ${i18n.place(event.venue, event.city, i18n.region(event.country))}
      </p>
      <p part="seats" role="status" ?data-live=${live} ?hidden=${!seats}>${seats}</p>
      <p part="registration">${registrationWindowText(i18n, event)}</p>
    </article>`;
  }
}
