import { type PartnerStats, PartnerStatsSchema } from '@wsc/models/partner';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';

/** `/v1/partners/me`: the calling partner application (secret key). */
export class Partner extends Resource {
  /**
   * Counts what came through the partner: sign-ups, pain points, votes, comments, registrations.
   *
   * @example
   * const stats = await client.partner.stats();
   */
  stats(options?: RequestOptions): Promise<PartnerStats> {
    return this.client.request(
      { method: 'GET', ...endpoint`/v1/partners/me/stats`, schema: PartnerStatsSchema },
      options,
    );
  }
}
