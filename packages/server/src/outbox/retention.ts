import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';

/** How long events stay replayable (Last-Event-ID) and finished deliveries stay in the log. */
export const OUTBOX_RETENTION_MILLISECONDS = 30 * 24 * 3_600_000;

const BATCH = 5000;

/**
 * Deletes finished webhook deliveries (with their attempt log) and outbox events older than the
 * retention; an event a delivery still waits on is kept. Safe to run on every instance at once.
 * Returns how many events were deleted.
 *
 * @example
 * await purgeOutbox(db, new Date());
 */
export async function purgeOutbox(
  db: Kysely<DatabaseSchema>,
  now: Date,
  retentionMilliseconds = OUTBOX_RETENTION_MILLISECONDS,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionMilliseconds);
  for (;;) {
    const deleted = await sql`
      delete from webhook_deliveries where id in (
        select id from webhook_deliveries where status <> 'pending' and created_at < ${cutoff} limit ${BATCH}
      )
    `.execute(db);
    if (Number(deleted.numAffectedRows ?? 0) < BATCH) break;
  }
  let events = 0;
  for (;;) {
    const deleted = await sql`
      delete from outbox_events where id in (
        select event.id from outbox_events event
        where event.created_at < ${cutoff}
          and not exists (select 1 from webhook_deliveries delivery where delivery.event_id = event.id)
        limit ${BATCH}
      )
    `.execute(db);
    const count = Number(deleted.numAffectedRows ?? 0);
    events += count;
    if (count < BATCH) return events;
  }
}
