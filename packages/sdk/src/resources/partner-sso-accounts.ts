import {
  PartnerSsoAccountsSchema,
  type PartnerSsoAccounts as PartnerSsoAccountsSummary,
  type PartnerSsoSuspension,
  type PartnerSsoSuspensionCreate,
  PartnerSsoSuspensionSchema,
} from '@wsc/models/partner';
import type { ApiPromise } from '../api-promise';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';

/** Body of `partners.ssoAccounts.suspend`: why, for the audit log. */
export type PartnerSsoAccountSuspendParams = PartnerSsoSuspensionCreate;

/** `/v1/partners/{id}/sso-accounts` (admin): the accounts a partner minted through single sign-on. */
export class PartnerSsoAccounts extends Resource {
  /**
   * How many accounts the partner minted through SSO, how many are suspended, and their pain
   * points, votes, comments and reports. Admins only (`PermissionError` otherwise).
   *
   * @example
   * const { minted, activity } = await client.partners.ssoAccounts.retrieve(partnerId);
   * console.log(`${minted} accounts, ${activity.votes} votes`);
   */
  retrieve(partnerId: string, options?: RequestOptions): ApiPromise<PartnerSsoAccountsSummary> {
    return this.client.request(
      {
        method: 'GET',
        ...endpoint`/v1/partners/${partnerId}/sso-accounts`,
        schema: PartnerSsoAccountsSchema,
      },
      options,
    );
  }

  /**
   * Suspends every account the partner minted through SSO, in one step (audited): their session
   * and SSO tokens stop at once, a new sign-in of the same users is refused, and their votes are
   * withdrawn from the counts. A missing reason is a `ValidationError` naming `reason`.
   *
   * @example
   * const { suspendedAccounts, votesWithdrawn } = await client.partners.ssoAccounts.suspend(partnerId, {
   *   reason: 'Accounts minted in bulk to raise votes',
   * });
   */
  suspend(
    partnerId: string,
    params: PartnerSsoAccountSuspendParams,
    options?: RequestOptions,
  ): ApiPromise<PartnerSsoSuspension> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/partners/${partnerId}/sso-accounts/suspension`,
        body: params,
        schema: PartnerSsoSuspensionSchema,
      },
      options,
    );
  }
}
