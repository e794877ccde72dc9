import type { CoLocatedEvent } from '@wsc/models';
import { type Kysely, type Selectable, sql } from 'kysely';
import { afterTimestampKey, type KeyValue, timestampKey } from '../community/keyset-cursor';
import { runPrepared } from '../database/prepared-statements';
import type { DatabaseSchema, EventsTable } from '../database/schema';
import { subjectTurnSql } from '../database/turns';

type Database = Kysely<DatabaseSchema>;

/** A stored event with its organisers (lead first) and co-located events. */
export type EventRow = Selectable<EventsTable> & {
  organiser_ids: string[];
  co_located: CoLocatedEvent[];
  /** starts_at to the microsecond, the list's cursor key (a Date keeps milliseconds only). */
  starts_at_key: string;
};

/** The row fields `insertEvent` and `updateEvent` write. */
export interface EventValues {
  slug: string;
  name: Record<string, string>;
  description: Record<string, string>;
  startsAt: Date | string;
  endsAt: Date | string;
  timeZone: string;
  city: string;
  country: string;
  venue: string | null;
  capacity: number | null;
  registrationOpensAt: Date | string | null;
  registrationClosesAt: Date | string | null;
  freeAttendance: string[];
  source: string | null;
  organiserIds: string[];
  coLocatedEvents: CoLocatedEvent[];
}

/**
 * The event columns, named rather than `events.*`: the registration's event read is a prepared
 * statement, and PostgreSQL refuses to run a prepared `*` once a migration has added a column
 * ("cached plan must not change result type"), as an older instance would during a rolling
 * deploy. A column missing here fails the type check below.
 */
const EVENT_COLUMNS = [
  'events.id',
  'events.slug',
  'events.name',
  'events.description',
  'events.starts_at',
  'events.ends_at',
  'events.time_zone',
  'events.city',
  'events.country',
  'events.venue',
  'events.capacity',
  'events.registration_opens_at',
  'events.registration_closes_at',
  'events.free_attendance',
  'events.source',
  'events.created_by',
  'events.partner_id',
  'events.created_at',
  'events.updated_at',
] as const;
type UnlistedEventColumn = Exclude<`events.${keyof EventsTable}`, (typeof EVENT_COLUMNS)[number]>;
const everyEventColumnListed: [UnlistedEventColumn] extends [never] ? true : UnlistedEventColumn = true;
void everyEventColumnListed;

/** Every event column with its organisers and co-located events; callers add conditions and columns. */
export function selectEvents(db: Database) {
  return db
    .selectFrom('events')
    .select(EVENT_COLUMNS)
    .select([
      sql<
        string[]
      >`coalesce((select array_agg(o.organization_id order by o.position) from event_organisers o where o.event_id = events.id), '{}')`.as(
        'organiser_ids',
      ),
      sql<
        CoLocatedEvent[]
      >`coalesce((select jsonb_agg(jsonb_build_object('code', c.code, 'name', c.name, 'url', c.url) order by c.position) from event_co_located c where c.event_id = events.id), '[]'::jsonb)`.as(
        'co_located',
      ),
      timestampKey('events.starts_at').as('starts_at_key'),
    ]);
}

/**
 * Reads an event by id or by slug.
 *
 * @example
 * const row = await findEvent(db, 'world-smart-city-forum-2016');
 */
export async function findEvent(db: Database, idOrSlug: string): Promise<EventRow | undefined> {
  return selectEvents(db)
    .where((eb) => eb.or([eb('events.id', '=', idOrSlug), eb('events.slug', '=', idOrSlug)]))
    .orderBy(sql`events.id = ${idOrSlug}`, 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Locks an event row until the transaction ends and reads it as it is then: registrations of
 * one event queue behind the lock, so seats are counted by one writer at a time (on
 * PostgreSQL's pool as on PGlite). Call it first in the transaction. The lock is
 * {@link lockEventByIdOrSlug}'s, the one way an event is locked.
 *
 * @example
 * const row = await lockEvent(trx, eventId);
 */
export async function lockEvent(db: Database, id: string): Promise<EventRow | undefined> {
  const locked = await lockEventByIdOrSlug(db, id);
  if (locked === undefined) return undefined;
  return selectEvents(db).where('events.id', '=', locked).executeTakeFirst();
}

/**
 * Takes the event's turn among the writers of its events (the turn `holdSubject` takes, so `seatsLeft`
 * goes out in the order seats were taken) and locks its row, in one statement, the event found
 * by id or slug: the turn is taken in the scan's filter, before the row above it is locked, so
 * the transaction gets its id (at the row lock) only once its turn has come. Returns the event's
 * id (undefined: no such event); read the row after it, in a statement of its own, to see it as
 * it is now.
 *
 * @example
 * const id = await lockEventByIdOrSlug(trx, 'world-smart-city-forum-2027');
 */
export async function lockEventByIdOrSlug(db: Database, idOrSlug: string): Promise<string | undefined> {
  const query = sql<{ id: string }>`
    select event.id from events event
    where event.id = (
        select found.id from events found
        where found.id = ${idOrSlug} or found.slug = ${idOrSlug}
        order by found.id = ${idOrSlug} desc
        limit 1
      )
      and ${sql.raw(subjectTurnSql('event', 'event.id'))} is not null
    for update of event
  `;
  const result = await runPrepared(db, query.compile(db));
  return result.rows[0]?.id;
}

export interface EventFilters {
  when: 'upcoming' | 'past' | 'all';
  from?: string | undefined;
  to?: string | undefined;
  city?: string | undefined;
  country?: string | undefined;
  organiser?: string | undefined;
}

/**
 * One keyset page of events: upcoming and all in start order, past most recent first.
 * `after` is the previous page's last (start instant, id).
 *
 * @example
 * const rows = await listEvents(db, { when: 'past' }, null, 21, new Date());
 */
export async function listEvents(
  db: Database,
  filters: EventFilters,
  after: readonly KeyValue[] | null,
  limit: number,
  now: Date,
): Promise<EventRow[]> {
  const descending = filters.when === 'past';
  let query = selectEvents(db);
  if (filters.when === 'upcoming') query = query.where('events.ends_at', '>=', now);
  if (filters.when === 'past') query = query.where('events.ends_at', '<', now);
  if (filters.from) query = query.where('events.ends_at', '>=', new Date(filters.from));
  if (filters.to) query = query.where('events.starts_at', '<', new Date(filters.to));
  if (filters.city) query = query.where(sql<boolean>`lower(events.city) = lower(${filters.city})`);
  if (filters.country) query = query.where('events.country', '=', filters.country);
  if (filters.organiser) {
    const organiser = filters.organiser;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('event_organisers')
          .select('event_organisers.event_id')
          .whereRef('event_organisers.event_id', '=', 'events.id')
          .where((eb) =>
            eb.or([
              eb('event_organisers.organization_id', '=', organiser),
              eb(
                'event_organisers.organization_id',
                'in',
                eb
                  .selectFrom('organizations')
                  .select('organizations.id')
                  .where('organizations.slug', '=', organiser),
              ),
            ]),
          ),
      ),
    );
  }
  if (after) {
    query = query.where(
      afterTimestampKey('events.starts_at', 'events.id', descending ? 'desc' : 'asc', after),
    );
  }
  const direction = descending ? 'desc' : 'asc';
  return query.orderBy('events.starts_at', direction).orderBy('events.id', direction).limit(limit).execute();
}

async function writeRelations(db: Database, eventId: string, values: EventValues): Promise<void> {
  await db.deleteFrom('event_organisers').where('event_id', '=', eventId).execute();
  await db.deleteFrom('event_co_located').where('event_id', '=', eventId).execute();
  if (values.organiserIds.length > 0) {
    await db
      .insertInto('event_organisers')
      .values(
        values.organiserIds.map((organizationId, position) => ({
          event_id: eventId,
          organization_id: organizationId,
          position,
        })),
      )
      .execute();
  }
  if (values.coLocatedEvents.length > 0) {
    await db
      .insertInto('event_co_located')
      .values(
        values.coLocatedEvents.map((coLocated, position) => ({
          event_id: eventId,
          code: coLocated.code,
          name: coLocated.name,
          url: coLocated.url,
          position,
        })),
      )
      .execute();
  }
}

function columns(values: EventValues) {
  return {
    slug: values.slug,
    name: JSON.stringify(values.name),
    description: JSON.stringify(values.description),
    starts_at: values.startsAt,
    ends_at: values.endsAt,
    time_zone: values.timeZone,
    city: values.city,
    country: values.country,
    venue: values.venue,
    capacity: values.capacity,
    registration_opens_at: values.registrationOpensAt,
    registration_closes_at: values.registrationClosesAt,
    free_attendance: values.freeAttendance,
    source: values.source,
  };
}

/**
 * Inserts an event with its organisers and co-located events; `undefined` when the slug (or
 * the given id) is taken. Run it in a transaction.
 *
 * @example
 * const id = await insertEvent(trx, values, { createdBy: account.id, partnerId: null });
 */
export async function insertEvent(
  db: Database,
  values: EventValues,
  origin: { id?: string; createdBy: string | null; partnerId: string | null },
): Promise<string | undefined> {
  const inserted = await db
    .insertInto('events')
    .values({
      ...(origin.id ? { id: origin.id } : {}),
      ...columns(values),
      created_by: origin.createdBy,
      partner_id: origin.partnerId,
    })
    .onConflict((conflict) => conflict.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return undefined;
  await writeRelations(db, inserted.id, values);
  return inserted.id;
}

/**
 * Rewrites an event's fields and relations; false when the new slug is taken. Run it in a
 * transaction that locked the event.
 *
 * @example
 * await updateEvent(trx, id, { ...values, capacity: 80 });
 */
export async function updateEvent(db: Database, id: string, values: EventValues): Promise<boolean> {
  const clash = await db
    .selectFrom('events')
    .select('id')
    .where('slug', '=', values.slug)
    .where('id', '<>', id)
    .executeTakeFirst();
  if (clash) return false;
  await db
    .updateTable('events')
    .set({ ...columns(values), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await writeRelations(db, id, values);
  return true;
}

/**
 * Organization ids among `ids` that do not exist.
 *
 * @example
 * await unknownOrganizations(db, ['iec', 'nope']); // ['nope']
 */
export async function unknownOrganizations(db: Database, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db
    .selectFrom('organizations')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  const known = new Set(found.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}

/**
 * The organization of a member's profile, or null.
 *
 * @example
 * const organizationId = await organizationOf(db, account.stakeholderId);
 */
export async function organizationOf(db: Database, stakeholderId: string): Promise<string | null> {
  const row = await db
    .selectFrom('stakeholders')
    .select('organization_id')
    .where('id', '=', stakeholderId)
    .executeTakeFirst();
  return row?.organization_id ?? null;
}
