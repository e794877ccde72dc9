import { define } from '../internal/define';
import { WscEventCard } from './event-card.component';

export { WscEventCard };

define('wsc-event-card', WscEventCard);

declare global {
  interface HTMLElementTagNameMap {
    'wsc-event-card': WscEventCard;
  }
}
