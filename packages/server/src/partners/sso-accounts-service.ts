import type { PartnerSsoAccounts, PartnerSsoSuspension, PartnerSsoSuspensionLift } from '@wsc/models/partner';
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import { holdSubject } from '../database/turns';
import { domainError } from '../errors/domain-error';
import { changeVote } from '../votes/repository';

type Database = Kysely<DatabaseSchema>;

/** The accounts a partner minted: those its single sign-on created (deleted ones left out). */
function mintedAccounts(db: Database, partnerId: string) {
  return db
    .selectFrom('partner_identities')
    .innerJoin('accounts', 'accounts.id', 'partner_identities.account_id')
    .where('partner_identities.partner_id', '=', partnerId)
    .where('accounts.deleted_at', 'is', null);
}

async function requirePartner(db: Database, partnerId: string): Promise<void> {
  const partner = await db.selectFrom('partners').select('id').where('id', '=', partnerId).executeTakeFirst();
  if (!partner) throw domainError('not-found', { detail: `No partner has the id ${partnerId}.` });
}

/**
 * How many accounts a partner minted through single sign-on, how many can still sign in, and
 * what they did (pain points, votes, comments and reports that still exist), in one query.
 * Activity is counted by account, wherever it happened: an account a partner minted only ever
 * signs in through that partner.
 *
 * @example
 * const summary = await partnerSsoAccounts(db, partnerId); // { minted: 10, active: 10, … }
 */
export async function partnerSsoAccounts(db: Database, partnerId: string): Promise<PartnerSsoAccounts> {
  await requirePartner(db, partnerId);
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
  const suspension = await db
    .selectFrom('partner_sso_suspensions')
    .select(['reason', 'suspended_at'])
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  // count(*) is a bigint: node-postgres reads it as a string, PGlite as a number.
  const number = (value: unknown) => Number(value ?? 0);
  return {
    partnerId,
    minted: number(row.minted),
    active: number(row.minted) - number(row.suspended),
    suspended: number(row.suspended),
    suspension: suspension
      ? { reason: suspension.reason, suspendedAt: new Date(suspension.suspended_at).toISOString() }
      : null,
    activity: {
      painPoints: number(row.pain_points),
      votes: number(row.votes),
      comments: number(row.comments),
      reports: number(row.reports),
    },
  };
}

/** Who suspends, and why: recorded in the audit log. */
export interface SsoSuspensionRequest {
  reason: string;
  /** The admin's account; null from the CLI (then `auditData` names the operator). */
  actorId: string | null;
  requestId?: string | null;
  auditData?: Record<string, unknown>;
}

/**
 * Suspends, in one transaction, every account a partner minted through single sign-on: each is
 * disabled (its session and SSO tokens stop working at once), the partner's single sign-on is
 * refused until an admin lifts the suspension (`partner-sso-suspended`: no sign-in of its users,
 * no new account; see `refuseWhileSsoSuspended` in identity/sso-gates.ts), and the votes of the partner's suspended
 * accounts are withdrawn, counts lowered and `pain_point.voted` sent, as each member withdrawing
 * their vote would. Accounts minted in bulk are no evidence of people: leaving their votes
 * counted would keep the inflation the suspension stops. Their pain points and comments stay for
 * moderators to judge; their open reports no longer count towards hiding a comment. Recorded in
 * the audit log as `partner.sso_accounts_suspended` with the accounts it suspended.
 *
 * The partner's turn on its SSO accounts is taken first, so no account it mints meanwhile
 * escapes (a sign-up waiting for the turn finds the suspension after it); the pain points' turns
 * are taken before anything is written, in one order, so the counts of withdrawn votes reach
 * every stream in order. Calling it again keeps the suspension of the first call and withdraws
 * any vote that landed in the instant of the first call.
 *
 * @example
 * await suspendPartnerSsoAccounts(db, partnerId, { reason: 'Bulk accounts', actorId: admin.id });
 */
export async function suspendPartnerSsoAccounts(
  db: Database,
  partnerId: string,
  request: SsoSuspensionRequest,
): Promise<PartnerSsoSuspension> {
  return db.transaction().execute(async (trx) => {
    await holdSubject(trx, 'partner_sso_accounts', partnerId);
    await requirePartner(trx, partnerId);
    // After this call every account the partner minted is disabled: their votes all go.
    const suspendedAccounts = () => mintedAccounts(trx, partnerId).select('accounts.id');
    // Pain points whose votes will be withdrawn: their turns first, before any write.
    const votedOn = await trx
      .selectFrom('votes')
      .select('pain_point_id')
      .distinct()
      .where('account_id', 'in', suspendedAccounts())
      .orderBy('pain_point_id')
      .execute();
    for (const { pain_point_id } of votedOn) await holdSubject(trx, 'pain_point', pain_point_id);

    const now = new Date();
    const suspended = await trx
      .updateTable('accounts')
      .set({ disabled_at: now, updated_at: now })
      .where('id', 'in', mintedAccounts(trx, partnerId).select('accounts.id'))
      .where('disabled_at', 'is', null)
      .returning('id')
      .execute();
    const suspendedIds = suspended.map((row) => row.id);
    if (suspendedIds.length > 0) {
      // What a lift enables again: these accounts, not those an admin had disabled on their own.
      await trx
        .updateTable('partner_identities')
        .set({ suspended_at: now })
        .where('partner_id', '=', partnerId)
        .where('account_id', 'in', suspendedIds)
        .execute();
      await trx
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('account_id', 'in', suspendedIds)
        .where('revoked_at', 'is', null)
        .execute();
    }
    const votes = await trx
      .selectFrom('votes')
      .select(['pain_point_id', 'account_id'])
      .where('account_id', 'in', suspendedAccounts())
      .orderBy('pain_point_id')
      .orderBy('account_id')
      .execute();
    let votesWithdrawn = 0;
    for (const vote of votes) {
      const count = await changeVote(trx, {
        painPointId: vote.pain_point_id,
        accountId: vote.account_id,
        partnerId: null,
        voted: false,
      });
      if (count !== undefined) votesWithdrawn += 1;
    }
    await trx
      .insertInto('partner_sso_suspensions')
      .values({
        partner_id: partnerId,
        reason: request.reason,
        suspended_at: now,
        suspended_by: request.actorId,
      })
      .onConflict((conflict) => conflict.column('partner_id').doNothing())
      .execute();
    await recordAudit(trx, {
      actorId: request.actorId,
      partnerId,
      action: 'partner.sso_accounts_suspended',
      subjectType: 'partner',
      subjectId: partnerId,
      requestId: request.requestId ?? null,
      data: { ...request.auditData, reason: request.reason, accountIds: suspendedIds, votesWithdrawn },
    });
    return {
      partnerId,
      reason: request.reason,
      suspendedAccounts: suspendedIds.length,
      votesWithdrawn,
      suspendedAt: now.toISOString(),
    };
  });
}

/** Who lifts a suspension: recorded in the audit log. */
export type SsoSuspensionLiftRequest = Omit<SsoSuspensionRequest, 'reason'>;

/**
 * Lifts the suspension of a partner's SSO accounts, in one transaction: its single sign-on signs
 * users in and creates accounts again, and the accounts the suspension disabled can sign in
 * again (through the partner: their revoked tokens stay revoked). Accounts deleted since, and
 * those an admin disabled on their own, stay as they are; the votes the suspension withdrew are
 * not restored (their accounts vote again if their people want). 404 when the partner is
 * unknown or not suspended. Audited as `partner.sso_accounts_restored` with the accounts.
 *
 * @example
 * await liftPartnerSsoSuspension(db, partnerId, { actorId: admin.id });
 */
export async function liftPartnerSsoSuspension(
  db: Database,
  partnerId: string,
  request: SsoSuspensionLiftRequest,
): Promise<PartnerSsoSuspensionLift> {
  return db.transaction().execute(async (trx) => {
    await holdSubject(trx, 'partner_sso_accounts', partnerId);
    await requirePartner(trx, partnerId);
    const lifted = await trx
      .deleteFrom('partner_sso_suspensions')
      .where('partner_id', '=', partnerId)
      .returning('reason')
      .executeTakeFirst();
    if (!lifted) {
      throw domainError('not-found', {
        detail: `The SSO accounts of partner ${partnerId} are not suspended.`,
      });
    }
    const now = new Date();
    const marked = await trx
      .updateTable('partner_identities')
      .set({ suspended_at: null })
      .where('partner_id', '=', partnerId)
      .where('suspended_at', 'is not', null)
      .returning('account_id')
      .execute();
    const restored =
      marked.length === 0
        ? []
        : await trx
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
    const restoredIds = restored.map((row) => row.id);
    await recordAudit(trx, {
      actorId: request.actorId,
      partnerId,
      action: 'partner.sso_accounts_restored',
      subjectType: 'partner',
      subjectId: partnerId,
      requestId: request.requestId ?? null,
      data: { ...request.auditData, suspensionReason: lifted.reason, accountIds: restoredIds },
    });
    return { partnerId, restoredAccounts: restoredIds.length, liftedAt: now.toISOString() };
  });
}
