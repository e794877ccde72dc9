import { type Event, type EventSession, type Language, resolveText } from '@wsc/models';
import { eventCalendar } from '../../calendar/calendar';
import type { MailAttachment, MailRenderContext } from '../template-registry';

/**
 * What a mail about an event keeps of it when queued (the event as it was then): rendered at
 * sending time into the words and the attached `.ics`.
 */
export interface EventSnapshot {
  event: Event;
  sessions: EventSession[];
  /** When the event last changed (the calendar's DTSTAMP): a newer file replaces an older one. */
  calendarStamp: string;
}

/**
 * The event's name in the reader's language (else the fallback order of the models).
 *
 * @example
 * eventTitle(forum, 'fr'); // 'Forum mondial des villes intelligentes 2027'
 */
export function eventTitle(event: Pick<Event, 'name'>, language: Language): string {
  return resolveText(event.name, [language]).text;
}

/**
 * When the event takes place, in its own time zone and the reader's language (`Intl`), with
 * the zone named so nobody reads it as their own local time.
 *
 * @example
 * eventWhen(forum, 'en'); // 'Wednesday 13 July 2016, 09:00 – Friday 15 July 2016, 18:00 (Asia/Singapore)'
 */
export function eventWhen(
  event: Pick<Event, 'startsAt' | 'endsAt' | 'timeZone'>,
  language: Language,
): string {
  const format = new Intl.DateTimeFormat(language, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: event.timeZone,
  });
  return `${format.formatRange(new Date(event.startsAt), new Date(event.endsAt))} (${event.timeZone})`;
}

/**
 * Where the event takes place, as one line.
 *
 * @example
 * eventWhere(forum); // 'Marina Bay Sands, Singapore, SG'
 */
export function eventWhere(event: Pick<Event, 'venue' | 'city' | 'country'>): string {
  return [event.venue, event.city, event.country].filter(Boolean).join(', ');
}

/** The link every event mail carries: the event's calendar file on the platform. */
export function calendarLink(event: Pick<Event, 'slug'>, publicUrl: string): string {
  return `${publicUrl}/v1/events/${encodeURIComponent(event.slug)}/calendar.ics`;
}

/**
 * The event as an `.ics` attachment, written by the one calendar writer of the platform
 * (`events/calendar.ts`), text in the reader's language.
 *
 * @example
 * attachments: (input, context) => [eventCalendarAttachment(input, context)],
 */
export function eventCalendarAttachment(snapshot: EventSnapshot, context: MailRenderContext): MailAttachment {
  return {
    filename: `${snapshot.event.slug}.ics`,
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: eventCalendar(snapshot.event, snapshot.sessions, {
      publicUrl: context.publicUrl,
      languages: [context.language],
      stamp: new Date(snapshot.calendarStamp),
    }),
  };
}

/** A sample event for the template tests (Singapore, fixed +08:00). */
export const exampleEventSnapshot: EventSnapshot = {
  event: {
    id: 'event_example',
    slug: 'world-smart-city-forum-2027',
    name: {
      en: 'World Smart City Forum 2027',
      fr: 'Forum mondial des villes intelligentes 2027',
      es: 'Foro Mundial de Ciudades Inteligentes 2027',
      ru: 'Всемирный форум умных городов 2027',
      zh: '2027 世界智慧城市论坛',
      ar: 'المنتدى العالمي للمدن الذكية 2027',
    },
    description: { en: 'Three days on the standards of smart cities.' },
    startsAt: '2027-07-13T09:00:00+08:00',
    endsAt: '2027-07-15T18:00:00+08:00',
    timeZone: 'Asia/Singapore',
    city: 'Singapore',
    country: 'SG',
    venue: 'Marina Bay Sands',
    organiserIds: [],
    coLocatedEvents: [],
    capacity: 500,
    registrationOpensAt: null,
    registrationClosesAt: null,
    freeAttendance: ['community-member'],
    source: null,
  },
  sessions: [],
  calendarStamp: '2027-01-10T08:00:00.000Z',
};
