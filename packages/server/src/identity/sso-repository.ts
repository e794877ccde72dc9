import type { SsoTokenCreate } from '@wsc/models/partner';
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';

type Database = Kysely<DatabaseSchema>;

/**
 * The community account linked to a partner's user (by partner and external user id only, never
 * by e-mail), with its disabled and deleted times; undefined when none is linked.
 *
 * @example
 * const linked = await findLinkedAccount(trx, partnerId, 'user-42');
 */
export function findLinkedAccount(db: Database, partnerId: string, externalUserId: string) {
  return db
    .selectFrom('partner_identities')
    .innerJoin('accounts', 'accounts.id', 'partner_identities.account_id')
    .select(['accounts.id', 'accounts.disabled_at', 'accounts.deleted_at'])
    .where('partner_identities.partner_id', '=', partnerId)
    .where('partner_identities.external_user_id', '=', externalUserId)
    .executeTakeFirst();
}

/**
 * Brings a linked account up to date from the partner's data (contact address, display name,
 * last sign-in); a new address is no longer confirmed. False when the account is disabled or
 * deleted (the update reads the row's latest version), and nothing is written.
 *
 * @example
 * if (!(await refreshLinkedAccount(trx, accountId, body))) throw problem('account-disabled');
 */
export async function refreshLinkedAccount(
  db: Database,
  accountId: string,
  user: Pick<SsoTokenCreate, 'email' | 'displayName'>,
): Promise<boolean> {
  const updated = await db
    .updateTable('accounts')
    .set({
      email: user.email,
      email_confirmed_at: sql<Date | null>`case when lower(trim(email)) = lower(trim(${user.email})) then email_confirmed_at end`,
      updated_at: new Date(),
      last_login_at: new Date(),
    })
    .where('id', '=', accountId)
    .where('disabled_at', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  await db
    .updateTable('stakeholders')
    .set({ display_name: user.displayName, updated_at: new Date() })
    .where('id', '=', accountId)
    .execute();
  return true;
}

/**
 * Links a partner's user to a community account.
 *
 * @example
 * await linkPartnerUser(trx, partnerId, 'user-42', accountId);
 */
export async function linkPartnerUser(
  db: Database,
  partnerId: string,
  externalUserId: string,
  accountId: string,
): Promise<void> {
  await db
    .insertInto('partner_identities')
    .values({ partner_id: partnerId, external_user_id: externalUserId, account_id: accountId })
    .execute();
}
