import { PageSchema, type Standard, type StandardListParamsInput, StandardSchema } from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { RequestOptions } from '../options';
import type { PagePromise } from '../page-promise';
import { endpoint, Resource } from '../resource';

/** Filters of `standards.list`: `body`, `committee`, `domain`, `status`, `q`, `limit`, `cursor`. */
export type StandardListParams = StandardListParamsInput;

const StandardPageSchema = PageSchema(StandardSchema);

/** `/v1/standards`: the IEC, ISO and ITU catalogue. */
export class Standards extends Resource {
  /**
   * Lists standards.
   *
   * @example
   * const page = await client.standards.list({ body: 'ITU', domain: 'ict-infrastructure' });
   */
  list(params?: StandardListParams, options?: RequestOptions): PagePromise<Standard> {
    return this.paginate(endpoint`/v1/standards`, StandardPageSchema, params, options);
  }

  /**
   * Fetches one standard by id (`iso-37120-2018`).
   *
   * @example
   * const standard = await client.standards.get('iso-37120-2018');
   */
  get(id: string, options?: RequestOptions): ApiPromise<Standard> {
    return this.client.request(
      { method: 'GET', ...endpoint`/v1/standards/${id}`, schema: StandardSchema },
      options,
    );
  }
}
