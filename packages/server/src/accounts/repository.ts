import type { Kysely, Selectable } from 'kysely';
import type { AccountsTable, DatabaseSchema } from '../database/schema';

/**
 * The id of the account with this e-mail address (compared as stored: trimmed, lower case), or
 * undefined.
 *
 * @example
 * const id = await findAccountIdByEmail(db, 'ops@example.org');
 */
export async function findAccountIdByEmail(
  db: Kysely<DatabaseSchema>,
  email: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select('id')
    .where('email_normalized', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return row?.id;
}

/**
 * The partners whose single sign-on minted (or links) the account, in id order.
 *
 * @example
 * const partnerIds = await mintingPartnerIds(trx, accountId);
 */
export async function mintingPartnerIds(db: Kysely<DatabaseSchema>, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('partner_identities')
    .select('partner_id')
    .where('account_id', '=', accountId)
    .orderBy('partner_id')
    .execute();
  return rows.map((row) => row.partner_id);
}

/**
 * Locks the accounts' rows until the transaction ends, always in id order (so two transactions
 * locking the same accounts take turns instead of deadlocking), and returns them.
 *
 * @example
 * const [first, second] = await lockAccounts(trx, [id, adminId]);
 */
export function lockAccounts(
  db: Kysely<DatabaseSchema>,
  ids: readonly string[],
): Promise<Selectable<AccountsTable>[]> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
}

/**
 * Writes an account's roles and disabled time.
 *
 * @example
 * const row = await updateAccountAccess(trx, id, { roles: ['member'], disabledAt: new Date() });
 */
export function updateAccountAccess(
  db: Kysely<DatabaseSchema>,
  id: string,
  access: { roles: string[]; disabledAt: Date | null },
): Promise<Selectable<AccountsTable>> {
  return db
    .updateTable('accounts')
    .set({ roles: access.roles, disabled_at: access.disabledAt, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Ends the account's part in any suspension of a partner's single-sign-on accounts: lifting the
 * suspension no longer touches it.
 *
 * @example
 * await detachFromSsoSuspensions(trx, accountId);
 */
export async function detachFromSsoSuspensions(db: Kysely<DatabaseSchema>, accountId: string): Promise<void> {
  await db
    .updateTable('partner_identities')
    .set({ suspended_at: null })
    .where('account_id', '=', accountId)
    .where('suspended_at', 'is not', null)
    .execute();
}
