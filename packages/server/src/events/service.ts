import { randomBytes } from 'node:crypto';
import type {
  EligibilityBasis,
  Event,
  EventCreate,
  EventListParams,
  EventUpdate,
  LocalizedText,
  Page,
} from '@wsc/models';
import { resolveText } from '@wsc/models';
import { slugify } from '@wsc/models/rules';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import { hasRole } from '../access/guards';
import type { PrincipalAccount } from '../access/principal';
import { recordAudit } from '../audit/record';
import { toLocalIso } from '../calendar/time-zone';
import { readKeysetPage } from '../community/keyset-cursor';
import type { DatabaseSchema } from '../database/schema';
import { type DomainError, domainError } from '../errors/domain-error';
import { queueEventChangeNotices } from './change-notices';
import { type ChangeContext, eventUpdated } from './changes';
import { requireMember, requireOrganiser } from './organisers';
import {
  type EventRow,
  type EventValues,
  findEvent,
  insertEvent,
  listEvents,
  lockEvent,
  organizationOf,
  unknownOrganizations,
  updateEvent,
} from './repository';

type Database = Kysely<DatabaseSchema>;

/**
 * The API shape of a stored event; times are written in the event's own time zone
 * (`2016-07-13T09:00:00+08:00`), the same instants as UTC.
 *
 * @example
 * reply.send(toEvent(row));
 */
export function toEvent(row: EventRow): Event {
  const local = (instant: Date | null) => (instant ? toLocalIso(instant, row.time_zone) : null);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    startsAt: toLocalIso(row.starts_at, row.time_zone),
    endsAt: toLocalIso(row.ends_at, row.time_zone),
    timeZone: row.time_zone,
    city: row.city,
    country: row.country,
    venue: row.venue,
    organiserIds: row.organiser_ids,
    coLocatedEvents: row.co_located,
    capacity: row.capacity,
    registrationOpensAt: local(row.registration_opens_at),
    registrationClosesAt: local(row.registration_closes_at),
    freeAttendance: row.free_attendance as EligibilityBasis[],
    source: row.source,
  };
}

/** 404 for an id or slug no event has. */
export function eventNotFound(idOrSlug: string): DomainError {
  return domainError('event-not-found', { detail: `No event has the id or slug "${idOrSlug}".` });
}

/**
 * Reads a stored event by id or slug, or throws 404.
 *
 * @example
 * const row = await requireEventRow(db, 'world-smart-city-forum-2016');
 */
export async function requireEventRow(db: Database, idOrSlug: string): Promise<EventRow> {
  const row = await findEvent(db, idOrSlug);
  if (!row) throw eventNotFound(idOrSlug);
  return row;
}

/**
 * Takes an event's turn and row lock in the caller's transaction and reads it as it is now, or
 * throws 404 (it was deleted meanwhile). `idOrSlug` is what the caller was asked for, for the
 * message.
 *
 * @example
 * const row = await requireLockedEvent(trx, found.id, idOrSlug);
 */
export async function requireLockedEvent(db: Database, id: string, idOrSlug = id): Promise<EventRow> {
  const row = await lockEvent(db, id);
  if (!row) throw eventNotFound(idOrSlug);
  return row;
}

/**
 * One page of events (upcoming by default), filtered by dates, city, country and organiser.
 *
 * @example
 * const page = await listEventPage(db, { when: 'past', limit: 20 });
 */
export async function listEventPage(
  db: Database,
  params: EventListParams,
  now = new Date(),
): Promise<Page<Event>> {
  return readKeysetPage({
    cursor: params.cursor,
    limit: params.limit,
    sort: params.when,
    keyTypes: ['timestamp', 'string'],
    read: (after, count) => listEvents(db, params, after, count, now),
    keysOf: (row) => [row.starts_at_key, row.id],
    toItem: toEvent,
  });
}

function validationFailed(detail: string, path: string, message = detail): DomainError {
  return domainError('validation-failed', { detail, errors: [{ path, message }] });
}

function cleanText(text: LocalizedText): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [language, value] of Object.entries(text)) {
    if (typeof value === 'string' && value.trim() !== '') clean[language] = value.trim();
  }
  return clean;
}

async function checkRelations(db: Database, values: EventValues): Promise<void> {
  const unknown = await unknownOrganizations(db, values.organiserIds);
  if (unknown.length > 0) {
    throw domainError('validation-failed', {
      detail: `No organization has the id ${unknown.join(', ')}.`,
      errors: unknown.map((id) => ({
        path: `organiserIds.${values.organiserIds.indexOf(id)}`,
        message: 'Unknown organization',
      })),
    });
  }
  if (new Set(values.organiserIds).size !== values.organiserIds.length) {
    throw validationFailed('An organization is listed twice.', 'organiserIds');
  }
  const codes = values.coLocatedEvents.map((coLocated) => coLocated.code.toLowerCase());
  if (new Set(codes).size !== codes.length) {
    throw validationFailed('Two co-located events share a code.', 'coLocatedEvents');
  }
  if (Date.parse(String(values.endsAt)) <= Date.parse(String(values.startsAt))) {
    throw validationFailed('endsAt must be after startsAt.', 'endsAt');
  }
  const opens = values.registrationOpensAt;
  const closes = values.registrationClosesAt;
  if (opens && closes && Date.parse(String(closes)) <= Date.parse(String(opens))) {
    throw validationFailed('registrationClosesAt must be after registrationOpensAt.', 'registrationClosesAt');
  }
}

/** A non-admin organiser may only create or keep events their own organization organises. */
async function checkOwnOrganization(
  db: Database,
  account: PrincipalAccount,
  organiserIds: string[],
): Promise<string[]> {
  if (hasRole(account, 'admin')) return organiserIds;
  const own = await organizationOf(db, account.stakeholderId);
  if (!own) {
    throw domainError('organiser-required', {
      detail:
        'Events are created by admins or by approved members of the organising organization: ask to join it (POST /v1/organizations/{id}/membership-requests); its managers approve members.',
    });
  }
  if (organiserIds.length === 0) return [own];
  if (!organiserIds.includes(own)) {
    throw domainError('organiser-required', {
      detail: `Your organization (${own}) must stay among the organiserIds.`,
    });
  }
  return organiserIds;
}

function contextOf(actor: Actor): ChangeContext {
  return { actorId: actor.account?.id ?? null, partnerId: actor.partnerId, requestId: actor.requestId };
}

/**
 * Creates an event (admins, or members of an organiser organization). The slug defaults to the
 * name's; 409 `slug-taken` when another event has it.
 *
 * @example
 * const event = await createEvent(db, actor, { name: { en: 'Forum 2027' }, … });
 */
export async function createEvent(db: Database, actor: Actor, input: EventCreate): Promise<Event> {
  const account = requireMember(actor);
  const organiserIds = await checkOwnOrganization(db, account, input.organiserIds ?? []);
  const name = cleanText(input.name);
  const values: EventValues = {
    slug:
      input.slug ??
      slugify(resolveText(name, ['en']).text, { fallbackId: `event-${randomBytes(4).toString('hex')}` }),
    name,
    description: cleanText(input.description),
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: input.timeZone,
    city: input.city,
    country: input.country,
    venue: input.venue ?? null,
    capacity: input.capacity ?? null,
    registrationOpensAt: input.registrationOpensAt ?? null,
    registrationClosesAt: input.registrationClosesAt ?? null,
    freeAttendance: input.freeAttendance ?? ['community-member'],
    source: input.source ?? null,
    organiserIds,
    coLocatedEvents: input.coLocatedEvents ?? [],
  };
  await checkRelations(db, values);
  const id = await db.transaction().execute(async (trx) => {
    const inserted = await insertEvent(trx, values, { createdBy: account.id, partnerId: actor.partnerId });
    if (!inserted) return undefined;
    await recordAudit(trx, {
      actorId: account.id,
      partnerId: actor.partnerId,
      requestId: actor.requestId,
      action: 'event.created',
      subjectType: 'event',
      subjectId: inserted,
      data: { slug: values.slug },
    });
    return inserted;
  });
  if (!id) {
    throw domainError('slug-taken', {
      detail: `Another event already has the slug "${values.slug}".`,
      errors: [{ path: 'slug', message: 'Choose another slug' }],
    });
  }
  return toEvent(await requireEventRow(db, id));
}

/** The stored columns of an event (to write it again, or to seed it from the catalogue). */
export function eventValues(event: Event): EventValues {
  return {
    slug: event.slug,
    name: event.name as Record<string, string>,
    description: event.description as Record<string, string>,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    city: event.city,
    country: event.country,
    venue: event.venue,
    capacity: event.capacity,
    registrationOpensAt: event.registrationOpensAt,
    registrationClosesAt: event.registrationClosesAt,
    freeAttendance: event.freeAttendance,
    source: event.source,
    organiserIds: event.organiserIds,
    coLocatedEvents: event.coLocatedEvents,
  };
}

/**
 * What a capacity change does besides the event, in its transaction: the registrations feature,
 * which sits above events, gives freed seats to the waitlist (`fillFreeSeats`).
 */
export type CapacityChangeStep = (trx: Database, event: EventRow, context: ChangeContext) => Promise<unknown>;

/**
 * Edits an event (its organisers or an admin). A capacity change runs `afterCapacityChange` in
 * the same transaction: with registrations, raising the capacity (or removing it) promotes
 * waitlisted registrations in arrival order; lowering it never cancels confirmed seats, it only
 * waitlists newcomers until seats free up.
 *
 * @example
 * const event = await updateEventById(db, actor, 'world-smart-city-forum-2016', { capacity: 500 }, fillFreeSeats);
 */
export async function updateEventById(
  db: Database,
  actor: Actor,
  idOrSlug: string,
  patch: EventUpdate,
  afterCapacityChange?: CapacityChangeStep,
): Promise<Event> {
  const account = requireMember(actor);
  const found = await requireEventRow(db, idOrSlug);
  const outcome = await db.transaction().execute(async (trx) => {
    const row = await requireLockedEvent(trx, found.id, idOrSlug);
    await requireOrganiser(trx, account, row.organiser_ids);
    const current = eventValues(toEvent(row));
    const changed = Object.keys(patch).filter((key) => (patch as Record<string, unknown>)[key] !== undefined);
    const values: EventValues = {
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
    } as EventValues;
    if (patch.name) values.name = cleanText(patch.name);
    if (patch.description) values.description = cleanText(patch.description);
    if (patch.organiserIds) {
      values.organiserIds = await checkOwnOrganization(trx, account, patch.organiserIds);
    }
    await checkRelations(trx, values);
    if (!(await updateEvent(trx, row.id, values))) return { slugTaken: values.slug } as const;
    const updated = await requireLockedEvent(trx, row.id, idOrSlug);
    const event = toEvent(updated);
    await queueEventChangeNotices(trx, toEvent(row), updated);
    await eventUpdated(trx, contextOf(actor), event, changed);
    if (patch.capacity !== undefined) await afterCapacityChange?.(trx, updated, contextOf(actor));
    return { event } as const;
  });
  if ('slugTaken' in outcome) {
    throw domainError('slug-taken', {
      detail: `Another event already has the slug "${outcome.slugTaken}".`,
      errors: [{ path: 'slug', message: 'Choose another slug' }],
    });
  }
  return outcome.event;
}
