import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import { domainError } from '../errors/domain-error';
import { accountPageOf } from '../mail/account-page';
import { enqueueMail } from '../mail/enqueue';
import { clearUndeliverable } from '../mail/outbox-repository';
import {
  EMAIL_CONFIRMATION_TTL_HOURS,
  emailConfirmationTemplate,
} from '../mail/templates/email-confirmation';
import { approveRequestsByConfirmedDomain } from '../organizations/memberships-by-domain';
import { normalizeEmail } from './accounts-repository';
import { consumeMailToken, issueMailToken } from './mail-tokens';

type Database = Kysely<DatabaseSchema>;

/** The answer to a token that cannot be used; the field is named, the reason is not. */
export const mailTokenInvalid = () =>
  domainError('mail-token-invalid', {
    detail: 'This link is unknown, already used or expired: ask for a new mail.',
    errors: [{ path: 'token', message: 'Unknown, used or expired', code: 'invalid' }],
  });

/**
 * Queues the confirmation mail of an account's current address, with a new token, in the
 * caller's transaction (sign-up, address change, or the member asking again). Its link leads to
 * the account page of the partner the member came through, if it has a usable one now
 * (`accountPageOf`), else to the community's page. Nothing for a deleted account or one without
 * an address.
 *
 * @example
 * await queueEmailConfirmation(trx, accountId, new Date());
 */
export async function queueEmailConfirmation(db: Database, accountId: string, now: Date): Promise<boolean> {
  const account = await db
    .selectFrom('accounts')
    .innerJoin('stakeholders', 'stakeholders.id', 'accounts.id')
    .select(['accounts.email', 'stakeholders.display_name'])
    .where('accounts.id', '=', accountId)
    .where('accounts.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!account?.email.trim()) return false;
  const token = await issueMailToken(db, {
    accountId,
    purpose: 'email-confirmation',
    address: account.email,
    expiresAt: new Date(now.getTime() + EMAIL_CONFIRMATION_TTL_HOURS * 3_600_000),
  });
  const queued = await enqueueMail(db, {
    template: emailConfirmationTemplate,
    to: { accountId },
    data: {
      displayName: account.display_name,
      expiresInHours: EMAIL_CONFIRMATION_TTL_HOURS,
      accountPage: await accountPageOf(db, accountId, now),
    },
    secrets: { token },
  });
  return queued !== null;
}

/**
 * Sends the confirmation mail again for a signed-in member (409 `email-already-confirmed` when
 * the current address is confirmed).
 *
 * @example
 * await resendEmailConfirmation(db, accountId, new Date());
 */
export async function resendEmailConfirmation(db: Database, accountId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom('accounts')
      .select(['email_confirmed_at'])
      .where('id', '=', accountId)
      .forUpdate()
      .executeTakeFirst();
    if (account?.email_confirmed_at) {
      throw domainError('email-already-confirmed', { detail: 'Your current address is confirmed already.' });
    }
    await queueEmailConfirmation(trx, accountId, now);
  });
}

/**
 * Uses a confirmation token: the account's address, if it is still the one the token was sent
 * to, is confirmed (`accounts.email_confirmed_at`, which membership rules trust) and loses any
 * undeliverable mark; the member's pending requests to organisations that verified its domain
 * are approved in the same transaction. 422 `mail-token-invalid` otherwise.
 *
 * @example
 * const { accountId, confirmedAt } = await completeEmailConfirmation(db, token, { now, requestId });
 */
export async function completeEmailConfirmation(
  db: Database,
  token: string,
  context: { now: Date; requestId: string },
): Promise<{ accountId: string; confirmedAt: Date }> {
  return db.transaction().execute(async (trx) => {
    const used = await consumeMailToken(trx, { token, purpose: 'email-confirmation', now: context.now });
    if (!used) throw mailTokenInvalid();
    const account = await trx
      .selectFrom('accounts')
      .select(['email', 'email_confirmed_at', 'deleted_at'])
      .where('id', '=', used.accountId)
      .forUpdate()
      .executeTakeFirst();
    if (!account || account.deleted_at || normalizeEmail(account.email) !== used.address) {
      throw mailTokenInvalid();
    }
    const confirmedAt = account.email_confirmed_at ?? context.now;
    if (!account.email_confirmed_at) {
      await trx
        .updateTable('accounts')
        .set({ email_confirmed_at: confirmedAt, updated_at: context.now })
        .where('id', '=', used.accountId)
        .execute();
    }
    await clearUndeliverable(trx, used.address);
    // Two confirmations at once take turns on the account row locked above: one approval.
    await approveRequestsByConfirmedDomain(trx, used.accountId, { requestId: context.requestId });
    await recordAudit(trx, {
      actorId: used.accountId,
      action: 'account.email-confirmed',
      subjectType: 'account',
      subjectId: used.accountId,
      requestId: context.requestId,
    });
    return { accountId: used.accountId, confirmedAt };
  });
}
