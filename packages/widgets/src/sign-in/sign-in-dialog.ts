import { define } from '../internal/define';
import { WscSignInDialog } from './sign-in-dialog.component';

export { WscSignInDialog };

define('wsc-sign-in-dialog', WscSignInDialog);

declare global {
  interface HTMLElementTagNameMap {
    'wsc-sign-in-dialog': WscSignInDialog;
  }
  interface HTMLElementEventMap {
    'wsc-signed-in': CustomEvent<{ joined: boolean }>;
    'wsc-email-confirmed': CustomEvent<Record<string, never>>;
  }
}
