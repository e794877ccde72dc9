import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';

type Database = Kysely<DatabaseSchema>;

/** The accounts a partner minted: those its single sign-on created (deleted ones left out). */
function mintedAccounts(db: Database, partnerId: string) {
  return db
    .selectFrom('partner_identities')
    .innerJoin('accounts', 'accounts.id', 'partner_identities.account_id')
    .where('partner_identities.partner_id', '=', partnerId)
    .where('accounts.deleted_at', 'is', null);
}

/** The counts {@link countSsoAccounts} reads, as numbers. */
export interface SsoAccountCounts {
  minted: number;
  suspended: number;
  painPoints: number;
  votes: number;
  comments: number;
  reports: number;
}

/**
 * How many accounts a partner minted, how many of them are disabled, and the pain points,
 * votes, comments and reports of those accounts that still exist, in one query.
 *
 * @example
 * const counts = await countSsoAccounts(db, partnerId); // { minted: 10, suspended: 0, … }
 */
export async function countSsoAccounts(db: Database, partnerId: string): Promise<SsoAccountCounts> {
  const minted = mintedAccounts(db, partnerId).select('accounts.id');
  const countOf = (table: 'pain_points' | 'votes' | 'comments' | 'comment_reports', column: string) =>
    db
      .selectFrom(table)
      .select(sql<string | number>`count(*)`.as('count'))
      .where(sql.ref(column), 'in', minted);
  const row = await db
    .selectNoFrom([
      mintedAccounts(db, partnerId).select(sql<string | number>`count(*)`.as('count')).as('minted'),
      mintedAccounts(db, partnerId)
        .select(sql<string | number>`count(*)`.as('count'))
        .where('accounts.disabled_at', 'is not', null)
        .as('suspended'),
      countOf('pain_points', 'author_id').as('pain_points'),
      countOf('votes', 'account_id').as('votes'),
      countOf('comments', 'author_id').as('comments'),
      countOf('comment_reports', 'reporter_id').as('reports'),
    ])
    .executeTakeFirstOrThrow();
  // count(*) is a bigint: node-postgres reads it as a string, PGlite as a number.
  const number = (value: unknown) => Number(value ?? 0);
  return {
    minted: number(row.minted),
    suspended: number(row.suspended),
    painPoints: number(row.pain_points),
    votes: number(row.votes),
    comments: number(row.comments),
    reports: number(row.reports),
  };
}

/**
 * The suspension of a partner's SSO accounts, or undefined when there is none.
 *
 * @example
 * const suspension = await findSsoSuspension(db, partnerId); // { reason, suspended_at }
 */
export function findSsoSuspension(db: Database, partnerId: string) {
  return db
    .selectFrom('partner_sso_suspensions')
    .select(['reason', 'suspended_at'])
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
}

/**
 * The pain points the partner's minted accounts voted on, each once, in id order (the order
 * their turns are taken in).
 *
 * @example
 * const painPointIds = await listPainPointsVotedByMinted(trx, partnerId);
 */
export async function listPainPointsVotedByMinted(db: Database, partnerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('votes')
    .select('pain_point_id')
    .distinct()
    .where('account_id', 'in', mintedAccounts(db, partnerId).select('accounts.id'))
    .orderBy('pain_point_id')
    .execute();
  return rows.map((row) => row.pain_point_id);
}

/**
 * Disables every minted account of the partner not disabled yet, marks their identities as
 * suspended (what a lift enables again) and revokes their sessions; returns their ids.
 *
 * @example
 * const suspendedIds = await disableMintedAccounts(trx, partnerId, new Date());
 */
export async function disableMintedAccounts(db: Database, partnerId: string, now: Date): Promise<string[]> {
  const suspended = await db
    .updateTable('accounts')
    .set({ disabled_at: now, updated_at: now })
    .where('id', 'in', mintedAccounts(db, partnerId).select('accounts.id'))
    .where('disabled_at', 'is', null)
    .returning('id')
    .execute();
  const suspendedIds = suspended.map((row) => row.id);
  if (suspendedIds.length > 0) {
    await db
      .updateTable('partner_identities')
      .set({ suspended_at: now })
      .where('partner_id', '=', partnerId)
      .where('account_id', 'in', suspendedIds)
      .execute();
    await db
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('account_id', 'in', suspendedIds)
      .where('revoked_at', 'is', null)
      .execute();
  }
  return suspendedIds;
}

/**
 * The votes of the partner's minted accounts, by pain point then account.
 *
 * @example
 * for (const vote of await listVotesOfMinted(trx, partnerId)) withdraw(vote);
 */
export function listVotesOfMinted(db: Database, partnerId: string) {
  return db
    .selectFrom('votes')
    .select(['pain_point_id', 'account_id'])
    .where('account_id', 'in', mintedAccounts(db, partnerId).select('accounts.id'))
    .orderBy('pain_point_id')
    .orderBy('account_id')
    .execute();
}

/**
 * Records the suspension of a partner's SSO accounts; an existing one is kept as it is.
 *
 * @example
 * await insertSsoSuspension(trx, { partnerId, reason: 'Bulk accounts', suspendedAt: now, suspendedBy: adminId });
 */
export async function insertSsoSuspension(
  db: Database,
  suspension: { partnerId: string; reason: string; suspendedAt: Date; suspendedBy: string | null },
): Promise<void> {
  await db
    .insertInto('partner_sso_suspensions')
    .values({
      partner_id: suspension.partnerId,
      reason: suspension.reason,
      suspended_at: suspension.suspendedAt,
      suspended_by: suspension.suspendedBy,
    })
    .onConflict((conflict) => conflict.column('partner_id').doNothing())
    .execute();
}

/**
 * Deletes the suspension of a partner's SSO accounts; its reason, or undefined when there was none.
 *
 * @example
 * const lifted = await deleteSsoSuspension(trx, partnerId); // { reason } | undefined
 */
export function deleteSsoSuspension(db: Database, partnerId: string) {
  return db
    .deleteFrom('partner_sso_suspensions')
    .where('partner_id', '=', partnerId)
    .returning('reason')
    .executeTakeFirst();
}

/**
 * Enables again the accounts a suspension of the partner disabled (their identities are marked
 * suspended), except those deleted since; clears the marks and returns the ids of the accounts
 * enabled.
 *
 * @example
 * const restoredIds = await enableSuspendedAccounts(trx, partnerId, new Date());
 */
export async function enableSuspendedAccounts(db: Database, partnerId: string, now: Date): Promise<string[]> {
  const marked = await db
    .updateTable('partner_identities')
    .set({ suspended_at: null })
    .where('partner_id', '=', partnerId)
    .where('suspended_at', 'is not', null)
    .returning('account_id')
    .execute();
  if (marked.length === 0) return [];
  const restored = await db
    .updateTable('accounts')
    .set({ disabled_at: null, updated_at: now })
    .where(
      'id',
      'in',
      marked.map((row) => row.account_id),
    )
    .where('disabled_at', 'is not', null)
    .where('deleted_at', 'is', null)
    .returning('id')
    .execute();
  return restored.map((row) => row.id);
}
