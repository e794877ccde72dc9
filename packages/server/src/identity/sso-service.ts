import type { SsoTokenCreate } from '@wsc/models/partner';
import type { Kysely } from 'kysely';
import { invalidToken } from '../access/principal';
import { recordAudit } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import { holdSubject } from '../database/turns';
import { domainError } from '../errors/domain-error';
import { createAccount, createUserToken } from './accounts-repository';
import { holdSsoSignupTurn, lockLiveSecretKey, refuseWhileSsoSuspended } from './sso-gates';
import { findLinkedAccount, linkPartnerUser, refreshLinkedAccount } from './sso-repository';

type Database = Kysely<DatabaseSchema>;

const DEFAULT_SSO_TTL_SECONDS = 900;

/** The partner back end signing its user in: the partner, the secret key it used, the request. */
export interface SsoIssuer {
  partnerId: string;
  /** The secret key that vouches for the user; null is refused (only secret keys sign in). */
  keyId: string | null;
  requestId: string;
}

/**
 * Signs a partner's user in, in one transaction: their linked account (brought up to date from
 * the partner's data) or a new one linked to them, and a short-lived user token bound to the
 * secret key. Concurrent sign-ins of one user take turns (the first creates the account, the
 * others find the link); a key revoked, expired or disabled while this runs is refused (401), and
 * so is a disabled or deleted account (403 `account-disabled`), every user of a partner whose SSO
 * accounts are suspended (403 `partner-sso-suspended`) and a new account beyond the partner's
 * hourly limit (429 `sso-signups-limited`).
 *
 * @example
 * const { accountId, token } = await issueSsoToken(db, issuer, body, { signupLimit: 100 });
 */
export function issueSsoToken(
  db: Database,
  issuer: SsoIssuer,
  body: SsoTokenCreate,
  options: { signupLimit: number | false },
): Promise<{ accountId: string; token: { token: string; expiresAt: Date } }> {
  return db.transaction().execute(async (trx) => {
    // A page with several widgets asks for its user's tokens at once: the first sign-in
    // creates the account, the others wait for it and find the link.
    await holdSubject(trx, 'partner_user', `${issuer.partnerId}:${body.externalUserId}`);
    // The key was valid when the request arrived; a revocation committed since ends here, and
    // one still running waits for this sign-in and revokes its token too.
    if (!issuer.keyId || !(await lockLiveSecretKey(trx, issuer.keyId))) {
      throw invalidToken(
        'This secret key was revoked or expired, or its partner disabled, while the request ran.',
      );
    }
    const accountId = await linkedOrNewAccount(trx, issuer, body, options.signupLimit);
    const token = await createUserToken(trx, {
      accountId,
      kind: 'sso',
      partnerId: issuer.partnerId,
      partnerKeyId: issuer.keyId,
      ttlSeconds: body.ttlSeconds ?? DEFAULT_SSO_TTL_SECONDS,
    });
    return { accountId, token };
  });
}

/**
 * The partner user's account, inside the sign-in's transaction: the linked one, brought up to
 * date from the partner's data, or a new one linked to them, within the partner's hourly limit
 * of new accounts (429 beyond it). A disabled or deleted account is 403, and so is every user
 * of a partner whose SSO accounts are suspended (`partner-sso-suspended`).
 */
async function linkedOrNewAccount(
  trx: Database,
  issuer: SsoIssuer,
  body: SsoTokenCreate,
  signupLimit: number | false,
): Promise<string> {
  const partnerId = issuer.partnerId;
  await refuseWhileSsoSuspended(trx, partnerId);
  const linked = await findLinkedAccount(trx, partnerId, body.externalUserId);
  if (linked?.disabled_at || linked?.deleted_at) {
    throw domainError('account-disabled');
  }
  if (linked) {
    // The partner is the source of truth for its users' names and contact address. A new
    // address is not confirmed (membership rules trust only confirmed ones) until the member
    // proves it again.
    if (!(await refreshLinkedAccount(trx, linked.id, body))) {
      // Disabled while this sign-in ran (the update reads the row's latest version): by a
      // suspension of the partner's accounts, or by an admin.
      await refuseWhileSsoSuspended(trx, partnerId);
      throw domainError('account-disabled');
    }
    return linked.id;
  }
  await holdSsoSignupTurn(trx, partnerId, signupLimit);
  const id = await createAccount(trx, {
    email: body.email,
    passwordHash: null,
    language: body.language ?? null,
    displayName: body.displayName,
    role: body.role ?? 'citizen',
    country: body.country ?? null,
    city: body.city ?? null,
    partnerId: partnerId,
  });
  await linkPartnerUser(trx, partnerId, body.externalUserId, id);
  await recordAudit(trx, {
    actorId: null,
    action: 'account.created',
    subjectType: 'account',
    subjectId: id,
    partnerId: partnerId,
    data: { via: 'sso' },
    requestId: issuer.requestId,
  });
  return id;
}
