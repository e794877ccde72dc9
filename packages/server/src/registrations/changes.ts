import type { EventSession, Registration } from '@wsc/models';
import type { Kysely } from 'kysely';
import { auditInsert } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import type { ChangeContext } from '../events/changes';
import type { EventRow } from '../events/repository';
import { type RegistrationChange, registrationNotice } from './notices';
import { type KnownRegistrationFacts, recordRegistrationEvent } from './outbox-events';

type Database = Kysely<DatabaseSchema>;

// One function per registration change, each called inside the transaction that made it: the
// live-updates and webhooks code adds its outbox write here, so a change and its
// notification commit (or roll back) together. Each takes the event row that transaction
// locked, which the member's notice is written from, and optionally what the transaction has
// already read (the programme, the member's name and partners, the seats after the change), so
// none of it is read twice.

/** What a change's transaction already read under the event's lock (absent: read here). */
export interface KnownChangeFacts extends KnownRegistrationFacts {
  sessions?: EventSession[] | undefined;
  displayName?: string | null | undefined;
}

async function record(
  db: Database,
  context: ChangeContext,
  action: 'registration.created' | 'registration.cancelled' | 'registration.promoted',
  registration: Registration,
  event: EventRow,
  known?: KnownChangeFacts,
) {
  // The partner a change came through reads it in full only when the member made it themself: a
  // promotion is made by whoever freed the seat, through their partner, not the promoted member's.
  const actingPartnerId = context.actorId === registration.stakeholderId ? context.partnerId : null;
  // The member's mail is queued with the change (and its webhook event): one change, one mail.
  // The notice and the audit entry are written by the outbox event's statement: one round trip.
  const notice = await registrationNotice(db, noticeOf(action, registration), registration, event, known);
  const audit = auditInsert(db, {
    actorId: context.actorId,
    partnerId: context.partnerId,
    requestId: context.requestId,
    action,
    subjectType: 'registration',
    subjectId: registration.id,
    data: {
      eventId: registration.eventId,
      stakeholderId: registration.stakeholderId,
      status: registration.status,
      waitlistPosition: registration.waitlistPosition,
      basis: registration.basis,
    },
  });
  await recordRegistrationEvent(db, action, registration, actingPartnerId, {
    ...known,
    alsoWrite: [notice, audit],
  });
}

function noticeOf(action: string, registration: Registration): RegistrationChange {
  if (action === 'registration.cancelled') return 'cancelled';
  if (action === 'registration.promoted') return 'promoted';
  return registration.status === 'waitlisted' ? 'waitlisted' : 'confirmed';
}

/**
 * `registration.created`: a member took a seat or a waitlist place.
 *
 * @example
 * await registrationCreated(trx, context, registration, lockedEventRow);
 */
export function registrationCreated(
  db: Database,
  context: ChangeContext,
  registration: Registration,
  event: EventRow,
  known?: KnownChangeFacts,
) {
  return record(db, context, 'registration.created', registration, event, known);
}

/**
 * `registration.cancelled`: a member gave up their seat or place.
 *
 * @example
 * await registrationCancelled(trx, context, registration, lockedEventRow);
 */
export function registrationCancelled(
  db: Database,
  context: ChangeContext,
  registration: Registration,
  event: EventRow,
) {
  return record(db, context, 'registration.cancelled', registration, event);
}

/**
 * `registration.promoted`: a waitlisted member got a seat (after a cancellation or a capacity raise).
 *
 * @example
 * await registrationPromoted(trx, context, registration, lockedEventRow);
 */
export function registrationPromoted(
  db: Database,
  context: ChangeContext,
  registration: Registration,
  event: EventRow,
) {
  return record(db, context, 'registration.promoted', registration, event);
}
