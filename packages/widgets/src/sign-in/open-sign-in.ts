import { WscClient } from '@wsc/sdk';
import { sessionToken, setSessionToken } from '../internal/config';
import { define } from '../internal/define';
import { chooseLanguage } from '../internal/i18n';
import { type JoinHandler, type SignInMode, WscSignInDialog } from './sign-in-dialog.component';

/** How the dialog opens: on which tab, and how joining is sent. */
export interface SignInOptions {
  /** The tab shown first (default `sign-in`). */
  mode?: SignInMode;
  /** Joins through another call than `auth.signup` (joining and registering in one step). */
  join?: JoinHandler;
}

/**
 * Opens the community's sign-in and join dialog beside `host`, in `host`'s language and with its
 * client, and resolves true once the reader signed in or joined (the token then lives in memory
 * through `setSessionToken`, never in storage), false when they closed it.
 *
 * @example
 * const { openSignIn } = await import('../sign-in/open-sign-in');
 * if (await openSignIn(this, this.client)) await this.vote();
 */
export async function openSignIn(
  host: HTMLElement,
  client: WscClient,
  options: SignInOptions = {},
): Promise<boolean> {
  // Defined here rather than by importing sign-in-dialog.ts: the package declares its sources free
  // of side effects, so bundlers would drop a bare import.
  define('wsc-sign-in-dialog', WscSignInDialog);
  const dialog = document.createElement('wsc-sign-in-dialog') as WscSignInDialog;
  const configured = (host as { configuredLanguage?: () => string | undefined }).configuredLanguage?.();
  dialog.lang = chooseLanguage(host, configured);
  dialog.apiClient = client;
  dialog.mode = options.mode ?? 'sign-in';
  dialog.joinHandler = options.join;
  // Beside the opener rather than at the end of <body>: the same ancestors, so the same theme.
  if (host.isConnected) host.after(dialog);
  else document.body.append(dialog);
  try {
    return await dialog.show();
  } finally {
    dialog.remove();
  }
}

/**
 * Signs out the member who signed in through the community's dialog: the token is forgotten at
 * once, and revoked on the server when `apiUrl` is given. A partner's token (`token`, `getToken`)
 * is the partner's to end.
 *
 * @example
 * await signOut({ apiUrl: 'https://community.example' });
 */
export async function signOut(options: { apiUrl?: string } = {}): Promise<void> {
  const token = sessionToken();
  setSessionToken(undefined);
  if (!token || !options.apiUrl) return;
  try {
    await new WscClient({ baseURL: options.apiUrl.replace(/\/+$/, ''), token }).auth.logout();
  } catch {
    // Forgotten here either way; the session then ends when it expires.
  }
}
