import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { recordEvent } from '../outbox/record-event';
import { findComment } from './repository';
import { commentView } from './view';

type Database = Kysely<DatabaseSchema>;

/**
 * `comment.created` / `comment.updated` (an edit): the comment, public unless it is hidden (then
 * moderators and its author only); an edit also rewrites the text of the comment's earlier events
 * to today's. `comment.hidden`: public, ids only, so pages can remove it; the text is also
 * withdrawn from the comment's earlier events. Replays and retries read those earlier events.
 *
 * @example
 * await recordCommentEvent(trx, 'comment.hidden', commentId, actor.partnerId);
 */
export async function recordCommentEvent(
  trx: Database,
  type: 'comment.created' | 'comment.updated' | 'comment.hidden',
  commentId: string,
  partnerId: string | null,
): Promise<void> {
  const row = await findComment(trx, commentId);
  if (!row) return;
  if (type === 'comment.hidden') {
    // Replays (Last-Event-ID) and pending webhooks read the outbox: withdraw the text there too.
    await sql`
      update outbox_events
      set data = jsonb_set(jsonb_set(data, '{body}', '""'::jsonb), '{hidden}', 'true'::jsonb)
      where subject_type = 'comment' and subject_id = ${row.id}
        and type in ('comment.created', 'comment.updated')
    `.execute(trx);
    await recordEvent(trx, {
      type,
      subject: { type: 'comment', id: row.id },
      data: {
        id: row.id,
        painPointId: row.pain_point_id,
        parentId: row.parent_id,
        hidden: true,
        hiddenAt: (row.hidden_at ?? new Date()).toISOString(),
      },
      partnerId,
      visibility: 'public',
    });
    return;
  }
  if (type === 'comment.updated') {
    // The edited words leave the earlier events too; a text already withdrawn stays withdrawn.
    await sql`
      update outbox_events
      set data = jsonb_set(data, '{body}', to_jsonb(${row.body}::text))
      where subject_type = 'comment' and subject_id = ${row.id}
        and type in ('comment.created', 'comment.updated')
        and data ->> 'body' <> '' and data ->> 'body' <> ${row.body}
    `.execute(trx);
  }
  await recordEvent(trx, {
    type,
    subject: { type: 'comment', id: row.id },
    // The text even when hidden: only moderators and the author read this event then.
    data: commentView(row, true),
    partnerId,
    visibility: row.hidden
      ? { roles: ['moderator'], accountIds: row.author_id ? [row.author_id] : [] }
      : 'public',
  });
}
