import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { holdSubject } from '../database/turns';
import { usableKey } from '../database/usable-key';
import { domainError } from '../errors/domain-error';

// The gates a partner's single sign-on passes before it signs a user in or creates an account:
// its secret key still usable, its SSO accounts not suspended, its hourly sign-up budget not
// spent. Here, below partners/, because signing in is identity's: partners/ administers the
// suspensions these gates read.

type Database = Kysely<DatabaseSchema>;

/**
 * Locks a secret key and its partner against revocation and disabling until the transaction
 * ends (FOR SHARE: tokens may be issued side by side); false when the key is no longer usable
 * ({@link usableKey}).
 * Call it before storing an SSO token, so a revocation or a disabling either waits for the
 * token (and revokes it too) or is seen here.
 *
 * @example
 * if (!(await lockLiveSecretKey(trx, keyId))) throw invalidToken('The secret key was revoked.');
 */
export async function lockLiveSecretKey(db: Database, keyId: string): Promise<boolean> {
  const row = await db
    .selectFrom('partner_keys')
    .innerJoin('partners', 'partners.id', 'partner_keys.partner_id')
    .select('partner_keys.id')
    .where('partner_keys.id', '=', keyId)
    .where(usableKey(new Date()))
    .forShare()
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Refuses a sign-in or sign-up through a partner whose SSO accounts are suspended (403
 * `partner-sso-suspended`). Read in a statement of its own: a sign-up calls it again after
 * waiting for the partner's turn, so it sees a suspension that committed meanwhile.
 *
 * @example
 * await refuseWhileSsoSuspended(trx, partner.id);
 */
export async function refuseWhileSsoSuspended(db: Database, partnerId: string): Promise<void> {
  const suspension = await db
    .selectFrom('partner_sso_suspensions')
    .select('suspended_at')
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  if (!suspension) return;
  throw domainError('partner-sso-suspended', {
    detail: `An admin suspended the accounts this partner's single sign-on created on ${new Date(suspension.suspended_at).toISOString()}: no one signs in through it, and it creates no account, until an admin lifts the suspension. Ask the platform's admins.`,
  });
}

/** The window the SSO sign-up limit counts in. */
export const SSO_SIGNUP_WINDOW_SECONDS = 3600;

/**
 * Refuses a partner's new SSO account while its SSO accounts are suspended (403
 * `partner-sso-suspended`), and when it minted `limit` of them in the last hour (429
 * `sso-signups-limited`, `Retry-After` until the oldest of them leaves the window). Call it in
 * the sign-up's transaction before creating the account: it takes the partner's turn on its SSO
 * accounts, so concurrent sign-ups are counted one after another and exactly `limit` get
 * through, on every instance, the count being the database's.
 *
 * @example
 * await holdSsoSignupTurn(trx, partner.id, app.config.ssoSignupsPerPartnerPerHour);
 */
export async function holdSsoSignupTurn(
  db: Database,
  partnerId: string,
  limit: number | false,
): Promise<void> {
  await holdSubject(db, 'partner_sso_accounts', partnerId);
  // A suspension that committed while this sign-up waited for the turn is seen here.
  await refuseWhileSsoSuspended(db, partnerId);
  if (limit === false) return;
  const row = await db
    .selectFrom('partner_identities')
    .select([
      sql<string | number>`count(*)`.as('count'),
      sql<
        number | null
      >`ceil(extract(epoch from (min(created_at) + make_interval(secs => ${SSO_SIGNUP_WINDOW_SECONDS}) - clock_timestamp())))`.as(
        'retry_after',
      ),
    ])
    .where('partner_id', '=', partnerId)
    .where(sql<boolean>`created_at > clock_timestamp() - make_interval(secs => ${SSO_SIGNUP_WINDOW_SECONDS})`)
    .executeTakeFirstOrThrow();
  if (Number(row.count) < limit) return;
  const retryAfter = Math.min(SSO_SIGNUP_WINDOW_SECONDS, Math.max(1, Number(row.retry_after ?? 1)));
  throw domainError('sso-signups-limited', {
    detail: `This partner's single sign-on created ${limit} new accounts in the last hour, as many as it may (ssoSignupsPerPartnerPerHour). Users it signed in before still sign in; this new user can in ${retryAfter} s. Ask the platform's admins if your users need more.`,
    headers: { 'retry-after': String(retryAfter) },
  });
}
