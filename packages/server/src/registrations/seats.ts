import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import type { ChangeContext } from '../events/changes';
import type { EventRow } from '../events/repository';
import { registrationPromoted } from './changes';
import { confirmRegistrations, countRegistrations, findRegistration, nextWaitlisted } from './repository';
import { toRegistration } from './view';

/**
 * Gives free seats to the waitlist in arrival order and records `registration.promoted` for
 * each. Call it inside the transaction that locked the event (after a cancellation or a
 * capacity change), with the event row as that transaction locked or last wrote it; returns the
 * promoted registration ids.
 *
 * @example
 * await cancelRegistration(trx, id);
 * await fillFreeSeats(trx, lockedEventRow, context);
 */
export async function fillFreeSeats(
  db: Kysely<DatabaseSchema>,
  event: EventRow,
  context: ChangeContext,
): Promise<string[]> {
  const { confirmed, waitlisted } = await countRegistrations(db, event.id);
  if (waitlisted === 0) return [];
  const free = event.capacity === null ? null : event.capacity - confirmed;
  if (free !== null && free <= 0) return [];
  const promoted = await nextWaitlisted(db, event.id, free);
  await confirmRegistrations(db, promoted);
  for (const id of promoted) {
    const row = await findRegistration(db, id);
    if (row) await registrationPromoted(db, context, toRegistration(row), event);
  }
  return promoted;
}
