import {
  type Membership,
  type MembershipListParamsInput,
  type MembershipRequest,
  MembershipSchema,
  type MembershipUpdate,
  type Organization,
  type OrganizationListParamsInput,
  OrganizationSchema,
  type OrganizationUpdate,
  PageSchema,
} from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { WscClient } from '../client';
import type { RequestOptions } from '../options';
import type { PagePromise } from '../page-promise';
import { endpoint, Resource } from '../resource';

/** Filters of `organizations.list`: `type`, `membership`, `country`, `q`, `limit`, `cursor`. */
export type OrganizationListParams = OrganizationListParamsInput;

/** Body of `organizations.update` (admin): the verified e-mail domains. */
export type OrganizationUpdateParams = OrganizationUpdate;

/** Body of `organizations.membershipRequests.create`: an optional word to the managers. */
export type OrganizationMembershipRequestCreateParams = MembershipRequest;

/** Filters of `organizations.memberships.list`: `status`, `limit`, `cursor`. */
export type OrganizationMembershipListParams = MembershipListParamsInput;

/** Body of `organizations.memberships.update`: a decision (`status`) and/or a `role`. */
export type OrganizationMembershipUpdateParams = MembershipUpdate;

const OrganizationPageSchema = PageSchema(OrganizationSchema);
const MembershipPageSchema = PageSchema(MembershipSchema);

/** `/v1/organizations/{id}/membership-requests`: a member asks to join. */
export class OrganizationMembershipRequests extends Resource {
  /**
   * Asks to join the organization as the signed-in member. The answer is `pending` until the
   * organization's managers decide (or `approved` at once for a confirmed address on one of its
   * verified domains); asking again answers the request as it stands.
   *
   * @example
   * const membership = await client.organizations.membershipRequests.create('iec', { note: 'IEC SyC Smart Cities' });
   */
  create(
    organizationId: string,
    params: OrganizationMembershipRequestCreateParams = {},
    options?: RequestOptions,
  ): ApiPromise<Membership> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/organizations/${organizationId}/membership-requests`,
        body: params,
        schema: MembershipSchema,
      },
      options,
    );
  }
}

/** `/v1/organizations/{id}/memberships`: the organization's managers and admins decide on members. */
export class OrganizationMemberships extends Resource {
  /**
   * Lists the organization's requests and members, oldest request first (managers and admins).
   *
   * @example
   * for await (const request of client.organizations.memberships.list('iec', { status: 'pending' })) console.log(request.displayName);
   */
  list(
    organizationId: string,
    params?: OrganizationMembershipListParams,
    options?: RequestOptions,
  ): PagePromise<Membership> {
    return this.paginate(
      endpoint`/v1/organizations/${organizationId}/memberships`,
      MembershipPageSchema,
      params,
      options,
    );
  }

  /**
   * Approves, refuses or removes a member, or names or dismisses a manager (managers and admins;
   * an admin may add someone who never asked, which is how an organization gets its first
   * managers).
   *
   * @example
   * await client.organizations.memberships.update('iec', accountId, { status: 'approved', role: 'manager' });
   */
  update(
    organizationId: string,
    accountId: string,
    params: OrganizationMembershipUpdateParams,
    options?: RequestOptions,
  ): ApiPromise<Membership> {
    return this.client.request(
      {
        method: 'PATCH',
        ...endpoint`/v1/organizations/${organizationId}/memberships/${accountId}`,
        body: params,
        schema: MembershipSchema,
      },
      options,
    );
  }
}

/** `/v1/organizations`: cities, companies, standards bodies and others that members belong to. */
export class Organizations extends Resource {
  /** `/v1/organizations/{id}/membership-requests`: asking to join. */
  readonly membershipRequests: OrganizationMembershipRequests;
  /** `/v1/organizations/{id}/memberships`: deciding on members (managers, admins). */
  readonly memberships: OrganizationMemberships;

  constructor(client: WscClient) {
    super(client);
    this.membershipRequests = new OrganizationMembershipRequests(client);
    this.memberships = new OrganizationMemberships(client);
  }

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
  get(id: string, options?: RequestOptions): ApiPromise<Organization> {
    return this.client.request(
      { method: 'GET', ...endpoint`/v1/organizations/${id}`, schema: OrganizationSchema },
      options,
    );
  }

  /**
   * Sets the organization's verified e-mail domains (admins).
   *
   * @example
   * await client.organizations.update('itu', { verifiedDomains: ['itu.int'] });
   */
  update(id: string, params: OrganizationUpdateParams, options?: RequestOptions): ApiPromise<Organization> {
    return this.client.request(
      { method: 'PATCH', ...endpoint`/v1/organizations/${id}`, body: params, schema: OrganizationSchema },
      options,
    );
  }
}
