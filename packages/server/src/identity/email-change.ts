import { LANGUAGES } from '@wsc/models';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import { domainError } from '../errors/domain-error';
import { enqueueMail } from '../mail/enqueue';
import { emailChangedTemplate } from '../mail/templates/email-changed';
import { removeMembershipsOfFormerDomain } from '../organizations/memberships-by-domain';
import { normalizeEmail } from './accounts-repository';
import { checkCurrentPassword } from './current-password';
import { queueEmailConfirmation } from './email-confirmation';

const managedByPartner = () =>
  domainError('email-managed-by-partner', {
    detail: 'Your address comes from the partner site you sign in through: change it there.',
  });

/**
 * The new address as the old one is told of it: first letter, an ellipsis, the domain. The
 * old address may belong to someone else by now.
 *
 * @example
 * maskAddress('ada.lovelace@example.org'); // 'a…@example.org'
 */
export function maskAddress(address: string): string {
  const [local = '', domain = ''] = address.trim().split('@');
  return `${local.slice(0, 1)}…@${domain}`;
}

/**
 * Checks, before the transaction that changes it (scrypt must not run inside one), that the
 * signed-in member may move the account's address to `email`: an account that signs in only
 * through a partner may not (403 `email-managed-by-partner`: the partner sends it); a password
 * account must send its `currentPassword` (422 naming it when missing; 403
 * `current-password-wrong`, limited per account, when wrong), since whoever holds a session
 * alone could otherwise move the address, and with it the password resets, to their own inbox.
 * Answers the password hash it verified, for {@link changeEmail} to compare under its lock; null
 * when the address stays the same (nothing to check or change).
 *
 * @example
 * const verifiedPasswordHash = await authorizeEmailChange(db, accountId, { email, currentPassword, now });
 */
export async function authorizeEmailChange(
  db: Kysely<DatabaseSchema>,
  accountId: string,
  change: { email: string; currentPassword?: string | undefined; now: Date },
): Promise<string | null> {
  const account = await db
    .selectFrom('accounts')
    .select(['email', 'password_hash'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw domainError('not-found', { detail: 'Account not found.' });
  if (normalizeEmail(account.email) === normalizeEmail(change.email)) return null;
  if (account.password_hash === null) throw managedByPartner();
  if (!change.currentPassword) {
    const message = 'Your current password is needed to change your e-mail address';
    throw domainError('validation-failed', {
      detail: `${message}.`,
      errors: [{ path: 'currentPassword', message, code: 'required' }],
    });
  }
  await checkCurrentPassword(db, {
    accountId,
    passwordHash: account.password_hash,
    password: change.currentPassword,
    now: change.now,
  });
  return account.password_hash;
}

/**
 * Changes a password account's address in the caller's transaction, once
 * {@link authorizeEmailChange} verified the current password (its hash must still be the
 * account's: a password changed meanwhile refuses the change). The new address is unconfirmed
 * (membership rules trust only confirmed ones) and gets a confirmation mail; the old address is
 * told; memberships granted by the old address's domain end (audited). The same address again changes nothing. An address taken by another account fails on the
 * unique index (the caller answers `email-taken`). Accounts that sign in only through a partner
 * get their address from the partner (403 `email-managed-by-partner`).
 *
 * @example
 * await changeEmail(trx, accountId, 'new@example.org', { now, requestId, verifiedPasswordHash });
 */
export async function changeEmail(
  db: Kysely<DatabaseSchema>,
  accountId: string,
  email: string,
  context: { now: Date; requestId: string | null; verifiedPasswordHash: string | null },
): Promise<void> {
  const account = await db
    .selectFrom('accounts')
    .innerJoin('stakeholders', 'stakeholders.id', 'accounts.id')
    .select(['accounts.email', 'accounts.password_hash', 'accounts.language', 'stakeholders.display_name'])
    .where('accounts.id', '=', accountId)
    .forUpdate(['accounts'])
    .executeTakeFirst();
  if (!account) throw domainError('not-found', { detail: 'Account not found.' });
  if (normalizeEmail(account.email) === normalizeEmail(email)) return;
  if (account.password_hash === null) throw managedByPartner();
  if (account.password_hash !== context.verifiedPasswordHash) {
    throw domainError('current-password-wrong', {
      detail: 'Your password changed while the address was being changed: send the new one.',
      errors: [{ path: 'currentPassword', message: 'Not the password of your account', code: 'wrong' }],
    });
  }
  await db
    .updateTable('accounts')
    .set({
      email: email.trim(),
      email_normalized: normalizeEmail(email),
      email_confirmed_at: null,
      updated_at: context.now,
    })
    .where('id', '=', accountId)
    .execute();
  await removeMembershipsOfFormerDomain(db, accountId, account.email, email, {
    requestId: context.requestId,
  });
  const language = LANGUAGES.find((known) => known === account.language) ?? 'en';
  await enqueueMail(db, {
    template: emailChangedTemplate,
    to: { address: account.email, language, accountId },
    data: { displayName: account.display_name, newAddressHint: maskAddress(email) },
  });
  await queueEmailConfirmation(db, accountId, context.now);
  await recordAudit(db, {
    actorId: accountId,
    action: 'account.email-changed',
    subjectType: 'account',
    subjectId: accountId,
    requestId: context.requestId,
  });
}
