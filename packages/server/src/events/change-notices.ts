import type { Event, EventSession } from '@wsc/models';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { enqueueMailToMany } from '../mail/enqueue-many';
import { type EventPlace, eventChangedTemplate } from '../mail/templates/event-changed';
import { type SessionPlace, sessionChangedTemplate } from '../mail/templates/session-changed';
import type { EventRow } from './repository';
import { toEvent } from './service';
import { listSessions } from './session-rows';

// Imported by events/service.ts (event edits) and events/sessions.ts (session edits); it reads
// sessions through session-rows.ts, never sessions.ts, so sessions.ts and this file do not
// import each other. (This file and service.ts do, through toEvent: that cycle is older.)

type Database = Kysely<DatabaseSchema>;

/**
 * Everyone a change of the event's time or place, or of a session's, is told: every registrant
 * holding a seat or a waitlist place. A waitlisted member is told too: a seat may come free up to
 * the last day, and they plan around the programme in case it does (as pretix and Eventbrite tell
 * their waitlists). A cancelled registration is told nothing more.
 */
function registrantsOf(db: Database, eventId: string) {
  return db
    .selectFrom('registrations')
    .select('registrations.account_id as accountId')
    .where('registrations.event_id', '=', eventId)
    .where('registrations.status', 'in', ['confirmed', 'waitlisted']);
}

/** The fields of an event its registrants plan their trip around. */
function placeOf(event: Event): EventPlace {
  return {
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    venue: event.venue,
    city: event.city,
    country: event.country,
  };
}

/** True when the time or the place changed (the same instant written in another zone counts as the zone changing). */
export function timeOrPlaceChanged(before: Event, after: Event): boolean {
  const instant = (iso: string) => new Date(iso).getTime();
  return (
    instant(before.startsAt) !== instant(after.startsAt) ||
    instant(before.endsAt) !== instant(after.endsAt) ||
    before.timeZone !== after.timeZone ||
    (before.venue ?? '') !== (after.venue ?? '') ||
    before.city !== after.city ||
    before.country !== after.country
  );
}

/**
 * Tells every registrant (confirmed or waitlisted) that the event's time or place changed, in
 * the transaction of the change: one mail each, in their language, with the updated `.ics`.
 * Returns how many were queued (0 when neither time nor place changed).
 *
 * @example
 * await queueEventChangeNotices(trx, toEvent(before), updatedRow);
 */
export async function queueEventChangeNotices(
  db: Database,
  before: Event,
  updated: EventRow,
): Promise<number> {
  const after = toEvent(updated);
  if (!timeOrPlaceChanged(before, after)) return 0;
  const sessions = await listSessions(db, updated);
  return enqueueMailToMany(db, {
    template: eventChangedTemplate,
    accounts: registrantsOf(db, updated.id),
    data: {
      event: after,
      sessions,
      calendarStamp: updated.updated_at.toISOString(),
      previous: placeOf(before),
    },
  });
}

function sessionPlaceOf(session: EventSession): SessionPlace {
  return { startsAt: session.startsAt, endsAt: session.endsAt, room: session.room };
}

/** True when a session moved in time or to another room (its title, speakers and links do not count). */
export function sessionTimeOrRoomChanged(before: EventSession, after: EventSession): boolean {
  const instant = (iso: string) => new Date(iso).getTime();
  return (
    instant(before.startsAt) !== instant(after.startsAt) ||
    instant(before.endsAt) !== instant(after.endsAt) ||
    (before.room ?? '') !== (after.room ?? '')
  );
}

/**
 * Tells every registrant (confirmed or waitlisted) that a session moved in time or to another
 * room, in the transaction of the change: one mail each, in their language, with the event's
 * updated `.ics`. Returns how many were queued (0 when neither time nor room changed).
 *
 * @example
 * await queueSessionChangeNotices(trx, lockedEventRow, sessionBefore, sessionAfter);
 */
export async function queueSessionChangeNotices(
  db: Database,
  event: EventRow,
  before: EventSession,
  after: EventSession,
): Promise<number> {
  if (!sessionTimeOrRoomChanged(before, after)) return 0;
  const sessions = await listSessions(db, event);
  return enqueueMailToMany(db, {
    template: sessionChangedTemplate,
    accounts: registrantsOf(db, event.id),
    data: {
      event: toEvent(event),
      sessions,
      // The session's change is the programme's: a newer stamp, so the attached file replaces the old.
      calendarStamp: new Date().toISOString(),
      session: { title: after.title, previous: sessionPlaceOf(before), current: sessionPlaceOf(after) },
    },
  });
}
