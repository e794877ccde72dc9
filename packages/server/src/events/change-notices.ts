import type { Event } from '@wsc/models';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { enqueueMailToMany } from '../mail/enqueue-many';
import { type EventPlace, eventChangedTemplate } from '../mail/templates/event-changed';
import type { EventRow } from './repository';
import { toEvent } from './service';
import { listSessions } from './sessions';

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
  db: Kysely<DatabaseSchema>,
  before: Event,
  updated: EventRow,
): Promise<number> {
  const after = toEvent(updated);
  if (!timeOrPlaceChanged(before, after)) return 0;
  const sessions = await listSessions(db, updated);
  return enqueueMailToMany(db, {
    template: eventChangedTemplate,
    // Every registrant holding a seat or a waitlist place, in arrival order.
    accounts: db
      .selectFrom('registrations')
      .select('registrations.account_id as accountId')
      .where('registrations.event_id', '=', updated.id)
      .where('registrations.status', 'in', ['confirmed', 'waitlisted']),
    data: {
      event: after,
      sessions,
      calendarStamp: updated.updated_at.toISOString(),
      previous: placeOf(before),
    },
  });
}
