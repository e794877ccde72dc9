import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { recordEvent } from '../outbox/record-event';
import { findPainPoint, type PainPointRow } from './repository';
import { painPointRecord } from './view';

// The pain point feature's events, recorded by its services (and the standards feature's
// mapping) inside their transactions, from the rows the transaction just wrote.

type Database = Kysely<DatabaseSchema>;

/**
 * `pain_point.created` / `pain_point.updated`: the pain point in every language it has. Public.
 * An update also rewrites the title and description of the pain point's earlier events to today's.
 * Give the row the transaction just wrote when the caller holds it (creation), or its id to read
 * it. A vote records its `pain_point.voted` in its own statement (`changeVote` in votes/repository.ts).
 *
 * @example
 * await recordPainPointEvent(trx, 'pain_point.created', inserted, actor.partnerId);
 * await recordPainPointEvent(trx, 'pain_point.updated', id, actor.partnerId);
 */
export async function recordPainPointEvent(
  trx: Database,
  type: 'pain_point.created' | 'pain_point.updated',
  painPoint: PainPointRow | string,
  partnerId: string | null,
): Promise<void> {
  const row = typeof painPoint === 'string' ? await findPainPoint(trx, painPoint) : painPoint;
  if (!row) return;
  if (type === 'pain_point.updated') {
    // Replays (Last-Event-ID) and pending webhooks read the outbox: the earlier events of the pain
    // point show its text of today, never words its author or a moderator took out.
    const text = JSON.stringify({ title: row.title, description: row.description });
    await sql`
      update outbox_events set data = data || ${text}::jsonb
      where subject_type = 'pain_point' and subject_id = ${row.id}
        and type in ('pain_point.created', 'pain_point.updated')
        and (data -> 'title', data -> 'description') is distinct from
            (${text}::jsonb -> 'title', ${text}::jsonb -> 'description')
    `.execute(trx);
  }
  await recordEvent(trx, {
    type,
    subject: { type: 'pain_point', id: row.id },
    data: painPointRecord(row),
    partnerId,
    visibility: 'public',
  });
}
