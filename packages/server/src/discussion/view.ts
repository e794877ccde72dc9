import type { Comment, Report } from '@wsc/models';
import type { CommentRow, ReportRow } from './repository';

/** The stored columns a comment's API shape is built from (the cursor key and moderation columns left out). */
export type CommentViewRow = Omit<
  CommentRow,
  'created_at_key' | 'hidden_reason' | 'hidden_at' | 'reviewed_at'
>;

/**
 * The comment as the API shows it. A hidden comment's text is withdrawn (`body: ''`) unless
 * `revealHidden`: for moderators, for its author's own export, and in the events only
 * moderators and the author read.
 *
 * @example
 * const comment = commentView(row, hasRole(viewer, 'moderator'));
 */
export function commentView(row: CommentViewRow, revealHidden: boolean): Comment {
  return {
    id: row.id,
    painPointId: row.pain_point_id,
    parentId: row.parent_id,
    authorId: row.author_id,
    body: row.hidden && !revealHidden ? '' : row.body,
    language: row.language as Comment['language'],
    hidden: row.hidden,
    locked: row.locked,
    replyCount: row.reply_count,
    partnerId: row.partner_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.edited_at ? row.edited_at.toISOString() : null,
  };
}

/**
 * A report of a comment as the API shows it (moderation queue, the reporter's export).
 *
 * @example
 * const report = reportView(row);
 */
export function reportView(row: ReportRow): Report {
  return {
    id: row.id,
    commentId: row.comment_id,
    reporterId: row.reporter_id,
    partnerId: row.partner_id,
    reason: row.reason as Report['reason'],
    note: row.note,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at ? row.resolved_at.toISOString() : null,
  };
}
