import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { enqueueOptionalMail } from '../mail/member-mail';
import { commentHiddenTemplate } from '../mail/templates/comment-hidden';
import type { CommentRow } from './repository';

/** How much of the member's comment the notice quotes. */
const EXCERPT_LENGTH = 160;

/**
 * Whether a moderator's hide tells the author: yes when a moderator hides a visible comment,
 * or confirms a hide that reports made automatically (that hide is provisional and tells
 * nobody); no for a comment a moderator already hid, an author gone, or the moderator's own.
 */
export function hideTellsAuthor(
  comment: CommentRow,
  moderatorId: string,
): comment is CommentRow & { author_id: string } {
  if (!comment.author_id || comment.author_id === moderatorId) return false;
  return !comment.hidden || comment.hidden_reason !== 'moderator';
}

/**
 * Queues the author's notice of a moderator's hide, with the reason, in the moderation's
 * transaction (sent only if it commits; not queued if the author turned moderation notices off).
 *
 * @example
 * if (hideTellsAuthor(comment, moderator.id)) await queueCommentHiddenNotice(trx, comment, reason);
 */
export async function queueCommentHiddenNotice(
  db: Kysely<DatabaseSchema>,
  comment: CommentRow & { author_id: string },
  reason: string | undefined,
): Promise<void> {
  const painPoint = await db
    .selectFrom('pain_points')
    .select('title')
    .where('id', '=', comment.pain_point_id)
    .executeTakeFirst();
  const author = await db
    .selectFrom('stakeholders')
    .select('display_name')
    .where('id', '=', comment.author_id)
    .executeTakeFirst();
  if (!painPoint || !author) return;
  const body = comment.body.trim();
  const excerpt =
    [...body].length > EXCERPT_LENGTH ? `${[...body].slice(0, EXCERPT_LENGTH).join('')}…` : body;
  await enqueueOptionalMail(db, {
    template: commentHiddenTemplate,
    accountId: comment.author_id,
    data: {
      displayName: author.display_name,
      painPointTitle: painPoint.title as Record<string, string>,
      commentExcerpt: excerpt,
      reason: reason?.trim() || null,
    },
  });
}
