import { define } from '../internal/define';
import { type RegistrationEventDetail, WscEventRegistration } from './event-registration.component';

export type { RegistrationEventDetail };
export { WscEventRegistration };

define('wsc-event-registration', WscEventRegistration);

declare global {
  interface HTMLElementTagNameMap {
    'wsc-event-registration': WscEventRegistration;
  }
  interface HTMLElementEventMap {
    'wsc-registered': CustomEvent<RegistrationEventDetail>;
    'wsc-cancelled': CustomEvent<RegistrationEventDetail>;
  }
}
