import type { PartnerSsoAccounts, PartnerSsoSuspension, PartnerSsoSuspensionLift } from '@wsc/models/partner';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import { holdSubject } from '../database/turns';
import { domainError } from '../errors/domain-error';
import { changeVote } from '../votes/repository';
import { findPartner } from './repository';
import {
  countSsoAccounts,
  deleteSsoSuspension,
  disableMintedAccounts,
  enableSuspendedAccounts,
  findSsoSuspension,
  insertSsoSuspension,
  listPainPointsVotedByMinted,
  listVotesOfMinted,
} from './sso-accounts-repository';

type Database = Kysely<DatabaseSchema>;

async function requirePartner(db: Database, partnerId: string): Promise<void> {
  if (!(await findPartner(db, partnerId))) {
    throw domainError('not-found', { detail: `No partner has the id ${partnerId}.` });
  }
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
  const counts = await countSsoAccounts(db, partnerId);
  const suspension = await findSsoSuspension(db, partnerId);
  return {
    partnerId,
    minted: counts.minted,
    active: counts.minted - counts.suspended,
    suspended: counts.suspended,
    suspension: suspension
      ? { reason: suspension.reason, suspendedAt: new Date(suspension.suspended_at).toISOString() }
      : null,
    activity: {
      painPoints: counts.painPoints,
      votes: counts.votes,
      comments: counts.comments,
      reports: counts.reports,
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
    // Pain points whose votes will be withdrawn: their turns first, before any write.
    const votedOn = await listPainPointsVotedByMinted(trx, partnerId);
    for (const painPointId of votedOn) await holdSubject(trx, 'pain_point', painPointId);

    const now = new Date();
    const suspendedIds = await disableMintedAccounts(trx, partnerId, now);
    // Every account the partner minted is disabled now: their votes all go.
    const votes = await listVotesOfMinted(trx, partnerId);
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
    await insertSsoSuspension(trx, {
      partnerId,
      reason: request.reason,
      suspendedAt: now,
      suspendedBy: request.actorId,
    });
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
    const lifted = await deleteSsoSuspension(trx, partnerId);
    if (!lifted) {
      throw domainError('not-found', {
        detail: `The SSO accounts of partner ${partnerId} are not suspended.`,
      });
    }
    const now = new Date();
    const restoredIds = await enableSuspendedAccounts(trx, partnerId, now);
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
