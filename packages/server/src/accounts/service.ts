import type { Account, AccountUpdate } from '@wsc/models';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import { holdSubject } from '../database/turns';
import { domainError } from '../errors/domain-error';
import { revokeUserTokens, toAccount } from '../identity/accounts-repository';
import { detachFromSsoSuspensions, lockAccounts, mintingPartnerIds, updateAccountAccess } from './repository';

/** Who changes an account: an admin through the API, or the operator at the admin CLI. */
export interface AccountAdministrator {
  /**
   * The acting admin's account, checked inside the change's transaction (still an admin, not
   * disabled); null for the operator at the admin CLI, who has no account.
   */
  accountId: string | null;
  /** The request's id for the audit log; null at the CLI. */
  requestId: string | null;
  /** Extra audit data: the CLI records `{ via: 'cli', operator }`. */
  audit?: Record<string, unknown>;
}

/**
 * Changes an account's roles (member is always kept) or disables (enables) it, in one
 * transaction, audited as `account.updated` with `{ roles: { from, to }, disabled }`. Disabling
 * revokes every token of the account at once. Disabling or enabling an account a partner's
 * single sign-on minted is the admin's own decision: it takes turns with a suspension of that
 * partner's accounts, and lifting the suspension leaves it as it is. An admin cannot remove their
 * own admin role or disable themself (`self-demotion`), so the platform never loses its last
 * admin by accident. 404 for an unknown or deleted account.
 *
 * @example
 * const account = await updateAccount(db, { accountId: admin.id, requestId: request.id }, id, { disabled: true });
 */
export async function updateAccount(
  db: Kysely<DatabaseSchema>,
  administrator: AccountAdministrator,
  id: string,
  change: AccountUpdate,
): Promise<Account> {
  const { accountRoles, disabled } = change;
  const adminId = administrator.accountId;
  if (id === adminId && ((accountRoles && !accountRoles.includes('admin')) || disabled === true)) {
    throw domainError('self-demotion', {
      detail: 'Ask another admin to change your own admin role or to disable your account.',
    });
  }
  const row = await db.transaction().execute(async (trx) => {
    if (disabled !== undefined) {
      // An admin's own decision on an account a partner's single sign-on minted: it takes turns
      // with a suspension of that partner's accounts, and a lift no longer touches it.
      for (const partnerId of await mintingPartnerIds(trx, id)) {
        await holdSubject(trx, 'partner_sso_accounts', partnerId);
      }
    }
    // Both rows locked, in one order for every change: two admins changing each other at
    // once take turns, and the second sees what the first did (to it, too) before acting.
    const locked = await lockAccounts(trx, adminId === null ? [id] : [id, adminId]);
    if (adminId !== null) {
      const acting = locked.find((account) => account.id === adminId);
      if (!acting?.roles.includes('admin') || acting.disabled_at || acting.deleted_at) {
        throw domainError('role-required', {
          detail:
            'This action needs the role admin: yours was removed (or your account disabled) while this request waited.',
        });
      }
    }
    const current = locked.find((account) => account.id === id && account.deleted_at === null);
    if (!current) throw domainError('not-found', { detail: 'Account not found.' });
    const roles = accountRoles ? [...new Set<string>(['member', ...accountRoles])] : current.roles;
    const disabledAt =
      disabled === undefined ? current.disabled_at : disabled ? (current.disabled_at ?? new Date()) : null;
    const updated = await updateAccountAccess(trx, id, { roles, disabledAt });
    if (disabled === true) await revokeUserTokens(trx, { accountId: id });
    if (disabled !== undefined) await detachFromSsoSuspensions(trx, id);
    await recordAudit(trx, {
      actorId: adminId,
      action: 'account.updated',
      subjectType: 'account',
      subjectId: id,
      data: {
        ...administrator.audit,
        roles: { from: current.roles, to: roles },
        disabled: disabledAt !== null,
      },
      requestId: administrator.requestId,
    });
    return updated;
  });
  return toAccount(row);
}
