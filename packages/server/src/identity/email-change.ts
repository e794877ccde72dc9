import { LANGUAGES } from '@wsc/models';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import { problem } from '../http/problem';
import { enqueueMail } from '../mail/enqueue';
import { emailChangedTemplate } from '../mail/templates/email-changed';
import { removeMembershipsOfFormerDomain } from '../organizations/memberships-by-domain';
import { normalizeEmail } from './accounts-repository';
import { queueEmailConfirmation } from './email-confirmation';

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
 * Changes a password account's address in the caller's transaction: the new address is
 * unconfirmed (membership rules trust only confirmed ones) and gets a confirmation mail; the
 * old address is told; memberships granted by the old address's domain end (audited). The same address again changes nothing. An address taken by another
 * account fails on the unique index (the caller answers `email-taken`). Accounts that sign in
 * only through a partner get their address from the partner.
 *
 * @example
 * await changeEmail(trx, accountId, 'new@example.org', { now, requestId });
 */
export async function changeEmail(
  db: Kysely<DatabaseSchema>,
  accountId: string,
  email: string,
  context: { now: Date; requestId: string | null },
): Promise<void> {
  const account = await db
    .selectFrom('accounts')
    .innerJoin('stakeholders', 'stakeholders.id', 'accounts.id')
    .select(['accounts.email', 'accounts.password_hash', 'accounts.language', 'stakeholders.display_name'])
    .where('accounts.id', '=', accountId)
    .forUpdate(['accounts'])
    .executeTakeFirst();
  if (!account) throw problem('not-found', { detail: 'Account not found.' });
  if (normalizeEmail(account.email) === normalizeEmail(email)) return;
  if (account.password_hash === null) {
    const message = 'Your address comes from the partner site you sign in through: change it there';
    throw problem('validation-failed', {
      detail: `${message}.`,
      errors: [{ path: 'email', message, code: 'not_editable' }],
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
