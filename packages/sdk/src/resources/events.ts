import {
  type EligibilityClaim,
  type EligibilityDecision,
  EligibilityDecisionSchema,
  type Event,
  type EventCreate,
  type EventListParamsInput,
  EventSchema,
  type EventSession,
  type EventSessionCreate,
  EventSessionSchema,
  type EventUpdate,
  PageSchema,
  type Registration,
  type RegistrationCreate,
  type RegistrationCreated,
  RegistrationCreatedSchema,
  RegistrationSchema,
} from '@wsc/models';
import type { RequestOptions } from '../options';
import type { PagePromise } from '../page-promise';
import { endpoint, Resource } from '../resource';

/** Filters of `events.list`: `when` (`upcoming`, `past`, `all`), `country`, `limit`, `cursor`. */
export type EventListParams = EventListParamsInput;
/** Body of `events.create`. */
export type EventCreateParams = EventCreate;
/** Body of `events.update`: any field of `EventCreateParams`. */
export type EventUpdateParams = EventUpdate;
/** Body of `events.createSession`. */
export type EventCreateSessionParams = EventSessionCreate;
/** Body of `events.eligibility`: what makes the member eligible for free attendance. */
export type EventEligibilityParams = EligibilityClaim;
/** Body of `events.register`. */
export type EventRegisterParams = RegistrationCreate;
/** Paging of `events.sessions`. */
export type EventSessionListParams = { limit?: number; cursor?: string };

const EventPageSchema = PageSchema(EventSchema);
const EventSessionPageSchema = PageSchema(EventSessionSchema);

/** `/v1/events`: the World Smart City Forum and later community events, and registration. */
export class Events extends Resource {
  /**
   * Lists events (upcoming by default).
   *
   * @example
   * const { data } = await client.events.list({ when: 'upcoming' });
   */
  list(params?: EventListParams, options?: RequestOptions): PagePromise<Event> {
    return this.paginate(endpoint`/v1/events`, EventPageSchema, params, options);
  }

  /**
   * Fetches one event by id or slug.
   *
   * @example
   * const forum = await client.events.get('world-smart-city-forum-2026');
   */
  get(idOrSlug: string, options?: RequestOptions): Promise<Event> {
    return this.client.request(
      { method: 'GET', ...endpoint`/v1/events/${idOrSlug}`, schema: EventSchema },
      options,
    );
  }

  /**
   * Creates an event (admins, or members of an organiser organization).
   *
   * @example
   * const event = await client.events.create({
   *   name: { en: 'Smart Water Day' },
   *   description: { en: 'Utilities and standards experts on leak detection.' },
   *   startsAt: '2026-09-01T09:00:00+02:00',
   *   endsAt: '2026-09-01T17:00:00+02:00',
   *   timeZone: 'Europe/Zurich',
   *   city: 'Geneva',
   *   country: 'CH',
   *   capacity: 200,
   * });
   */
  create(params: EventCreateParams, options?: RequestOptions): Promise<Event> {
    return this.client.request(
      { method: 'POST', ...endpoint`/v1/events`, body: params, schema: EventSchema },
      options,
    );
  }

  /**
   * Changes an event (its organisers and admins).
   *
   * @example
   * await client.events.update('smart-water-day', { capacity: 250 });
   */
  update(idOrSlug: string, params: EventUpdateParams, options?: RequestOptions): Promise<Event> {
    return this.client.request(
      { method: 'PATCH', ...endpoint`/v1/events/${idOrSlug}`, body: params, schema: EventSchema },
      options,
    );
  }

  /**
   * Adds a session to the programme (organisers).
   *
   * @example
   * await client.events.createSession(eventId, {
   *   title: { en: 'Leak detection standards' },
   *   startsAt: '2026-09-01T10:00:00+02:00',
   *   endsAt: '2026-09-01T11:00:00+02:00',
   * });
   */
  createSession(
    idOrSlug: string,
    params: EventCreateSessionParams,
    options?: RequestOptions,
  ): Promise<EventSession> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/events/${idOrSlug}/sessions`,
        body: params,
        schema: EventSessionSchema,
      },
      options,
    );
  }

  /**
   * Lists the programme of an event.
   *
   * @example
   * for await (const session of client.events.sessions('world-smart-city-forum-2026')) console.log(session.title);
   */
  sessions(
    idOrSlug: string,
    params?: EventSessionListParams,
    options?: RequestOptions,
  ): PagePromise<EventSession> {
    return this.paginate(endpoint`/v1/events/${idOrSlug}/sessions`, EventSessionPageSchema, params, options);
  }

  /**
   * Asks whether the signed-in member may attend for free, and on which basis.
   *
   * @example
   * const decision = await client.events.eligibility(eventId, { membership: { body: 'IEC' } });
   * if (!decision.eligible) console.log(decision.howToBecomeEligible);
   */
  eligibility(
    idOrSlug: string,
    params: EventEligibilityParams,
    options?: RequestOptions,
  ): Promise<EligibilityDecision> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/events/${idOrSlug}/eligibility`,
        body: params,
        schema: EligibilityDecisionSchema,
      },
      options,
    );
  }

  /**
   * Registers the signed-in member (confirmed, or waitlisted when the event is full). Signed
   * out, pass `join` (the sign-up details of `auth.signup`) to join the community and register
   * in one step: the answer then carries the new member's `session` (shown once; use its token
   * for the member's next calls).
   *
   * @example
   * const registration = await client.events.register(eventId, { claim: { communityMember: true } });
   * @example
   * const { status, session } = await client.events.register('world-smart-city-forum-2027', {
   *   join: { email: 'ada@example.org', password: 'a long passphrase', displayName: 'Ada', role: 'urban-planner' },
   * });
   * const member = new WscClient({ baseURL, token: session?.token });
   */
  register(
    idOrSlug: string,
    params: EventRegisterParams = {},
    options?: RequestOptions,
  ): Promise<RegistrationCreated> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/events/${idOrSlug}/registrations`,
        body: params,
        schema: RegistrationCreatedSchema,
      },
      options,
    );
  }

  /**
   * Fetches the signed-in member's registration.
   *
   * @example
   * const mine = await client.events.myRegistration(eventId);
   */
  myRegistration(idOrSlug: string, options?: RequestOptions): Promise<Registration> {
    return this.client.request(
      { method: 'GET', ...endpoint`/v1/events/${idOrSlug}/registrations/me`, schema: RegistrationSchema },
      options,
    );
  }

  /**
   * Cancels the signed-in member's registration; the first waitlisted person is promoted.
   *
   * @example
   * await client.events.cancel(eventId);
   */
  cancel(idOrSlug: string, options?: RequestOptions): Promise<Registration> {
    return this.client.request(
      { method: 'DELETE', ...endpoint`/v1/events/${idOrSlug}/registrations/me`, schema: RegistrationSchema },
      options,
    );
  }

  /**
   * Downloads the event as an iCalendar (`.ics`) file.
   *
   * @example
   * const ics = await client.events.calendar('world-smart-city-forum-2026');
   */
  calendar(idOrSlug: string, options?: RequestOptions): Promise<string> {
    return this.client.request<string>(
      { method: 'GET', ...endpoint`/v1/events/${idOrSlug}/calendar.ics`, responseType: 'text' },
      { ...options, headers: { accept: 'text/calendar', ...options?.headers } },
    );
  }
}
