import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';

/** Any constant: two instances starting on a restored database re-base the outbox once. */
const REBASE_LOCK = 7_242_017;
/** PostgreSQL's first ordinary transaction id: every transaction a cluster runs comes after it. */
const FIRST_NORMAL_TRANSACTION = 3n;

/** What {@link rebaseOutboxOrder} rewrote. */
export interface OutboxRebase {
  /** Events whose position was rewritten (0: the outbox was in order for this database). */
  events: number;
  /** Distinct positions they were given, one per run of increasing ids in the old order. */
  runs: number;
}

/**
 * Re-bases the outbox's order on this database's transaction ids, keeping the order readers see.
 *
 * An event's position is the id of the transaction that wrote it (migrations/0006), a number that
 * means something only on the PostgreSQL cluster that drew it. Copied or restored into another
 * cluster, the events may name transactions this cluster has not run yet: readers would wait for
 * them to settle, and new events would sort before them. Each run of events whose ids rise in the
 * old `(xact_id, id)` order gets one position from the start of the transaction ids, in order,
 * so `(xact_id, id)` order stays what it was, every copied event is settled, and every new
 * event comes after them. Event ids (the `Last-Event-ID` a client resumes from) do not change.
 *
 * Without `always`, only an outbox that names a transaction this database has not run yet is
 * re-based (the server's start, after a `pg_restore` into another cluster); `db copy` re-bases
 * always. Call it inside the transaction that wrote the events, or on its own.
 *
 * @example
 * await rebaseOutboxOrder(db); // at start: a no-op unless the outbox came from another cluster
 */
export async function rebaseOutboxOrder(
  db: Kysely<DatabaseSchema>,
  options: { always?: boolean } = {},
): Promise<OutboxRebase> {
  const rebase = async (trx: Kysely<DatabaseSchema>): Promise<OutboxRebase> => {
    await sql`select pg_advisory_xact_lock(${REBASE_LOCK})`.execute(trx);
    const state = await sql<{ ahead: boolean | null; xmin: string }>`
      select max(xact_id) >= pg_snapshot_xmax(pg_current_snapshot()) as ahead,
             pg_snapshot_xmin(pg_current_snapshot())::text as xmin
      from outbox_events
    `.execute(trx);
    const { ahead, xmin } = state.rows[0] ?? { ahead: null, xmin: '0' };
    if (ahead === null || (!ahead && !options.always)) return { events: 0, runs: 0 };
    const runs = await sql<{ events: number; runs: number }>`
      select count(*)::int4 as events, (count(*) filter (where breaks) + 1)::int4 as runs
      from (select id < lag(id) over (order by xact_id, id) as breaks from outbox_events) ordered
    `.execute(trx);
    const counted = runs.rows[0] ?? { events: 0, runs: 0 };
    if (FIRST_NORMAL_TRANSACTION + BigInt(counted.runs) > BigInt(xmin)) {
      throw new Error(
        `@wsc/server: the outbox needs ${counted.runs} positions below this cluster's oldest running transaction (${xmin}); run more transactions on this PostgreSQL first, or copy into an older cluster`,
      );
    }
    await sql`
      with ordered as (
        select id, xact_id, id < lag(id) over (order by xact_id, id) as breaks from outbox_events
      ), positions as (
        select id, count(*) filter (where breaks) over (order by xact_id, id) as run from ordered
      )
      update outbox_events event
      set xact_id = (${String(FIRST_NORMAL_TRANSACTION)}::int8 + positions.run)::text::xid8
      from positions
      where positions.id = event.id
    `.execute(trx);
    return counted;
  };
  return db.isTransaction ? rebase(db) : db.transaction().execute(rebase);
}
