import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { afterTimestampKey, type KeyValue, timestampKey } from '../community/keyset-cursor';
import type { DatabaseSchema } from '../database/schema';

type Database = Kysely<DatabaseSchema>;

/** A stored comment with its thread's lock, as the discussion service reads it. */
export interface CommentRow {
  id: string;
  pain_point_id: string;
  parent_id: string | null;
  author_id: string | null;
  partner_id: string | null;
  body: string;
  language: string | null;
  hidden: boolean;
  hidden_reason: string | null;
  hidden_at: Date | null;
  reviewed_at: Date | null;
  reply_count: number;
  created_at: Date;
  edited_at: Date | null;
  /** The pain point's discussion is locked. */
  locked: boolean;
  /** created_at with microseconds, for the keyset cursor. */
  created_at_key: string;
}

function selectComment(db: Database) {
  return db
    .selectFrom('comments')
    .innerJoin('pain_points', 'pain_points.id', 'comments.pain_point_id')
    .select([
      'comments.id',
      'comments.pain_point_id',
      'comments.parent_id',
      'comments.author_id',
      'comments.partner_id',
      'comments.body',
      'comments.language',
      'comments.hidden',
      'comments.hidden_reason',
      'comments.hidden_at',
      'comments.reviewed_at',
      'comments.reply_count',
      'comments.created_at',
      'comments.edited_at',
      'pain_points.locked',
      timestampKey('comments.created_at').as('created_at_key'),
    ]) as unknown as SelectQueryBuilder<DatabaseSchema, 'comments' | 'pain_points', CommentRow>;
}

/**
 * Reads one comment (with its thread's lock); `forUpdate` locks the comment row.
 *
 * @example
 * const comment = await findComment(trx, id, { forUpdate: true });
 */
export async function findComment(
  db: Database,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CommentRow | undefined> {
  let query = selectComment(db).where('comments.id', '=', id);
  if (options.forUpdate) query = query.forUpdate(['comments']);
  return query.executeTakeFirst();
}

/**
 * One page of a discussion in reading order (oldest first): top-level comments, or the replies
 * of `parentId`; keyset on (created_at, id), `limit + 1` rows.
 *
 * @example
 * const rows = await listComments(db, painPointId, null, null, 21);
 */
export async function listComments(
  db: Database,
  painPointId: string,
  parentId: string | null,
  after: readonly KeyValue[] | null,
  limit: number,
): Promise<CommentRow[]> {
  let query = selectComment(db).where('comments.pain_point_id', '=', painPointId);
  query =
    parentId === null
      ? query.where('comments.parent_id', 'is', null)
      : query.where('comments.parent_id', '=', parentId);
  if (after) {
    query = query.where(afterTimestampKey('comments.created_at', 'comments.id', 'asc', after));
  }
  return query.orderBy('comments.created_at', 'asc').orderBy('comments.id', 'asc').limit(limit).execute();
}

/** Columns of a new comment. */
export interface NewComment {
  painPointId: string;
  parentId: string | null;
  authorId: string;
  partnerId: string | null;
  body: string;
  language: string | null;
}

/**
 * Stores a comment and counts it on its pain point (and on its parent, for a reply), in the
 * caller's transaction.
 *
 * @example
 * const id = await insertComment(trx, { painPointId, parentId: null, authorId, partnerId: null, body: '…', language: 'en' });
 */
export async function insertComment(db: Database, comment: NewComment): Promise<string> {
  const { id } = await db
    .insertInto('comments')
    .values({
      pain_point_id: comment.painPointId,
      parent_id: comment.parentId,
      author_id: comment.authorId,
      partner_id: comment.partnerId,
      body: comment.body,
      language: comment.language,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('pain_points')
    .set({ comment_count: sql`comment_count + 1` as never })
    .where('id', '=', comment.painPointId)
    .execute();
  if (comment.parentId !== null) {
    await db
      .updateTable('comments')
      .set({ reply_count: sql`reply_count + 1` as never })
      .where('id', '=', comment.parentId)
      .execute();
  }
  return id;
}

/**
 * Replaces a comment's body and stamps `edited_at`.
 *
 * @example
 * await updateCommentBody(db, id, 'Corrected figures', 'en');
 */
export async function updateCommentBody(db: Database, id: string, body: string): Promise<void> {
  await db
    .updateTable('comments')
    .set({ body, edited_at: sql`now()` as never })
    .where('id', '=', id)
    .execute();
}

/**
 * Hides or shows a comment. Restoring marks it reviewed (only later reports count towards
 * hiding it again) and resolves its open reports.
 *
 * @example
 * await setCommentHidden(trx, id, true, 'moderator');
 */
export async function setCommentHidden(
  db: Database,
  id: string,
  hidden: boolean,
  reason: 'moderator' | 'reports' | null,
): Promise<void> {
  if (hidden) {
    await db
      .updateTable('comments')
      .set({ hidden: true, hidden_reason: reason, hidden_at: sql`now()` as never })
      .where('id', '=', id)
      .execute();
    return;
  }
  await db
    .updateTable('comments')
    .set({ hidden: false, hidden_reason: null, hidden_at: null, reviewed_at: sql`now()` as never })
    .where('id', '=', id)
    .execute();
  await db
    .updateTable('comment_reports')
    .set({ resolved_at: sql`now()` as never })
    .where('comment_id', '=', id)
    .where('resolved_at', 'is', null)
    .execute();
}

/** A stored report. */
export interface ReportRow {
  id: string;
  comment_id: string;
  reporter_id: string | null;
  partner_id: string | null;
  reason: string;
  note: string | null;
  created_at: Date;
  resolved_at: Date | null;
}

/**
 * Stores a report unless this member already reported this comment (then undefined).
 *
 * @example
 * const report = await insertReport(trx, { commentId, reporterId, partnerId: null, reason: 'spam', note: null });
 */
export async function insertReport(
  db: Database,
  report: {
    commentId: string;
    reporterId: string;
    partnerId: string | null;
    reason: string;
    note: string | null;
  },
): Promise<ReportRow | undefined> {
  return db
    .insertInto('comment_reports')
    .values({
      comment_id: report.commentId,
      reporter_id: report.reporterId,
      partner_id: report.partnerId,
      reason: report.reason,
      note: report.note,
    })
    .onConflict((conflict) => conflict.columns(['comment_id', 'reporter_id']).doNothing())
    .returning([
      'id',
      'comment_id',
      'reporter_id',
      'partner_id',
      'reason',
      'note',
      'created_at',
      'resolved_at',
    ])
    .executeTakeFirst();
}

/**
 * Tallies a comment's open reports (since a moderator last reviewed it) as the hiding rule of
 * `@wsc/models/rules` weighs them: the distinct reporters, and the distinct independent sources
 * among them. An account a partner minted through single sign-on counts as that partner (all of
 * its accounts are one source); a community account counts as itself once the community
 * confirmed its address, and as no source before. Who minted an account is read from the
 * partner link the platform wrote at sign-in, never from the request. Reporters whose account
 * is disabled (a suspension) no longer count.
 *
 * @example
 * await tallyOpenReports(trx, commentId); // { reporters: 10, independentSources: 1 }
 */
export async function tallyOpenReports(
  db: Database,
  commentId: string,
): Promise<{ reporters: number; independentSources: number }> {
  const row = await db
    .selectFrom('comment_reports')
    .innerJoin('accounts', 'accounts.id', 'comment_reports.reporter_id')
    .leftJoin('partner_identities', 'partner_identities.account_id', 'comment_reports.reporter_id')
    .select([
      sql<number>`count(distinct comment_reports.reporter_id)`.as('reporters'),
      sql<number>`count(distinct case
        when partner_identities.partner_id is not null then 'partner:' || partner_identities.partner_id
        when accounts.email_confirmed_at is not null then 'account:' || accounts.id
      end)`.as('sources'),
    ])
    .where('comment_reports.comment_id', '=', commentId)
    .where('comment_reports.resolved_at', 'is', null)
    .where('accounts.disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { reporters: Number(row.reporters), independentSources: Number(row.sources) };
}

/** A queued comment: the comment plus its open reports. */
export type QueuedCommentRow = CommentRow & { open_reports: number };

/**
 * The moderators' queue, newest comments first (keyset on created_at, id): comments with open
 * reports (`reported`) or hidden ones (`hidden`); `limit + 1` rows.
 *
 * @example
 * const rows = await listModerationQueue(db, 'reported', null, 21);
 */
export async function listModerationQueue(
  db: Database,
  state: 'reported' | 'hidden',
  after: readonly KeyValue[] | null,
  limit: number,
): Promise<QueuedCommentRow[]> {
  const openReports = sql<number>`(select count(*) from comment_reports where comment_reports.comment_id = comments.id and comment_reports.resolved_at is null)`;
  let query = selectComment(db).select(openReports.as('open_reports'));
  query =
    state === 'hidden'
      ? query.where('comments.hidden', '=', true)
      : query.where(
          sql<boolean>`exists (select 1 from comment_reports where comment_reports.comment_id = comments.id and comment_reports.resolved_at is null)`,
        );
  if (after) {
    query = query.where(afterTimestampKey('comments.created_at', 'comments.id', 'desc', after));
  }
  const rows = await query
    .orderBy('comments.created_at', 'desc')
    .orderBy('comments.id', 'desc')
    .limit(limit)
    .execute();
  return rows as QueuedCommentRow[];
}
