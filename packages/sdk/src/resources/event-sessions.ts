import { type EventSession, type EventSessionCreate, EventSessionSchema, PageSchema } from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { RequestOptions } from '../options';
import type { PagePromise } from '../page-promise';
import { endpoint, Resource } from '../resource';

/** Paging of `events.sessions.list`. */
export type EventSessionListParams = { limit?: number; cursor?: string };
/** Body of `events.sessions.create`. */
export type EventSessionCreateParams = EventSessionCreate;

const EventSessionPageSchema = PageSchema(EventSessionSchema);

/** `/v1/events/{id}/sessions`: the programme of an event. */
export class EventSessions extends Resource {
  /**
   * Lists the programme of an event.
   *
   * @example
   * for await (const session of client.events.sessions.list('world-smart-city-forum-2026')) console.log(session.title);
   */
  list(
    eventIdOrSlug: string,
    params?: EventSessionListParams,
    options?: RequestOptions,
  ): PagePromise<EventSession> {
    return this.paginate(
      endpoint`/v1/events/${eventIdOrSlug}/sessions`,
      EventSessionPageSchema,
      params,
      options,
    );
  }

  /**
   * Adds a session to the programme (organisers).
   *
   * @example
   * await client.events.sessions.create(eventId, {
   *   title: { en: 'Leak detection standards' },
   *   startsAt: '2026-09-01T10:00:00+02:00',
   *   endsAt: '2026-09-01T11:00:00+02:00',
   * });
   */
  create(
    eventIdOrSlug: string,
    params: EventSessionCreateParams,
    options?: RequestOptions,
  ): ApiPromise<EventSession> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/events/${eventIdOrSlug}/sessions`,
        body: params,
        schema: EventSessionSchema,
      },
      options,
    );
  }
}
