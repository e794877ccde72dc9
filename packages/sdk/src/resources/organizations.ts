import {
  type Organization,
  type OrganizationListParamsInput,
  OrganizationSchema,
  PageSchema,
} from '@wsc/models';
import type { RequestOptions } from '../options';
import type { PagePromise } from '../page-promise';
import { endpoint, Resource } from '../resource';

/** Filters of `organizations.list`: `type`, `membership`, `country`, `q`, `limit`, `cursor`. */
export type OrganizationListParams = OrganizationListParamsInput;

const OrganizationPageSchema = PageSchema(OrganizationSchema);

/** `/v1/organizations`: cities, companies, standards bodies and others that members belong to. */
export class Organizations extends Resource {
  /**
   * Lists organizations.
   *
   * @example
   * const bodies = await client.organizations.list({ type: 'standards-body' });
   */
  list(params?: OrganizationListParams, options?: RequestOptions): PagePromise<Organization> {
    return this.paginate(endpoint`/v1/organizations`, OrganizationPageSchema, params, options);
  }

  /**
   * Fetches one organization.
   *
   * @example
   * const organization = await client.organizations.get(profile.organizationId);
   */
  get(id: string, options?: RequestOptions): Promise<Organization> {
    return this.client.request(
      { method: 'GET', ...endpoint`/v1/organizations/${id}`, schema: OrganizationSchema },
      options,
    );
  }
}
