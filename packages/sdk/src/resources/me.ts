import {
  type Me as MeBody,
  type MeExport,
  MeExportSchema,
  type MembershipList,
  MembershipListSchema,
  MeSchema,
  type MeUpdate,
  type NotificationPreferences,
  NotificationPreferencesSchema,
  type NotificationPreferencesUpdate,
} from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { WscClient } from '../client';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';

/** Body of `me.update`. */
export type MeUpdateParams = MeUpdate;

/** Body of `me.notificationPreferences.update`. */
export type MeNotificationPreferencesUpdateParams = NotificationPreferencesUpdate;

/**
 * `/v1/me/notification-preferences`: which optional mail the member gets (moderation notices,
 * the weekly digest). Account mail and registration notices are always sent.
 */
export class MeNotificationPreferences extends Resource {
  /**
   * Reads the member's mail preferences.
   *
   * @example
   * const { digest, moderation } = await client.me.notificationPreferences.get();
   */
  get(options?: RequestOptions): ApiPromise<NotificationPreferences> {
    return this.client.request(
      { method: 'GET', ...endpoint`/v1/me/notification-preferences`, schema: NotificationPreferencesSchema },
      options,
    );
  }

  /**
   * Turns optional mail on or off, and chooses the digest's domains.
   *
   * @example
   * await client.me.notificationPreferences.update({ digest: true, digestDomains: ['mobility'] });
   */
  update(
    params: MeNotificationPreferencesUpdateParams,
    options?: RequestOptions,
  ): ApiPromise<NotificationPreferences> {
    return this.client.request(
      {
        method: 'PATCH',
        ...endpoint`/v1/me/notification-preferences`,
        body: params,
        schema: NotificationPreferencesSchema,
      },
      options,
    );
  }
}

/** `/v1/me/memberships`: the signed-in member's organization memberships and requests. */
export class MeMemberships extends Resource {
  /**
   * Lists the member's memberships: asked (`pending`), `approved`, `refused` or `removed`.
   *
   * @example
   * const { data } = await client.me.memberships.list();
   */
  list(options?: RequestOptions): ApiPromise<MembershipList> {
    return this.client.request(
      { method: 'GET', ...endpoint`/v1/me/memberships`, schema: MembershipListSchema },
      options,
    );
  }

  /**
   * Withdraws the member's request, or leaves the organization.
   *
   * @example
   * await client.me.memberships.delete('iec');
   */
  delete(organizationId: string, options?: RequestOptions): ApiPromise<void> {
    return this.client.request<void>(
      { method: 'DELETE', ...endpoint`/v1/me/memberships/${organizationId}` },
      options,
    );
  }
}

/** `/v1/me`: the signed-in member's account, profile and personal data. */
export class Me extends Resource {
  /** `/v1/me/memberships`: organizations the member asked to join or belongs to. */
  readonly memberships: MeMemberships;
  /** `/v1/me/notification-preferences`: the optional mail the member gets. */
  readonly notificationPreferences: MeNotificationPreferences;

  constructor(client: WscClient) {
    super(client);
    this.memberships = new MeMemberships(client);
    this.notificationPreferences = new MeNotificationPreferences(client);
  }
  /**
   * Fetches the signed-in member's account and profile.
   *
   * @example
   * const { account, profile } = await client.me.get();
   */
  get(options?: RequestOptions): ApiPromise<MeBody> {
    return this.client.request({ method: 'GET', ...endpoint`/v1/me`, schema: MeSchema }, options);
  }

  /**
   * Changes profile fields, the preferred language or the e-mail address. A new `email` needs
   * the account's `currentPassword` (`ValidationError` naming it when missing; `PermissionError`
   * with code `current-password-wrong` when wrong, and `RateLimitError` after too many wrong
   * ones); an account that signs in only through a partner site gets `PermissionError` with code
   * `email-managed-by-partner`. The new address stays unconfirmed until the mailed link is used.
   *
   * @example
   * await client.me.update({ city: 'Geneva', language: 'fr' });
   * await client.me.update({ email: 'ada@example.org', currentPassword: 'correct horse battery staple' });
   */
  update(params: MeUpdateParams, options?: RequestOptions): ApiPromise<MeBody> {
    return this.client.request(
      { method: 'PATCH', ...endpoint`/v1/me`, body: params, schema: MeSchema },
      options,
    );
  }

  /**
   * Downloads everything the platform holds about the member (data portability).
   *
   * @example
   * const archive = await client.me.export();
   */
  export(options?: RequestOptions): ApiPromise<MeExport> {
    return this.client.request(
      { method: 'GET', ...endpoint`/v1/me/export`, schema: MeExportSchema },
      options,
    );
  }

  /**
   * Deletes the member's account; their public contributions are anonymised.
   *
   * @example
   * await client.me.delete();
   */
  delete(options?: RequestOptions): ApiPromise<void> {
    return this.client.request<void>({ method: 'DELETE', ...endpoint`/v1/me` }, options);
  }
}
