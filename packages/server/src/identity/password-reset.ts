import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import { domainError } from '../errors/domain-error';
import { accountPageOf } from '../mail/account-page';
import { enqueueMail } from '../mail/enqueue';
import { clearUndeliverable } from '../mail/outbox-repository';
import { PASSWORD_RESET_TTL_MINUTES, passwordResetTemplate } from '../mail/templates/password-reset';
import { normalizeEmail, revokeUserTokens } from './accounts-repository';
import { mailTokenInvalid } from './email-confirmation';
import { consumeMailToken, issueMailToken, spendMailTokens } from './mail-tokens';

type Database = Kysely<DatabaseSchema>;

/**
 * Queues a reset mail if an active password account has this address; does nothing otherwise.
 * The caller answers 202 either way, so the answer never tells whether an address is known. The
 * link leads to the account page of the partner the member came through, if it has a usable one
 * now (`accountPageOf`), else to the community's page.
 *
 * @example
 * await requestPasswordReset(db, 'ada@example.org', new Date());
 */
export async function requestPasswordReset(db: Database, email: string, now: Date): Promise<void> {
  const account = await db
    .selectFrom('accounts')
    .innerJoin('stakeholders', 'stakeholders.id', 'accounts.id')
    .select(['accounts.id', 'accounts.email', 'stakeholders.display_name'])
    .where('accounts.email_normalized', '=', normalizeEmail(email))
    .where('accounts.password_hash', 'is not', null)
    .where('accounts.deleted_at', 'is', null)
    .where('accounts.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!account) return;
  await db.transaction().execute(async (trx) => {
    const token = await issueMailToken(trx, {
      accountId: account.id,
      purpose: 'password-reset',
      address: account.email,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000),
    });
    await enqueueMail(trx, {
      template: passwordResetTemplate,
      to: { accountId: account.id },
      data: {
        displayName: account.display_name,
        expiresInMinutes: PASSWORD_RESET_TTL_MINUTES,
        accountPage: await accountPageOf(trx, account.id, now),
      },
      secrets: { token },
    });
  });
}

/**
 * Uses a reset token: sets the new password (hashed by the caller, outside the transaction),
 * spends the account's other reset links, ends every session and partner sign-in of the
 * account, and confirms the address the mail reached. 422 `mail-token-invalid` for an unknown,
 * used or expired token.
 *
 * @example
 * const accountId = await completePasswordReset(db, token, await hashPassword(password), { now, requestId });
 */
export async function completePasswordReset(
  db: Database,
  token: string,
  passwordHash: string,
  context: { now: Date; requestId: string },
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const used = await consumeMailToken(trx, { token, purpose: 'password-reset', now: context.now });
    if (!used) throw mailTokenInvalid();
    const account = await trx
      .selectFrom('accounts')
      .select(['email', 'email_confirmed_at', 'deleted_at', 'disabled_at'])
      .where('id', '=', used.accountId)
      .forUpdate()
      .executeTakeFirst();
    // A link sent to an address the account no longer has resets nothing.
    if (!account || account.deleted_at || normalizeEmail(account.email) !== used.address)
      throw mailTokenInvalid();
    if (account.disabled_at)
      throw domainError('account-disabled', { detail: 'An administrator disabled this account.' });
    // The mail reached the account's current address: that proves it, as a confirmation would.
    await trx
      .updateTable('accounts')
      .set({
        password_hash: passwordHash,
        updated_at: context.now,
        ...(account.email_confirmed_at ? {} : { email_confirmed_at: context.now }),
      })
      .where('id', '=', used.accountId)
      .execute();
    await clearUndeliverable(trx, used.address);
    await spendMailTokens(trx, used.accountId, 'password-reset', context.now);
    await revokeUserTokens(trx, { accountId: used.accountId });
    await recordAudit(trx, {
      actorId: used.accountId,
      action: 'account.password-reset',
      subjectType: 'account',
      subjectId: used.accountId,
      requestId: context.requestId,
    });
    return used.accountId;
  });
}
