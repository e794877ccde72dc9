import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { hashToken } from '../access/tokens';
import type { AccountMailTokensTable, DatabaseSchema } from '../database/schema';

export type MailTokenPurpose = AccountMailTokensTable['purpose'];

const PREFIXES: Record<MailTokenPurpose, string> = {
  'email-confirmation': 'wsc_conf_',
  'password-reset': 'wsc_reset_',
};

/**
 * Mints a single-use token for a mail link and stores only its sha256, in the caller's
 * transaction (the mail carrying it is queued in the same one). 32 random bytes, base64url.
 *
 * @example
 * const token = await issueMailToken(trx, { accountId, purpose: 'password-reset', address, expiresAt });
 */
export async function issueMailToken(
  db: Kysely<DatabaseSchema>,
  input: { accountId: string; purpose: MailTokenPurpose; address: string; expiresAt: Date },
): Promise<string> {
  const token = `${PREFIXES[input.purpose]}${randomBytes(32).toString('base64url')}`;
  await db
    .insertInto('account_mail_tokens')
    .values({
      account_id: input.accountId,
      purpose: input.purpose,
      token_hash: hashToken(token),
      address_normalized: input.address.trim().toLowerCase(),
      expires_at: input.expiresAt,
    })
    .execute();
  return token;
}

/**
 * Uses a token, once: marks it used if it is of this purpose, unused and unexpired, and answers
 * whose it is; null otherwise. One UPDATE, so two requests with one token cannot both win (the
 * second waits for the first's row lock, then finds it used).
 *
 * @example
 * const used = await consumeMailToken(trx, { token, purpose: 'password-reset', now: new Date() });
 */
export async function consumeMailToken(
  db: Kysely<DatabaseSchema>,
  input: { token: string; purpose: MailTokenPurpose; now: Date },
): Promise<{ accountId: string; address: string } | null> {
  const row = await db
    .updateTable('account_mail_tokens')
    .set({ used_at: input.now })
    .where('token_hash', '=', hashToken(input.token))
    .where('purpose', '=', input.purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', input.now)
    .returning(['account_id', 'address_normalized'])
    .executeTakeFirst();
  return row ? { accountId: row.account_id, address: row.address_normalized } : null;
}

/**
 * Spends every unused token of an account and purpose (after a reset, the other reset links of
 * the account stop working).
 *
 * @example
 * await spendMailTokens(trx, accountId, 'password-reset', new Date());
 */
export async function spendMailTokens(
  db: Kysely<DatabaseSchema>,
  accountId: string,
  purpose: MailTokenPurpose,
  now: Date,
): Promise<void> {
  await db
    .updateTable('account_mail_tokens')
    .set({ used_at: now })
    .where('account_id', '=', accountId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
  // Keep the table small: tokens expired a day ago are of no use, even as a record.
  await db
    .deleteFrom('account_mail_tokens')
    .where('account_id', '=', accountId)
    .where('expires_at', '<', sql<Date>`${now}::timestamptz - interval '1 day'`)
    .execute();
}
