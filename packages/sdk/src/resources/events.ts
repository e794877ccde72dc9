import {
  type Event,
  type EventCreate,
  type EventListParamsInput,
  EventSchema,
  type EventUpdate,
  PageSchema,
} from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { WscClient } from '../client';
import type { RequestOptions } from '../options';
import type { PagePromise } from '../page-promise';
import { endpoint, Resource } from '../resource';
import { EventEligibility } from './event-eligibility';
import { EventRegistrations } from './event-registrations';
import { EventSessions } from './event-sessions';

/** Filters of `events.list`: `when` (`upcoming`, `past`, `all`), `country`, `limit`, `cursor`. */
export type EventListParams = EventListParamsInput;
/** Body of `events.create`. */
export type EventCreateParams = EventCreate;
/** Body of `events.update`: any field of `EventCreateParams`. */
export type EventUpdateParams = EventUpdate;

const EventPageSchema = PageSchema(EventSchema);

/** `/v1/events`: the World Smart City Forum and later community events, and registration. */
export class Events extends Resource {
  /** `/v1/events/{id}/sessions`: the programme. */
  readonly sessions: EventSessions;
  /** `/v1/events/{id}/registrations`: the signed-in member's registration. */
  readonly registrations: EventRegistrations;
  /** `/v1/events/{id}/eligibility`: free attendance. */
  readonly eligibility: EventEligibility;

  constructor(client: WscClient) {
    super(client);
    this.sessions = new EventSessions(client);
    this.registrations = new EventRegistrations(client);
    this.eligibility = new EventEligibility(client);
  }
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
  get(idOrSlug: string, options?: RequestOptions): ApiPromise<Event> {
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
  create(params: EventCreateParams, options?: RequestOptions): ApiPromise<Event> {
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
  update(idOrSlug: string, params: EventUpdateParams, options?: RequestOptions): ApiPromise<Event> {
    return this.client.request(
      { method: 'PATCH', ...endpoint`/v1/events/${idOrSlug}`, body: params, schema: EventSchema },
      options,
    );
  }

  /**
   * Downloads the event as an iCalendar (`.ics`) file.
   *
   * @example
   * const ics = await client.events.calendar('world-smart-city-forum-2026');
   */
  calendar(idOrSlug: string, options?: RequestOptions): ApiPromise<string> {
    return this.client.request<string>(
      { method: 'GET', ...endpoint`/v1/events/${idOrSlug}/calendar.ics`, responseType: 'text' },
      { ...options, headers: { accept: 'text/calendar', ...options?.headers } },
    );
  }
}
