import type { Registration } from '@wsc/models';
import { type Kysely, type OperationNodeSource, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { eventSeats } from '../events/seats';
import { recordEvent } from '../outbox/record-event';

type Database = Kysely<DatabaseSchema>;

/** What the caller already knows in its transaction, under the event's lock (absent: read here). */
export interface KnownRegistrationFacts {
  /** The event's seats after this change. */
  seats?: { capacity: number | null; seatsLeft: number | null; waitlisted: number } | undefined;
  /** The partners the registrant came through (see {@link partnersOfRegistrant}). */
  partnerIds?: string[] | undefined;
}

/** What {@link recordRegistrationEvent} is told: known facts, and the change's other inserts. */
export interface RegistrationEventOptions extends KnownRegistrationFacts {
  /** Written by the outbox insert's statement (see `recordEvent`'s `alsoWrite`). */
  alsoWrite?: readonly OperationNodeSource[] | undefined;
}

/**
 * `registration.created` / `.cancelled` / `.promoted`: the registration (with seats left) for
 * the member, their own partners (the one the registration came through, the one they signed up
 * through, those they sign in through), the event's organisers and admins; everyone else sees `{ eventId, seatsLeft,
 * waitlisted }` only. `actingPartnerId` is the partner the member themself made this change
 * through; null when someone else made it (a promotion follows another member's cancellation or an
 * organiser's capacity change, through partners that must not learn who got the seat).
 *
 * @example
 * await recordRegistrationEvent(trx, 'registration.created', registration, context.partnerId);
 */
export async function recordRegistrationEvent(
  trx: Database,
  type: 'registration.created' | 'registration.cancelled' | 'registration.promoted',
  registration: Registration,
  actingPartnerId: string | null,
  options: RegistrationEventOptions = {},
): Promise<void> {
  const seats = options.seats ?? (await eventSeats(trx, registration.eventId));
  await recordEvent(trx, {
    type,
    subject: { type: 'registration', id: registration.id },
    data: { ...registration, ...seats },
    publicData: { eventId: registration.eventId, ...seats },
    partnerId: actingPartnerId,
    visibility: {
      accountIds: [registration.stakeholderId],
      partnerIds: options.partnerIds ?? (await partnersOfRegistrant(trx, registration)),
      organisersOfEvent: registration.eventId,
    },
    alsoWrite: options.alsoWrite,
  });
}

/**
 * The partners a registrant came through: the registration's own, the one they signed up through
 * and those they sign in through (SSO).
 */
async function partnersOfRegistrant(trx: Database, registration: Registration): Promise<string[]> {
  const result = await sql<{ partner_id: string }>`
    select partner_id from registrations where id = ${registration.id} and partner_id is not null
    union
    select partner_id from stakeholders where id = ${registration.stakeholderId} and partner_id is not null
    union
    select partner_id from partner_identities where account_id = ${registration.stakeholderId}
  `.execute(trx);
  return result.rows.map((row) => row.partner_id);
}
