import { type EmailConfirmation, type EmailConfirmationComplete, EmailConfirmationSchema } from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';

/** Body of `auth.emailConfirmations.complete`: the token from the mail's link. */
export type EmailConfirmationCompleteParams = EmailConfirmationComplete;

/** `/v1/auth/email-confirmations`: proving a member's address with a mailed link. */
export class EmailConfirmations extends Resource {
  /**
   * Sends the confirmation mail of the signed-in member's address again (409
   * `email-already-confirmed` when it is confirmed; 429 past the hourly limit).
   *
   * @example
   * await member.auth.emailConfirmations.create();
   */
  create(options?: RequestOptions): ApiPromise<void> {
    return this.client.request<void>({ method: 'POST', ...endpoint`/v1/auth/email-confirmations` }, options);
  }

  /**
   * Confirms the address with the token of the confirmation mail (the link's `#token=` part);
   * 422 `mail-token-invalid` for an unknown, used or expired token.
   *
   * @example
   * const token = new URLSearchParams(location.hash.slice(1)).get('token');
   * const { emailConfirmedAt } = await client.auth.emailConfirmations.complete({ token });
   */
  complete(params: EmailConfirmationCompleteParams, options?: RequestOptions): ApiPromise<EmailConfirmation> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/auth/email-confirmations/complete`,
        body: params,
        schema: EmailConfirmationSchema,
      },
      options,
    );
  }
}
