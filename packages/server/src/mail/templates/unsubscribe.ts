import type { MailRenderContext } from '../template-registry';

/**
 * The one-click unsubscribe URL of an optional mail: `POST` to it (RFC 8058) turns the kind off
 * without signing in. Built from `WSC_PUBLIC_URL`, never from a request.
 */
export function unsubscribeUrl(token: string, publicUrl: string): string {
  return `${publicUrl}/v1/unsubscribe?token=${encodeURIComponent(token)}`;
}

/**
 * The RFC 2369 and RFC 8058 headers every optional mail carries, so a mail program offers
 * "Unsubscribe" and posts `List-Unsubscribe=One-Click` to the link.
 *
 * @example
 * headers: (input, context) => unsubscribeHeaders(input, context),
 */
export function unsubscribeHeaders(
  input: { unsubscribeToken: string },
  context: MailRenderContext,
): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl(input.unsubscribeToken, context.publicUrl)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
