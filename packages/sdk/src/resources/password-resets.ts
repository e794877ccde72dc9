import {
  type PasswordResetComplete,
  type PasswordResetRequest,
  type Session,
  SessionSchema,
} from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';

/** Body of `auth.passwordResets.create`: the address to send the reset mail to. */
export type PasswordResetCreateParams = PasswordResetRequest;
/** Body of `auth.passwordResets.complete`: the token from the mail and the new password. */
export type PasswordResetCompleteParams = PasswordResetComplete;

/** `/v1/auth/password-resets`: a forgotten password, reset through a mailed link. */
export class PasswordResets extends Resource {
  /**
   * Asks for a reset mail. Resolves the same way whether or not an account has the address
   * (the server answers 202 either way); 429 past the hourly limit per address or client.
   *
   * @example
   * await client.auth.passwordResets.create({ email: 'amina@example.org' });
   */
  create(params: PasswordResetCreateParams, options?: RequestOptions): ApiPromise<void> {
    return this.client.request<void>(
      { method: 'POST', ...endpoint`/v1/auth/password-resets`, body: params },
      options,
    );
  }

  /**
   * Sets a new password with the token of the reset mail; every other session of the account
   * ends and a new session token is returned. 422 `mail-token-invalid` for an unknown, used or
   * expired token.
   *
   * @example
   * const session = await client.auth.passwordResets.complete({ token, password: 'a new passphrase' });
   */
  complete(params: PasswordResetCompleteParams, options?: RequestOptions): ApiPromise<Session> {
    return this.client.request(
      { method: 'POST', ...endpoint`/v1/auth/password-resets/complete`, body: params, schema: SessionSchema },
      options,
    );
  }
}
