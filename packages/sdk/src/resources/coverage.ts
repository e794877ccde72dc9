import { type CoverageReport, CoverageReportSchema, type Domain } from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';

/** Filters of `coverage.get`: one `domain`, and `gapLimit` (default 100) for the gap list. */
export type CoverageGetParams = { domain?: Domain; gapLimit?: number };

/** `/v1/coverage`: how well standards cover the reported pain points, and the gaps. */
export class Coverage extends Resource {
  /**
   * Fetches the coverage report.
   *
   * @example
   * const report = await client.coverage.get({ domain: 'water' });
   * console.log(report.totals.none, 'pain points without any standard');
   */
  get(params?: CoverageGetParams, options?: RequestOptions): ApiPromise<CoverageReport> {
    return this.client.request(
      { method: 'GET', ...endpoint`/v1/coverage`, query: params, schema: CoverageReportSchema },
      options,
    );
  }
}
