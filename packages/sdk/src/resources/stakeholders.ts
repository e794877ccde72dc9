import {
  PageSchema,
  type Stakeholder,
  type StakeholderListParamsInput,
  StakeholderSchema,
} from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { RequestOptions } from '../options';
import type { PagePromise } from '../page-promise';
import { endpoint, Resource } from '../resource';

/** Filters of `stakeholders.list`: `role`, `country`, `organization`, `q`, `limit`, `cursor`. */
export type StakeholderListParams = StakeholderListParamsInput;

const StakeholderPageSchema = PageSchema(StakeholderSchema);

/** `/v1/stakeholders`: public profiles of community members. */
export class Stakeholders extends Resource {
  /**
   * Lists public profiles.
   *
   * @example
   * const planners = await client.stakeholders.list({ role: 'urban-planner', country: 'CH' });
   */
  list(params?: StakeholderListParams, options?: RequestOptions): PagePromise<Stakeholder> {
    return this.paginate(endpoint`/v1/stakeholders`, StakeholderPageSchema, params, options);
  }

  /**
   * Fetches one public profile.
   *
   * @example
   * const author = await client.stakeholders.get(painPoint.authorId);
   */
  get(id: string, options?: RequestOptions): ApiPromise<Stakeholder> {
    return this.client.request(
      { method: 'GET', ...endpoint`/v1/stakeholders/${id}`, schema: StakeholderSchema },
      options,
    );
  }
}
