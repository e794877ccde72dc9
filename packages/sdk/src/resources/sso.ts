import { type SsoToken, type SsoTokenCreate, SsoTokenSchema } from '@wsc/models/partner';
import type { ApiPromise } from '../api-promise';
import type { WscClient } from '../client';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';

/** Body of `sso.tokens.create`: the partner's own signed-in user. */
export type SsoTokenCreateParams = SsoTokenCreate;

/** `/v1/sso`: partner single sign-on (server side, secret key). */
export class Sso extends Resource {
  /** `/v1/sso/tokens`: short-lived user tokens for the partner's signed-in users. */
  readonly tokens: SsoTokens;

  constructor(client: WscClient) {
    super(client);
    this.tokens = new SsoTokens(client);
  }
}

/** `/v1/sso/tokens`: short-lived user tokens for the partner's signed-in users. */
export class SsoTokens extends Resource {
  /**
   * Mints a short-lived user token for a user the partner has signed in; hand it to the page.
   *
   * @example
   * const server = new WscClient({ baseURL, secretKey: process.env.WSC_SECRET_KEY });
   * const { token } = await server.sso.tokens.create({
   *   externalUserId: user.id,
   *   email: user.email,
   *   displayName: user.name,
   * });
   */
  create(params: SsoTokenCreateParams, options?: RequestOptions): ApiPromise<SsoToken> {
    return this.client.request(
      { method: 'POST', ...endpoint`/v1/sso/tokens`, body: params, schema: SsoTokenSchema },
      options,
    );
  }
}
