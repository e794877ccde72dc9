import { type Kysely, sql } from 'kysely';
import { runPrepared } from '../database/prepared-statements';
import type { DatabaseSchema } from '../database/schema';
import { type EventRow, selectEvents } from '../events/repository';
import { programmeJsonSql, type SessionJson } from '../events/session-rows';

type Database = Kysely<DatabaseSchema>;

/** A stored registration with its place on the waitlist (null unless waitlisted). */
export interface RegistrationRow {
  id: string;
  sequence: number;
  event_id: string;
  account_id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  basis: string | null;
  session_ids: string[];
  created_at: Date;
  cancelled_at: Date | null;
  promoted_at: Date | null;
  waitlist_position: number | null;
}

/** A registration with who registered, for organisers. */
export interface RegistrantRow extends RegistrationRow {
  display_name: string;
  email: string;
  email_confirmed: boolean;
  /** The partner whose single sign-on created the account (and asserts its address). */
  email_partner_id: string | null;
  email_partner_name: string | null;
  organization_id: string | null;
}

function selectRegistrations(db: Database) {
  return db.selectFrom('registrations as r').select([
    'r.id',
    'r.sequence',
    'r.event_id',
    'r.account_id',
    'r.status',
    'r.basis',
    'r.session_ids',
    'r.created_at',
    'r.cancelled_at',
    'r.promoted_at',
    // The place counts the waitlisted who arrived earlier, so it moves up as others leave.
    sql<number | null>`case when r.status = 'waitlisted' then (
        select count(*) from registrations w
        where w.event_id = r.event_id and w.status = 'waitlisted' and w.sequence <= r.sequence
      ) end`.as('waitlist_position'),
  ]);
}

/**
 * A registration by id.
 *
 * @example
 * const row = await findRegistration(trx, id);
 */
export async function findRegistration(db: Database, id: string): Promise<RegistrationRow | undefined> {
  return selectRegistrations(db).where('r.id', '=', id).executeTakeFirst() as Promise<
    RegistrationRow | undefined
  >;
}

/**
 * Every registration of a member, cancelled ones included, oldest first (their data export).
 *
 * @example
 * const rows = await listMemberRegistrations(db, account.id);
 */
export async function listMemberRegistrations(db: Database, accountId: string): Promise<RegistrationRow[]> {
  return selectRegistrations(db)
    .where('r.account_id', '=', accountId)
    .orderBy('r.sequence')
    .execute() as Promise<RegistrationRow[]>;
}

/**
 * A member's registration for an event: the active one, else the latest cancelled one.
 *
 * @example
 * const mine = await findMemberRegistration(db, eventId, account.id);
 */
export async function findMemberRegistration(
  db: Database,
  eventId: string,
  accountId: string,
): Promise<RegistrationRow | undefined> {
  return selectRegistrations(db)
    .where('r.event_id', '=', eventId)
    .where('r.account_id', '=', accountId)
    .orderBy(sql`r.status = 'cancelled'`)
    .orderBy('r.sequence', 'desc')
    .limit(1)
    .executeTakeFirst() as Promise<RegistrationRow | undefined>;
}

/**
 * Stores a registration and answers it as stored (`waitlist_position` aside: the caller knows
 * it from the count it decided the status by); `undefined` when the member already holds an
 * active one (the unique index decides, whatever the callers raced).
 *
 * @example
 * const row = await insertRegistration(trx, { eventId, accountId, status: 'confirmed', basis: 'community-member', sessionIds: [], partnerId: null, invitationCodeHash: null });
 */
export async function insertRegistration(
  db: Database,
  values: {
    eventId: string;
    accountId: string;
    status: 'confirmed' | 'waitlisted';
    basis: string | null;
    sessionIds: string[];
    partnerId: string | null;
    invitationCodeHash: string | null;
  },
): Promise<Omit<RegistrationRow, 'waitlist_position'> | undefined> {
  const query = db
    .insertInto('registrations')
    .values({
      event_id: values.eventId,
      account_id: values.accountId,
      status: values.status,
      basis: values.basis,
      session_ids: values.sessionIds,
      partner_id: values.partnerId,
      invitation_code_hash: values.invitationCodeHash,
    })
    .onConflict((conflict) =>
      conflict.columns(['event_id', 'account_id']).where('status', '<>', 'cancelled').doNothing(),
    )
    .returning([
      'id',
      'sequence',
      'event_id',
      'account_id',
      'status',
      'basis',
      'session_ids',
      'created_at',
      'cancelled_at',
      'promoted_at',
    ]);
  // Not a prepared statement: a generic plan cannot match the partial unique index the conflict
  // names (its predicate is a parameter), and PostgreSQL refuses the ON CONFLICT.
  return (await query.executeTakeFirst()) as Omit<RegistrationRow, 'waitlist_position'> | undefined;
}

/** The locked event with what a registration decides by, read in one statement. */
export interface RegisteringEventRow extends EventRow {
  /** Seats taken and places queued now. */
  confirmed: number;
  waitlisted: number;
  /** The status of the member's active registration, if they hold one. */
  held_status: 'confirmed' | 'waitlisted' | null;
  /** The member's display name and the partners they came through (their profile's, their SSO links'). */
  display_name: string | null;
  account_partner_ids: string[];
  /** The event's sessions (see `sessionsFromJson`). */
  programme: SessionJson[];
}

/**
 * The event as the registration's transaction locked it, with its programme, its seat counts
 * and the member's active registration, display name and partners: what deciding, notifying
 * and announcing one registration read, in one statement (`accountId` null: a newcomer).
 *
 * @example
 * const row = await readEventForRegistration(trx, eventId, account.id);
 */
export async function readEventForRegistration(
  db: Database,
  eventId: string,
  accountId: string | null,
): Promise<RegisteringEventRow | undefined> {
  const query = selectEvents(db)
    .select([
      sql<number>`(select count(*) from registrations r where r.event_id = events.id and r.status = 'confirmed')`.as(
        'confirmed',
      ),
      sql<number>`(select count(*) from registrations r where r.event_id = events.id and r.status = 'waitlisted')`.as(
        'waitlisted',
      ),
      sql<RegisteringEventRow['held_status']>`(select r.status from registrations r
          where r.event_id = events.id and r.account_id = ${accountId} and r.status <> 'cancelled' limit 1)`.as(
        'held_status',
      ),
      sql<string | null>`(select s.display_name from stakeholders s where s.id = ${accountId})`.as(
        'display_name',
      ),
      sql<string[]>`array(
          select s.partner_id from stakeholders s where s.id = ${accountId} and s.partner_id is not null
          union
          select i.partner_id from partner_identities i where i.account_id = ${accountId}
        )`.as('account_partner_ids'),
      programmeJsonSql(sql.ref('events.id')).as('programme'),
    ])
    .where('events.id', '=', eventId);
  const result = await runPrepared(db, query.compile());
  return result.rows[0] as RegisteringEventRow | undefined;
}

/**
 * Seats taken and places queued for an event.
 *
 * @example
 * const { confirmed, waitlisted } = await countRegistrations(trx, eventId);
 */
export async function countRegistrations(
  db: Database,
  eventId: string,
): Promise<{ confirmed: number; waitlisted: number }> {
  const rows = await db
    .selectFrom('registrations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('event_id', '=', eventId)
    .where('status', '<>', 'cancelled')
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0);
  return { confirmed: count('confirmed'), waitlisted: count('waitlisted') };
}

/**
 * The first `limit` waitlisted registrations in arrival order (all of them when null).
 *
 * @example
 * const next = await nextWaitlisted(trx, eventId, 1);
 */
export async function nextWaitlisted(db: Database, eventId: string, limit: number | null): Promise<string[]> {
  let query = db
    .selectFrom('registrations')
    .select('id')
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .orderBy('sequence');
  if (limit !== null) query = query.limit(limit);
  return (await query.execute()).map((row) => row.id);
}

/**
 * Moves registrations from the waitlist to a confirmed seat.
 *
 * @example
 * await confirmRegistrations(trx, ['r1']);
 */
export async function confirmRegistrations(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('registrations')
    .set({ status: 'confirmed', promoted_at: new Date() })
    .where('id', 'in', [...ids])
    .where('status', '=', 'waitlisted')
    .execute();
}

/**
 * Cancels a registration.
 *
 * @example
 * await cancelRegistration(trx, id);
 */
export async function cancelRegistration(db: Database, id: string): Promise<void> {
  await db
    .updateTable('registrations')
    .set({ status: 'cancelled', cancelled_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/**
 * Registrations of an event with who registered, in arrival order after `afterSequence`.
 *
 * @example
 * const rows = await listRegistrants(db, eventId, { status: 'waitlisted' }, null, 101);
 */
export async function listRegistrants(
  db: Database,
  eventId: string,
  filters: { status?: string | undefined },
  afterSequence: number | null,
  limit: number | null,
): Promise<RegistrantRow[]> {
  let query = selectRegistrations(db)
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .leftJoin('stakeholders as s', 's.id', 'r.account_id')
    // An account a partner's SSO created has one link: that partner gave (and updates) its address.
    .leftJoin('partner_identities as pi', 'pi.account_id', 'r.account_id')
    .leftJoin('partners as p', 'p.id', 'pi.partner_id')
    .select([
      sql<string>`coalesce(s.display_name, '')`.as('display_name'),
      sql<string>`a.email`.as('email'),
      sql<boolean>`a.email_confirmed_at is not null`.as('email_confirmed'),
      sql<string | null>`p.id`.as('email_partner_id'),
      sql<string | null>`p.name`.as('email_partner_name'),
      sql<string | null>`s.organization_id`.as('organization_id'),
    ])
    .where('r.event_id', '=', eventId);
  if (filters.status) query = query.where('r.status', '=', filters.status as RegistrationRow['status']);
  if (afterSequence !== null) query = query.where('r.sequence', '>', afterSequence as never);
  query = query.orderBy('r.sequence');
  if (limit !== null) query = query.limit(limit);
  return (await query.execute()) as unknown as RegistrantRow[];
}
