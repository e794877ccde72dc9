import {
  type PartnerAccountPage,
  type Partner as PartnerBody,
  type PartnerMailPolicy,
  PartnerSchema,
  type PartnerStats,
  type PartnerStatsParams as PartnerStatsQuery,
  PartnerStatsSchema,
} from '@wsc/models/partner';
import type { ApiPromise } from '../api-promise';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';

/** Body of `partner.setMailPolicy`. */
export type PartnerMailPolicyParams = PartnerMailPolicy;

/** Body of `partner.setAccountPage`: the page's URL, or null for the community's own pages. */
export type PartnerAccountPageParams = PartnerAccountPage;

/** Window of `partner.stats`: ISO date-times with an offset, `from` included, `to` excluded. */
export type PartnerStatsParams = PartnerStatsQuery;

/** `/v1/partners/me`: the calling partner application (secret key). */
export class Partner extends Resource {
  /**
   * Counts what came through the partner application in the half-open window `[from, to)`:
   * sign-ups, pain points, votes, comments and registrations. Without `to` the window ends now;
   * without `from` it starts 30 days before `to`; it may span at most 366 days. Needs a secret
   * key with the `stats` scope (`AuthenticationError` without one, `PermissionError` without the
   * scope); a window out of order or too long is a `ValidationError` naming `from`.
   *
   * @example
   * const lastThirtyDays = await client.partner.stats();
   * const july = await client.partner.stats({
   *   from: '2016-07-01T00:00:00+08:00',
   *   to: '2016-08-01T00:00:00+08:00',
   * });
   * console.log(july.signups, july.painPoints, july.registrations);
   */
  stats(params?: PartnerStatsParams, options?: RequestOptions): ApiPromise<PartnerStats> {
    return this.client.request(
      {
        method: 'GET',
        ...endpoint`/v1/partners/me/stats`,
        query: { from: params?.from, to: params?.to },
        schema: PartnerStatsSchema,
      },
      options,
    );
  }

  /**
   * Stops (or restarts) the community's mail to members who came through your single sign-on,
   * when you tell them yourself from the webhooks. Account mail still reaches members who also
   * have a community password. Needs a secret key with the `mail-policy` scope, which an admin
   * grants (`PermissionError` without it); the change is audited.
   *
   * @example
   * await client.partner.setMailPolicy({ communityMailSuppressed: true });
   */
  setMailPolicy(params: PartnerMailPolicyParams, options?: RequestOptions): ApiPromise<PartnerBody> {
    return this.client.request(
      { method: 'PUT', ...endpoint`/v1/partners/me/mail-policy`, body: params, schema: PartnerSchema },
      options,
    );
  }

  /**
   * Leads the confirmation and password-reset mail of your members (those who signed up with
   * your keys or sign in with your single sign-on) to your own page embedding the widgets:
   * `<url>#wsc-confirm-email=<token>` or `#wsc-reset-password=<token>`, which the embed script
   * completes. The page must be https (plain http only on localhost) and its origin one of your
   * publishable keys' allowed origins (`ValidationError` naming `url` otherwise); `null` goes back
   * to the community's pages. While the page's origin is no longer one of your usable keys' (a
   * revoked key) mail leads to the community's pages. Needs a secret key with the `mail-policy`
   * scope, which an admin grants (`PermissionError` without it); the change is audited.
   *
   * @example
   * await client.partner.setAccountPage({ url: 'https://www.iec.ch/community' });
   */
  setAccountPage(params: PartnerAccountPageParams, options?: RequestOptions): ApiPromise<PartnerBody> {
    return this.client.request(
      { method: 'PUT', ...endpoint`/v1/partners/me/account-page`, body: params, schema: PartnerSchema },
      options,
    );
  }
}
