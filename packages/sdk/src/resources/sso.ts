import { type SsoToken, type SsoTokenCreate, SsoTokenSchema } from '@wsc/models/partner';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';

/** Body of `sso.createToken`: the partner's own signed-in user. */
export type SsoCreateTokenParams = SsoTokenCreate;

/** `/v1/sso/tokens`: partner single sign-on (server side, secret key). */
export class Sso extends Resource {
  /**
   * Mints a short-lived user token for a user the partner has signed in; hand it to the page.
   *
   * @example
   * const server = new WscClient({ baseURL, secretKey: process.env.WSC_SECRET_KEY });
   * const { token } = await server.sso.createToken({
   *   externalUserId: user.id,
   *   email: user.email,
   *   displayName: user.name,
   * });
   */
  createToken(params: SsoCreateTokenParams, options?: RequestOptions): Promise<SsoToken> {
    return this.client.request(
      { method: 'POST', ...endpoint`/v1/sso/tokens`, body: params, schema: SsoTokenSchema },
      options,
    );
  }
}
