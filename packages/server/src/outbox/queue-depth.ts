import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';

/** The tables a worker claims its work from with `FOR UPDATE SKIP LOCKED` (see claim-loop.ts). */
export type WorkQueueTable = 'mail_outbox' | 'webhook_deliveries';

/** Work still to do in a queue table: never tried yet, or tried and waiting for a retry. */
export interface QueueDepth {
  waiting: number;
  retrying: number;
}

/**
 * How much work waits in a queue table, in every instance's queue (the table is the queue).
 *
 * @example
 * const { waiting, retrying } = await queueDepth(db, 'mail_outbox');
 */
export async function queueDepth(db: Kysely<DatabaseSchema>, table: WorkQueueTable): Promise<QueueDepth> {
  const result = await sql<QueueDepth>`
    select count(*) filter (where attempts = 0)::int as waiting, count(*) filter (where attempts > 0)::int as retrying
    from ${sql.table(table)} where status = 'pending'
  `.execute(db);
  return result.rows[0] ?? { waiting: 0, retrying: 0 };
}
