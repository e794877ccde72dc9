import type { Event } from '@wsc/models';
import { define } from '../internal/define';
import { WscEventCard } from './event-card.component';

export { WscEventCard };

define('wsc-event-card', WscEventCard);

declare global {
  interface HTMLElementTagNameMap {
    'wsc-event-card': WscEventCard;
  }
  interface HTMLElementEventMap {
    /** The event was read; `detail.event` holds it as the API answered. */
    'wsc-event-loaded': CustomEvent<{ event: Event }>;
  }
}
