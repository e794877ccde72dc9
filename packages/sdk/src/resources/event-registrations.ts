import {
  type Registration,
  type RegistrationCreate,
  type RegistrationCreated,
  RegistrationCreatedSchema,
  RegistrationSchema,
} from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';

/** Body of `events.registrations.create`. */
export type EventRegistrationCreateParams = RegistrationCreate;

/** `/v1/events/{id}/registrations`: the signed-in member's seat at an event. */
export class EventRegistrations extends Resource {
  /**
   * Registers the signed-in member (confirmed, or waitlisted when the event is full). Signed
   * out, pass `join` (the sign-up details of `auth.signup`) to join the community and register
   * in one step: the answer then carries the new member's `session` (shown once; use its token
   * for the member's next calls).
   *
   * @example
   * const registration = await client.events.registrations.create(eventId, { claim: { communityMember: true } });
   * @example
   * const { status, session } = await client.events.registrations.create('world-smart-city-forum-2027', {
   *   join: { email: 'ada@example.org', password: 'a long passphrase', displayName: 'Ada', role: 'urban-planner' },
   * });
   * const member = new WscClient({ baseURL, token: session?.token });
   */
  create(
    eventIdOrSlug: string,
    params: EventRegistrationCreateParams = {},
    options?: RequestOptions,
  ): ApiPromise<RegistrationCreated> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/events/${eventIdOrSlug}/registrations`,
        body: params,
        schema: RegistrationCreatedSchema,
      },
      options,
    );
  }

  /**
   * Fetches the signed-in member's registration (`NotFoundError` when there is none).
   *
   * @example
   * const mine = await client.events.registrations.get(eventId);
   */
  get(eventIdOrSlug: string, options?: RequestOptions): ApiPromise<Registration> {
    return this.client.request(
      {
        method: 'GET',
        ...endpoint`/v1/events/${eventIdOrSlug}/registrations/me`,
        schema: RegistrationSchema,
      },
      options,
    );
  }

  /**
   * Cancels the signed-in member's registration; the first waitlisted person is promoted. The
   * event itself is unchanged.
   *
   * @example
   * await client.events.registrations.cancel(eventId);
   */
  cancel(eventIdOrSlug: string, options?: RequestOptions): ApiPromise<Registration> {
    return this.client.request(
      {
        method: 'DELETE',
        ...endpoint`/v1/events/${eventIdOrSlug}/registrations/me`,
        schema: RegistrationSchema,
      },
      options,
    );
  }
}
