import type { WebhookEventType } from '@wsc/models';
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import type { StoredAudience } from './audience';

/**
 * Where an event sits in the outbox's order: its writing transaction, then its id. Events of a
 * transaction that committed later than one already read always lie after it (see
 * migrations/0006_outbox_commit_order.sql); ids alone do not, as writers draw them without a
 * common lock.
 */
export interface OutboxPosition {
  /** The writing transaction's id (xid8; below 2^53 for any real database). */
  xact: number;
  id: number;
}

/** Before every event. */
export const OUTBOX_START: OutboxPosition = { xact: 0, id: 0 };

/**
 * Whether `a` comes after `b` in the outbox order.
 *
 * @example
 * isAfter({ xact: 9, id: 3 }, { xact: 8, id: 7 }); // true
 */
export function isAfter(a: OutboxPosition, b: OutboxPosition): boolean {
  return a.xact > b.xact || (a.xact === b.xact && a.id > b.id);
}

/** An outbox event as the live hub and the webhook worker read it, its audience judged today. */
export interface OutboxRow {
  id: number;
  position: OutboxPosition;
  type: WebhookEventType;
  topics: string[];
  data: Record<string, unknown>;
  audience: StoredAudience;
  publicData: Record<string, unknown> | null;
  createdAt: Date;
}

export interface OutboxPage {
  /** Events after the position whose transactions are over for good, in outbox order. */
  rows: OutboxRow[];
  /**
   * True when committed events follow that are not settled yet (an older transaction is still
   * running): read again shortly, even if no new commit is announced.
   */
  pending: boolean;
}

/**
 * The stored audience with today's organisers of its `organisersOfEvent` among its
 * `organizationIds`: whoever organised the event the day it was written and no longer does
 * reads what the public reads, and a new organiser reads what came before them.
 */
export const CURRENT_AUDIENCE_SQL = sql`case when audience ? 'organisersOfEvent' then
      (audience - 'organisersOfEvent') || jsonb_build_object('organizationIds',
        coalesce(audience -> 'organizationIds', '[]'::jsonb) || coalesce(
          (select jsonb_agg(organiser.organization_id) from event_organisers organiser
           where organiser.event_id = audience ->> 'organisersOfEvent'), '[]'::jsonb))
      else audience end`;

/**
 * Committed outbox events after `after`, in outbox order, up to the oldest transaction still
 * running; with `topics`, only those sharing one.
 *
 * @example
 * const { rows, pending } = await readOutboxAfter(db, position, { topics: ['votes'], limit: 100 });
 */
export async function readOutboxAfter(
  db: Kysely<DatabaseSchema>,
  after: OutboxPosition,
  options: { topics?: readonly string[] | undefined; limit?: number | undefined } = {},
): Promise<OutboxPage> {
  const result = await sql<{
    id: number;
    xact: number;
    settled: boolean;
    type: string;
    topics: string[];
    data: Record<string, unknown>;
    audience: StoredAudience;
    public_data: Record<string, unknown> | null;
    created_at: Date;
  }>`
    select id, xact_id::text::int8 as xact, xact_id < pg_snapshot_xmin(pg_current_snapshot()) as settled,
           type, topics, data, ${CURRENT_AUDIENCE_SQL} as audience, public_data, created_at
    from outbox_events
    where (xact_id, id) > (${String(after.xact)}::xid8, ${after.id}::int8)
      ${options.topics ? sql`and topics && ${[...options.topics]}::text[]` : sql``}
    order by xact_id, id
    limit ${options.limit ?? 500}
  `.execute(db);
  const rows: OutboxRow[] = [];
  for (const row of result.rows) {
    // Ordered by transaction: once one is not settled, none after it is.
    if (!row.settled) return { rows, pending: true };
    rows.push({
      id: Number(row.id),
      position: { xact: Number(row.xact), id: Number(row.id) },
      type: row.type as WebhookEventType,
      topics: row.topics,
      data: row.data,
      audience: row.audience,
      publicData: row.public_data,
      createdAt: row.created_at,
    });
  }
  return { rows, pending: false };
}

/**
 * The position of the last settled event ({@link OUTBOX_START} when none): where a new reader
 * starts.
 *
 * @example
 * const start = await latestOutboxPosition(db);
 */
export async function latestOutboxPosition(db: Kysely<DatabaseSchema>): Promise<OutboxPosition> {
  const result = await sql<{ xact: number; id: number }>`
    select xact_id::text::int8 as xact, id from outbox_events
    where xact_id < pg_snapshot_xmin(pg_current_snapshot())
    order by xact_id desc, id desc
    limit 1
  `.execute(db);
  const row = result.rows[0];
  return row ? { xact: Number(row.xact), id: Number(row.id) } : OUTBOX_START;
}

/** Committed outbox events a reader has not had yet: how many, and how old the oldest is. */
export interface OutboxBacklog {
  events: number;
  /** Age of the oldest (0 when there is none). */
  seconds: number;
}

/**
 * The events committed after `after` (a reader's position), and the age of the oldest.
 *
 * @example
 * const { events, seconds } = await outboxBacklog(db, app.outbox.lastPosition);
 */
export async function outboxBacklog(
  db: Kysely<DatabaseSchema>,
  after: OutboxPosition,
): Promise<OutboxBacklog> {
  const result = await sql<OutboxBacklog>`
    select count(*)::int as events,
           coalesce(extract(epoch from clock_timestamp() - min(created_at)), 0)::float8 as seconds
    from outbox_events
    where (xact_id, id) > (${String(after.xact)}::xid8, ${after.id}::int8)
  `.execute(db);
  return result.rows[0] ?? { events: 0, seconds: 0 };
}

/**
 * Where to resume after the event a client names (`Last-Event-ID`): that event's position. An
 * id no longer stored (past the retention) resumes with the oldest transaction that wrote a
 * larger id, so nothing newer is skipped; an id above every stored one (another database, a
 * reset) resumes from the latest event, as a new reader would.
 *
 * @example
 * const position = await positionAfterEvent(db, 41);
 */
export async function positionAfterEvent(db: Kysely<DatabaseSchema>, id: number): Promise<OutboxPosition> {
  const result = await sql<{ xact: number; id: number }>`
    select 0 as rank, xact_id::text::int8 as xact, id from outbox_events where id = ${id}
    union all
    (select 1, xact_id::text::int8, ${id}::int8 from outbox_events where id > ${id} order by xact_id limit 1)
    order by rank
    limit 1
  `.execute(db);
  const row = result.rows[0];
  if (!row) return latestOutboxPosition(db);
  return { xact: Number(row.xact), id: Number(row.id) };
}
