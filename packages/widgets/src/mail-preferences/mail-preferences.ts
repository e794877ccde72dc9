import { define } from '../internal/define';
import { type MailPreferencesSavedDetail, WscMailPreferences } from './mail-preferences.component';

export { type MailPreferencesSavedDetail, WscMailPreferences };

define('wsc-mail-preferences', WscMailPreferences);

declare global {
  interface HTMLElementTagNameMap {
    'wsc-mail-preferences': WscMailPreferences;
  }
  interface HTMLElementEventMap {
    'wsc-mail-preferences-saved': CustomEvent<MailPreferencesSavedDetail>;
  }
}
