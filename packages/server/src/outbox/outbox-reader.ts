import type { WebhookEventType } from '@wsc/models';
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import type { StoredAudience } from './audience';

/** An outbox event as the live hub and the webhook worker read it. */
export interface OutboxRow {
  id: number;
  type: WebhookEventType;
  topics: string[];
  data: Record<string, unknown>;
  audience: StoredAudience;
  publicData: Record<string, unknown> | null;
  createdAt: Date;
}

/**
 * Committed outbox events after `afterId`, oldest first; with `topics`, only those sharing one.
 *
 * @example
 * const rows = await readOutboxAfter(db, 41, { topics: ['votes'], limit: 100 });
 */
export async function readOutboxAfter(
  db: Kysely<DatabaseSchema>,
  afterId: number,
  options: { topics?: readonly string[] | undefined; limit?: number | undefined } = {},
): Promise<OutboxRow[]> {
  let query = db
    .selectFrom('outbox_events')
    .select(['id', 'type', 'topics', 'data', 'audience', 'public_data', 'created_at'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(options.limit ?? 500);
  if (options.topics) query = query.where(sql<boolean>`topics && ${[...options.topics]}::text[]`);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: Number(row.id),
    type: row.type as WebhookEventType,
    topics: row.topics,
    data: row.data,
    audience: row.audience as StoredAudience,
    publicData: row.public_data,
    createdAt: row.created_at,
  }));
}

/**
 * The largest committed outbox id (0 when empty): where a new reader starts.
 *
 * @example
 * const start = await latestOutboxId(db);
 */
export async function latestOutboxId(db: Kysely<DatabaseSchema>): Promise<number> {
  const row = await db
    .selectFrom('outbox_events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}
