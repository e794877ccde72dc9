import type { MailRenderContext } from '../template-registry';

/** What an account-mail link asks for, with its page on the community site and its fragment on a partner's. */
const ACTIONS = {
  'confirm-email': { communityPath: '/account/confirm-email', fragment: 'wsc-confirm-email' },
  'reset-password': { communityPath: '/account/reset-password', fragment: 'wsc-reset-password' },
} as const;

export type AccountLinkAction = keyof typeof ACTIONS;

/**
 * The link of a confirmation or password-reset mail. With the partner's account page decided when
 * the mail was queued (`accountPageOf`): that page with `#wsc-confirm-email=<token>` or
 * `#wsc-reset-password=<token>` (its query kept, any fragment replaced), which the embed script
 * and `<wsc-sign-in-dialog>` complete. Without: the community's own page under `WSC_PUBLIC_URL`.
 * Never the request's Host. The token always sits after `#`: browsers never send the fragment to
 * a server or in a Referer.
 *
 * @example
 * accountLink(context, 'reset-password', { token, accountPage: 'https://www.iec.ch/community?tab=me' });
 * // 'https://www.iec.ch/community?tab=me#wsc-reset-password=…'
 */
export function accountLink(
  { publicUrl, language }: MailRenderContext,
  action: AccountLinkAction,
  input: { token: string; accountPage?: string | null | undefined },
): string {
  const token = encodeURIComponent(input.token);
  if (input.accountPage) {
    const page = new URL(input.accountPage);
    page.hash = '';
    return `${page.href}#${ACTIONS[action].fragment}=${token}`;
  }
  return `${publicUrl}${ACTIONS[action].communityPath}?lang=${language}#token=${token}`;
}
