import {
  type Comment,
  type CommentCreate,
  type CommentListParams,
  canReplyTo,
  type ModerationQueueItem,
  type ModerationQueueParams,
  type Page,
  type ReportCreate,
  type ReportResult,
} from '@wsc/models';
import { hidesOnReports } from '@wsc/models/rules';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import { hasRole } from '../access/guards';
import type { PrincipalAccount } from '../access/principal';
import { recordAudit } from '../audit/record';
import { readKeysetPage } from '../community/keyset-cursor';
import type { DatabaseSchema } from '../database/schema';
import { type DomainError, domainError } from '../errors/domain-error';
import { findPainPoint, findPainPointForUpdate } from '../pain-points/repository';
import { hideTellsAuthor, queueCommentHiddenNotice } from './hide-notice';
import { recordCommentEvent } from './outbox-events';
import {
  findComment,
  insertComment,
  insertReport,
  listComments,
  listModerationQueue,
  setCommentHidden,
  tallyOpenReports,
  updateCommentBody,
} from './repository';
import { type CommentViewRow, commentView, reportView } from './view';

type Database = Kysely<DatabaseSchema>;

/** How long an author may edit a comment after posting it. */
export const COMMENT_EDIT_WINDOW_MILLISECONDS = 15 * 60 * 1000;

/**
 * The API view of a comment for this viewer: a hidden comment's text is withheld from everyone
 * but moderators.
 *
 * @example
 * const comment = toComment(row, account);
 */
export function toComment(row: CommentViewRow, viewer: PrincipalAccount | null): Comment {
  return commentView(row, hasRole(viewer, 'moderator'));
}

function painPointNotFound(id: string): DomainError {
  return domainError('not-found', { detail: `No pain point has the id ${id}.` });
}

function commentNotFound(id: string): DomainError {
  return domainError('not-found', { detail: `No comment has the id ${id}.` });
}

function threadLocked(): DomainError {
  return domainError('discussion-locked', {
    detail: 'A moderator locked this discussion: no new comments, replies or edits.',
  });
}

function signedIn(actor: Actor): PrincipalAccount {
  if (!actor.account) throw domainError('authentication-required');
  return actor.account;
}

/**
 * One page of a discussion, oldest first: the top-level comments, or the replies of
 * `params.parentId`.
 *
 * @example
 * const page = await listCommentPage(db, actor, painPointId, { limit: 20 });
 */
export async function listCommentPage(
  db: Database,
  actor: Actor,
  painPointId: string,
  params: CommentListParams,
): Promise<Page<Comment>> {
  if (!(await findPainPoint(db, painPointId))) throw painPointNotFound(painPointId);
  return readKeysetPage({
    cursor: params.cursor,
    limit: params.limit,
    sort: 'comments',
    keyTypes: ['timestamp', 'string'],
    read: (after, count) => listComments(db, painPointId, params.parentId ?? null, after, count),
    keysOf: (row) => [row.created_at_key, row.id],
    toItem: (row) => toComment(row, actor.account),
  });
}

/**
 * Posts a comment, or a reply when `parentId` names a top-level comment of the same pain
 * point. Threads are one level deep: a reply to a reply is refused (422, field `parentId`),
 * as @wsc/models `canReplyTo` rules; a locked discussion or a hidden parent is 409.
 *
 * @example
 * const comment = await postComment(db, actor, painPointId, { body: 'Same in Lagos' });
 */
export async function postComment(
  db: Database,
  actor: Actor,
  painPointId: string,
  input: CommentCreate,
): Promise<Comment> {
  const account = signedIn(actor);
  const id = await db.transaction().execute(async (trx) => {
    // Row locks on the pain point, then on the comment replied to (the rows whose counts the
    // insert raises): a lock or a hide being written is waited for, and seen, instead of read
    // as it was before it and answered with a comment in a locked thread or under a hidden one.
    const painPoint = await findPainPointForUpdate(trx, painPointId);
    if (!painPoint) throw painPointNotFound(painPointId);
    if (painPoint.locked) throw threadLocked();
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = await findComment(trx, parentId, { forUpdate: true });
      if (!parent || parent.pain_point_id !== painPointId) {
        throw domainError('validation-failed', {
          detail: `No comment ${parentId} in this pain point's discussion.`,
          errors: [{ path: 'parentId', message: 'Unknown comment in this discussion' }],
        });
      }
      const rule = canReplyTo({ parentId: parent.parent_id, locked: parent.locked, hidden: parent.hidden });
      if (!rule.ok) {
        if (parent.parent_id !== null) {
          throw domainError('reply-too-deep', {
            detail: rule.reason,
            errors: [{ path: 'parentId', message: rule.reason }],
          });
        }
        throw domainError('reply-refused', { detail: rule.reason });
      }
    }
    const commentId = await insertComment(trx, {
      painPointId,
      parentId,
      authorId: account.id,
      partnerId: actor.partnerId,
      body: input.body,
      language: input.language ?? actor.languages[0] ?? null,
    });
    await recordCommentEvent(trx, 'comment.created', commentId, actor.partnerId);
    return commentId;
  });
  const row = await findComment(db, id);
  if (!row) throw commentNotFound(id);
  return toComment(row, actor.account);
}

/**
 * Edits a comment's text: its author only, within 15 minutes of posting, while the comment is
 * visible and the discussion unlocked.
 *
 * @example
 * await editComment(db, actor, commentId, { body: 'Corrected: 40% of water is lost' });
 */
export async function editComment(db: Database, actor: Actor, id: string, body: string): Promise<Comment> {
  const account = signedIn(actor);
  await db.transaction().execute(async (trx) => {
    // The pain point's row lock first (the order comments are posted in), then the comment's:
    // a lock or a hide being written is waited for and seen.
    const target = await trx
      .selectFrom('comments')
      .select('pain_point_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!target) throw commentNotFound(id);
    await findPainPointForUpdate(trx, target.pain_point_id);
    const row = await findComment(trx, id, { forUpdate: true });
    if (!row) throw commentNotFound(id);
    if (row.author_id === null || row.author_id !== account.id) {
      throw domainError('not-author', { detail: 'Only the author may edit a comment.' });
    }
    if (Date.now() - row.created_at.getTime() > COMMENT_EDIT_WINDOW_MILLISECONDS) {
      throw domainError('edit-window-closed', {
        detail: 'Comments can be edited for 15 minutes after posting; post a new comment instead.',
      });
    }
    if (row.locked) throw threadLocked();
    if (row.hidden) throw domainError('comment-hidden');
    await updateCommentBody(trx, id, body);
    await recordCommentEvent(trx, 'comment.updated', id, actor.partnerId);
  });
  const row = await findComment(db, id);
  if (!row) throw commentNotFound(id);
  return toComment(row, actor.account);
}

/**
 * Reports a comment to the moderators: one report per member and comment (a second is 409).
 * Open reports hide it automatically when `hidesOnReports` (`@wsc/models/rules`) says so: three
 * distinct reporters since the last moderator review, from at least two independent sources, so
 * the accounts one partner minted cannot hide a comment alone. The automatic hide is recorded in
 * the audit log (actor: the system). The report records the partner it came through.
 *
 * @example
 * const { commentHidden } = await reportComment(db, actor, commentId, { reason: 'spam' });
 */
export async function reportComment(
  db: Database,
  actor: Actor,
  commentId: string,
  input: ReportCreate,
): Promise<ReportResult> {
  const account = signedIn(actor);
  return db.transaction().execute(async (trx) => {
    // The row lock serializes reports on one comment, so the third one is seen exactly once.
    const comment = await findComment(trx, commentId, { forUpdate: true });
    if (!comment) throw commentNotFound(commentId);
    if (comment.author_id === account.id) {
      throw domainError('own-comment', { detail: 'Edit or ask a moderator instead.' });
    }
    const report = await insertReport(trx, {
      commentId,
      reporterId: account.id,
      partnerId: actor.partnerId,
      reason: input.reason,
      note: input.note ?? null,
    });
    if (!report) {
      throw domainError('already-reported', {
        detail: 'You already reported this comment; moderators will review it.',
      });
    }
    let commentHidden = comment.hidden;
    if (!comment.hidden) {
      const tally = await tallyOpenReports(trx, commentId);
      if (hidesOnReports(tally)) {
        await setCommentHidden(trx, commentId, true, 'reports');
        await recordAudit(trx, {
          actorId: null,
          partnerId: actor.partnerId,
          requestId: actor.requestId,
          action: 'comment.hidden',
          subjectType: 'comment',
          subjectId: commentId,
          data: { reason: 'reports', ...tally },
        });
        await recordCommentEvent(trx, 'comment.hidden', commentId, actor.partnerId);
        commentHidden = true;
      }
    }
    return { report: reportView(report), commentHidden };
  });
}

/**
 * Hides (`hidden: true`) or restores a comment (moderators), recorded in the audit log.
 * Restoring resolves the comment's open reports.
 *
 * @example
 * await moderateComment(db, actor, commentId, true, 'Personal data');
 */
export async function moderateComment(
  db: Database,
  actor: Actor,
  commentId: string,
  hidden: boolean,
  reason: string | undefined,
): Promise<Comment> {
  const account = signedIn(actor);
  await db.transaction().execute(async (trx) => {
    const comment = await findComment(trx, commentId, { forUpdate: true });
    if (!comment) throw commentNotFound(commentId);
    await setCommentHidden(trx, commentId, hidden, hidden ? 'moderator' : null);
    if (hidden && hideTellsAuthor(comment, account.id)) await queueCommentHiddenNotice(trx, comment, reason);
    await recordAudit(trx, {
      actorId: account.id,
      partnerId: actor.partnerId,
      requestId: actor.requestId,
      action: hidden ? 'comment.hidden' : 'comment.restored',
      subjectType: 'comment',
      subjectId: commentId,
      data: { wasHidden: comment.hidden, ...(reason ? { reason } : {}) },
    });
    if (hidden && !comment.hidden)
      await recordCommentEvent(trx, 'comment.hidden', commentId, actor.partnerId);
  });
  const row = await findComment(db, commentId);
  if (!row) throw commentNotFound(commentId);
  return toComment(row, actor.account);
}

/**
 * The moderators' queue: reported or hidden comments, newest first, with their text and open
 * report counts.
 *
 * @example
 * const page = await moderationQueuePage(db, actor, { state: 'reported', limit: 20 });
 */
export async function moderationQueuePage(
  db: Database,
  actor: Actor,
  params: ModerationQueueParams,
): Promise<Page<ModerationQueueItem>> {
  const sort = `moderation-${params.state}`;
  return readKeysetPage({
    cursor: params.cursor,
    limit: params.limit,
    sort,
    keyTypes: ['timestamp', 'string'],
    read: (after, count) => listModerationQueue(db, params.state, after, count),
    keysOf: (row) => [row.created_at_key, row.id],
    toItem: (row) => ({
      ...toComment(row, actor.account),
      openReports: Number(row.open_reports),
      hiddenReason: row.hidden_reason,
    }),
  });
}
