import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';

type Database = Kysely<DatabaseSchema>;

/**
 * An event's seats: its capacity, the seats left (null when unlimited) and how many wait for one.
 * Read by the event's answers and by every event about its seats (registrations, event changes).
 *
 * @example
 * const { seatsLeft, waitlisted } = await eventSeats(db, eventId);
 */
export async function eventSeats(
  trx: Database,
  eventId: string,
): Promise<{ capacity: number | null; seatsLeft: number | null; waitlisted: number }> {
  const result = await sql<{
    capacity: number | null;
    confirmed: number | string;
    waitlisted: number | string;
  }>`
    select event.capacity,
           count(registration.id) filter (where registration.status = 'confirmed') as confirmed,
           count(registration.id) filter (where registration.status = 'waitlisted') as waitlisted
    from events event
    left join registrations registration on registration.event_id = event.id
    where event.id = ${eventId}
    group by event.capacity
  `.execute(trx);
  const row = result.rows[0];
  if (!row) return { capacity: null, seatsLeft: null, waitlisted: 0 };
  const confirmed = Number(row.confirmed);
  return {
    capacity: row.capacity,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - confirmed),
    waitlisted: Number(row.waitlisted),
  };
}
