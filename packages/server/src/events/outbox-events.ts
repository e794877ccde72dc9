import type { Event } from '@wsc/models';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { recordEvent } from '../outbox/record-event';
import { eventSeats } from './seats';

type Database = Kysely<DatabaseSchema>;

/**
 * `event.updated`: the event as the API shows it, which fields changed, and seats left. Public.
 *
 * @example
 * await recordEventUpdated(trx, event, ['capacity'], context.partnerId);
 */
export async function recordEventUpdated(
  trx: Database,
  event: Event,
  changed: readonly string[],
  partnerId: string | null,
): Promise<void> {
  const seats = await eventSeats(trx, event.id);
  await recordEvent(trx, {
    type: 'event.updated',
    subject: { type: 'event', id: event.id },
    data: { ...event, changed: [...changed], seatsLeft: seats.seatsLeft, waitlisted: seats.waitlisted },
    partnerId,
    visibility: 'public',
  });
}
