import type {
  Event,
  EventSession,
  Page,
  Registration,
  RegistrationCreate,
  RegistrationCreated,
  Signup,
} from '@wsc/models';
import type { EventRegistrant, EventRegistrantListParams } from '@wsc/models/partner';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import type { PrincipalAccount } from '../access/principal';
import { readKeysetPage } from '../community/keyset-cursor';
import type { DatabaseSchema } from '../database/schema';
import { holdSubject } from '../database/turns';
import { type DomainError, domainError } from '../errors/domain-error';
import type { ChangeContext } from '../events/changes';
import { requireMember, requireOrganiser } from '../events/organisers';
import { type EventRow, lockEvent, lockEventByIdOrSlug } from '../events/repository';
import { eventNotFound, requireEventRow, requireLockedEvent, toEvent } from '../events/service';
import { sessionsFromJson } from '../events/session-rows';
import { createUserToken } from '../identity/accounts-repository';
import { createMember } from '../identity/join';
import { type KnownChangeFacts, registrationCancelled, registrationCreated } from './changes';
import { decideForClaim } from './eligibility';
import {
  cancelRegistration,
  findMemberRegistration,
  findRegistration,
  insertRegistration,
  listRegistrants,
  readEventForRegistration,
} from './repository';
import { fillFreeSeats } from './seats';
import { toRegistrant, toRegistration } from './view';

type Database = Kysely<DatabaseSchema>;

function contextOf(actor: Actor): ChangeContext {
  return { actorId: actor.account?.id ?? null, partnerId: actor.partnerId, requestId: actor.requestId };
}

function eventName(event: Event): string {
  return event.name.en ?? Object.values(event.name).find(Boolean) ?? event.slug;
}

/**
 * Refuses outside the registration window: 409 `registration-not-open` before it opens,
 * 409 `registration-closed` after it closes or once the event has ended.
 *
 * @example
 * assertRegistrationOpen(event, new Date());
 */
export function assertRegistrationOpen(event: Event, now: Date): void {
  const name = eventName(event);
  if (event.registrationOpensAt && now < new Date(event.registrationOpensAt)) {
    throw domainError('registration-not-open', {
      detail: `Registration for ${name} opens at ${event.registrationOpensAt}.`,
    });
  }
  if (now >= new Date(event.endsAt)) {
    throw domainError('registration-closed', {
      detail: `${name} has already taken place (it ended at ${event.endsAt}); registration is closed.`,
    });
  }
  if (event.registrationClosesAt && now >= new Date(event.registrationClosesAt)) {
    throw domainError('registration-closed', {
      detail: `Registration for ${name} closed at ${event.registrationClosesAt}.`,
    });
  }
}

/** Refuses (422) session ids that are not part of the event's programme. */
function checkSessions(programme: readonly EventSession[], sessionIds: readonly string[]): void {
  if (sessionIds.length === 0) return;
  const known = new Set(programme.map((session) => session.id));
  const unknown = sessionIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw domainError('validation-failed', {
      detail: `These sessions are not part of this event: ${unknown.join(', ')}.`,
      errors: unknown.map((id) => ({
        path: `sessionIds.${sessionIds.indexOf(id)}`,
        message: 'Unknown session',
      })),
    });
  }
}

/** A signed-out person joining the community with the registration (`join`). */
export interface Joining {
  signup: Signup;
  /** Hashed before the transaction: scrypt is slow and must not hold the event lock. */
  passwordHash: string;
  sessionTtlSeconds: number;
}

/** Who takes the seat: the signed-in member, or a newcomer joining with it (else 401/409). */
function whoRegisters(
  actor: Actor,
  input: RegistrationCreate,
  joining: Joining | undefined,
): { member: PrincipalAccount } | { joining: Joining } {
  if (input.join && actor.account) {
    throw domainError('already-signed-in', {
      detail: 'You are signed in: register without `join`.',
      errors: [{ path: 'join', message: 'Signed-in members register without join' }],
    });
  }
  if (actor.account) return { member: actor.account };
  if (joining) return { joining };
  throw domainError('authentication-required', {
    detail:
      'Send "Authorization: Bearer <token>" with a session or SSO user token, or join the community in this step by sending your sign-up details as `join`.',
    headers: { 'www-authenticate': 'Bearer' },
  });
}

/**
 * Registers the signed-in member, or a signed-out person who joins the community in the same
 * step (`joining`: account, profile, registration and session are created together or not at
 * all). Checks the window and eligibility, then takes a seat or the next waitlist place. The
 * event row is locked for the whole transaction, so concurrent registrations are counted one
 * after another on PostgreSQL as on PGlite: never more confirmed seats than the capacity.
 *
 * @example
 * const registration = await register(db, actor, 'world-smart-city-forum-2027', { claim: { communityMember: true } });
 */
export async function register(
  db: Database,
  actor: Actor,
  idOrSlug: string,
  input: RegistrationCreate,
  options: { joining?: Joining | undefined; now?: Date } = {},
): Promise<RegistrationCreated> {
  const { joining, now = new Date() } = options;
  const registrant = whoRegisters(actor, input, joining);
  const sessionIds = [...new Set(input.sessionIds ?? [])];
  return db.transaction().execute(async (trx) => {
    // The event's turn and row lock first, then the event as it is now with everything the
    // registration decides, notifies and announces by, so the lock is held for few statements.
    const eventId = await lockEventByIdOrSlug(trx, idOrSlug);
    const row = eventId
      ? await readEventForRegistration(trx, eventId, 'member' in registrant ? registrant.member.id : null)
      : undefined;
    if (!row) throw eventNotFound(idOrSlug);
    const event = toEvent(row);
    assertRegistrationOpen(event, now);
    const programme = sessionsFromJson(row.programme, row.time_zone);
    checkSessions(programme, sessionIds);
    if (row.held_status) throw alreadyRegistered(event, row.held_status);
    let account: PrincipalAccount;
    if ('member' in registrant) {
      account = registrant.member;
    } else {
      account = await createMember(trx, registrant.joining.signup, registrant.joining.passwordHash, {
        partnerId: actor.partnerId,
        requestId: actor.requestId,
        fieldPrefix: 'join.',
      });
    }

    const { decision, verified } = await decideForClaim(trx, event, account, input.claim ?? {}, now);
    if (event.freeAttendance.length > 0 && !decision.eligible) {
      throw domainError('not-eligible', {
        detail: decision.howToBecomeEligible
          ? `${decision.reason}. ${decision.howToBecomeEligible}`
          : `${decision.reason}.`,
      });
    }
    const invitationCodeHash = await redeem(trx, event, account.id, decision.basis, verified);

    // Counted under the event's lock: no other registration of this event changes them meanwhile.
    const confirmed = Number(row.confirmed);
    const waitlisted = Number(row.waitlisted);
    const status = event.capacity === null || confirmed < event.capacity ? 'confirmed' : 'waitlisted';
    const stored = await insertRegistration(trx, {
      eventId: event.id,
      accountId: account.id,
      status,
      basis: event.freeAttendance.length > 0 ? decision.basis : null,
      sessionIds,
      partnerId: actor.partnerId,
      invitationCodeHash,
    });
    if (!stored) throw alreadyRegistered(event, 'confirmed');
    // Last in line: every waitlisted registration of this event arrived before it.
    const registration = toRegistration({
      ...stored,
      waitlist_position: status === 'waitlisted' ? waitlisted + 1 : null,
    });
    // The session before the outbox write: recordEvent stays the transaction's last write.
    const session = joining
      ? await createUserToken(trx, {
          accountId: account.id,
          kind: 'session',
          ttlSeconds: joining.sessionTtlSeconds,
        })
      : null;
    const confirmedNow = confirmed + (status === 'confirmed' ? 1 : 0);
    const known: KnownChangeFacts = {
      sessions: programme,
      seats: {
        capacity: event.capacity,
        seatsLeft: event.capacity === null ? null : Math.max(0, event.capacity - confirmedNow),
        waitlisted: waitlisted + (status === 'waitlisted' ? 1 : 0),
      },
    };
    if ('member' in registrant) {
      // A newcomer's name and partners are read after their account is written; a member's were
      // read with the event: the registration's own partner and those the member came through.
      known.displayName = row.display_name;
      known.partnerIds = [
        ...new Set([...(actor.partnerId ? [actor.partnerId] : []), ...row.account_partner_ids]),
      ];
    }
    await registrationCreated(trx, { ...contextOf(actor), actorId: account.id }, registration, row, known);
    if (!session) return registration;
    return {
      ...registration,
      session: {
        token: session.token,
        tokenType: 'Bearer' as const,
        expiresAt: session.expiresAt.toISOString(),
        accountId: account.id,
      },
    };
  });
}

/**
 * Uses up what granted the seat: one use of an invitation code (refused past its limit, which
 * a concurrent registration may just have reached), or the co-located reference, claimed for
 * this account. Returns the redeemed code's hash.
 */
async function redeem(
  trx: Database,
  event: Event,
  accountId: string,
  basis: string | null,
  verified: Awaited<ReturnType<typeof decideForClaim>>['verified'],
): Promise<string | null> {
  if (basis === 'invited' && verified.invitationCodeHash) {
    const redeemed = await trx
      .updateTable('invitation_codes')
      .set((eb) => ({ use_count: eb('use_count', '+', 1) }))
      .where('event_id', '=', event.id)
      .where('code_hash', '=', verified.invitationCodeHash)
      .whereRef('use_count', '<', 'max_uses')
      .returning('use_count')
      .executeTakeFirst();
    if (!redeemed) {
      throw domainError('not-eligible', { detail: 'The invitation code has reached its use limit.' });
    }
    return verified.invitationCodeHash;
  }
  if (basis === 'co-located-registrant' && verified.coLocated) {
    await trx
      .updateTable('co_located_registrants')
      .set({ claimed_by: accountId })
      .where('event_id', '=', event.id)
      .where('co_located_code', '=', verified.coLocated.code)
      .where('reference_hash', '=', verified.coLocated.referenceHash)
      .execute();
  }
  return null;
}

function alreadyRegistered(event: Event, status: string): DomainError {
  return domainError('already-registered', {
    detail: `You already hold a ${status === 'waitlisted' ? 'waitlist place' : 'seat'} for ${eventName(event)}: one registration per person per event. See GET /v1/events/${event.id}/registrations/me.`,
  });
}

function notRegistered(): DomainError {
  return domainError('registration-not-found', { detail: 'You have no registration for this event.' });
}

/**
 * The signed-in member's registration for an event (the active one, else the latest cancelled).
 *
 * @example
 * const mine = await getMyRegistration(db, actor, 'world-smart-city-forum-2027');
 */
export async function getMyRegistration(db: Database, actor: Actor, idOrSlug: string): Promise<Registration> {
  const account = requireMember(actor);
  const event = await requireEventRow(db, idOrSlug);
  const row = await findMemberRegistration(db, event.id, account.id);
  if (!row) throw notRegistered();
  return toRegistration(row);
}

/**
 * Cancels the signed-in member's registration; a freed seat goes to the first on the waitlist
 * in the same transaction (`registration.promoted`).
 *
 * @example
 * const cancelled = await cancelMyRegistration(db, actor, eventId);
 */
export async function cancelMyRegistration(
  db: Database,
  actor: Actor,
  idOrSlug: string,
  now = new Date(),
): Promise<Registration> {
  const account = requireMember(actor);
  const found = await requireEventRow(db, idOrSlug);
  return db.transaction().execute(async (trx) => {
    const row = await requireLockedEvent(trx, found.id, idOrSlug);
    const event = toEvent(row);
    const mine = await findMemberRegistration(trx, event.id, account.id);
    if (!mine || mine.status === 'cancelled') throw notRegistered();
    if (now >= new Date(event.endsAt)) {
      throw domainError('event-ended', {
        detail: `${eventName(event)} has already taken place; its registrations are kept as they are.`,
      });
    }
    return giveUp(trx, row, mine, contextOf(actor));
  });
}

/**
 * Cancels a held registration inside the transaction that locked its event; a freed seat goes
 * to the first in line.
 */
async function giveUp(
  trx: Database,
  event: EventRow,
  held: { id: string; status: string },
  context: ChangeContext,
): Promise<Registration> {
  await cancelRegistration(trx, held.id);
  const cancelled = await findRegistration(trx, held.id);
  if (!cancelled) throw new Error(`registration ${held.id} vanished inside its transaction`);
  const registration = toRegistration(cancelled);
  await registrationCancelled(trx, context, registration, event);
  if (held.status === 'confirmed') await fillFreeSeats(trx, event, context);
  return registration;
}

/**
 * Gives up the member's seats and waitlist places for events that have not ended, in the
 * caller's transaction (account deletion): each freed seat goes to the first in line. Events
 * are locked one after another in id order, so two deletions never wait on each other in a
 * circle. Registrations for past events stay (the record of who came), anonymized with the account.
 *
 * @example
 * await releaseUpcomingRegistrations(trx, actor); // 2
 */
export async function releaseUpcomingRegistrations(
  trx: Database,
  actor: Actor,
  now = new Date(),
): Promise<number> {
  const accountId = requireMember(actor).id;
  const held = await trx
    .selectFrom('registrations')
    .innerJoin('events', 'events.id', 'registrations.event_id')
    .select('registrations.event_id')
    .where('registrations.account_id', '=', accountId)
    .where('registrations.status', 'in', ['confirmed', 'waitlisted'])
    .where('events.ends_at', '>', now)
    .orderBy('registrations.event_id')
    .execute();
  // Every event's turn before the transaction writes anything (see holdSubject), in id order.
  for (const { event_id: eventId } of held) await holdSubject(trx, 'event', eventId);
  let released = 0;
  for (const { event_id: eventId } of held) {
    const row = await lockEvent(trx, eventId);
    const mine = row ? await findMemberRegistration(trx, eventId, accountId) : undefined;
    if (!row || !mine || mine.status === 'cancelled') continue;
    await giveUp(trx, row, mine, contextOf(actor));
    released += 1;
  }
  return released;
}

/**
 * One page of an event's registrations with who registered, in arrival order (organisers).
 *
 * @example
 * const page = await listRegistrantPage(db, actor, eventId, { limit: 100 });
 */
export async function listRegistrantPage(
  db: Database,
  actor: Actor,
  idOrSlug: string,
  params: EventRegistrantListParams,
): Promise<Page<EventRegistrant>> {
  const account = requireMember(actor);
  const row = await requireEventRow(db, idOrSlug);
  await requireOrganiser(db, account, row.organiser_ids);
  return readKeysetPage({
    cursor: params.cursor,
    limit: params.limit,
    sort: 'arrival',
    keyTypes: ['number'],
    read: (after, count) =>
      listRegistrants(db, row.id, params, (after?.[0] as number | undefined) ?? null, count),
    keysOf: (registrant) => [Number(registrant.sequence)],
    toItem: toRegistrant,
  });
}

/**
 * Every registration of an event with who registered, for the CSV export (organisers).
 *
 * @example
 * const registrants = await listAllRegistrants(db, actor, eventId);
 */
export async function listAllRegistrants(
  db: Database,
  actor: Actor,
  idOrSlug: string,
  status?: string,
): Promise<{ event: Event; registrants: EventRegistrant[] }> {
  const account = requireMember(actor);
  const row = await requireEventRow(db, idOrSlug);
  await requireOrganiser(db, account, row.organiser_ids);
  const rows = await listRegistrants(db, row.id, { status }, null, null);
  return { event: toEvent(row), registrants: rows.map(toRegistrant) };
}
