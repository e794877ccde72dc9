import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';

/**
 * Erases a deleted member from the mail tables, in the deletion's transaction: mail still
 * queued for them is dropped (the notices their deletion itself caused included: a deleted
 * member is sent nothing), the record of mail already sent keeps no address or data of theirs,
 * and their preferences and undeliverable marks go.
 *
 * @example
 * await forgetMemberMail(trx, accountId);
 */
export async function forgetMemberMail(trx: Kysely<DatabaseSchema>, accountId: string): Promise<void> {
  await trx
    .deleteFrom('mail_outbox')
    .where('account_id', '=', accountId)
    .where('status', '=', 'pending')
    .execute();
  await trx
    .updateTable('mail_outbox')
    .set({ address: '', address_normalized: '', data: JSON.stringify({}), secrets: null })
    .where('account_id', '=', accountId)
    .execute();
  await trx.deleteFrom('mail_undeliverable_addresses').where('account_id', '=', accountId).execute();
  await trx.deleteFrom('mail_preferences').where('account_id', '=', accountId).execute();
}
