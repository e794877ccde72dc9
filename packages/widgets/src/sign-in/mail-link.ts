// The links of account mail to a partner's page: `<page>#wsc-confirm-email=<token>` and
// `<page>#wsc-reset-password=<token>` (the server writes them for a partner that configured an
// account page). The token sits in the fragment, which browsers never send to a server.

/** What a mail link asks for: confirming the address, or choosing a new password. */
export type MailLinkAction = 'confirm-email' | 'reset-password';

/** A mail link's fragment; shared with the embed script, which opens the dialog when it sees one. */
export const MAIL_LINK_FRAGMENT = /^#wsc-(confirm-email|reset-password)=([^&]+)/;

/** The action and token of the page's mail link. */
export interface MailLink {
  action: MailLinkAction;
  token: string;
}

/**
 * Reads the page's mail link and removes it from the address bar (`history.replaceState`), so
 * the token is neither bookmarked, shared nor taken twice; the caller keeps it in memory.
 * `undefined` when the page has none.
 *
 * @example
 * const link = takeMailLink();
 * if (link?.action === 'confirm-email') await client.auth.emailConfirmations.complete({ token: link.token });
 */
export function takeMailLink(): MailLink | undefined {
  const match = MAIL_LINK_FRAGMENT.exec(window.location.hash);
  if (!match) return undefined;
  let token: string;
  try {
    token = decodeURIComponent(match[2] as string);
  } catch {
    token = match[2] as string;
  }
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', pathname + search);
  return { action: match[1] as MailLinkAction, token };
}
