import { LANGUAGES, type Language } from '@wsc/models';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { memberMayReceiveSql } from './member-mail-rules';
import type { MailTemplate } from './template-registry';

/** Who a mail goes to. */
export type MailRecipient =
  /** A member: their address and language as they are in the caller's transaction. */
  | { accountId: string }
  /** A bare address (the old address told of a change), optionally on a member's behalf. */
  | { address: string; language: Language; accountId?: string | null | undefined };

export interface MailToQueue<Data extends Record<string, unknown>, Secrets extends Record<string, string>> {
  template: MailTemplate<Data, Secrets>;
  to: MailRecipient;
  data: Data;
  /** Values that must not outlive the sending (tokens in links): erased once the mail is sent. */
  secrets?: Secrets | undefined;
  /** The language for a member (default: the member's language, else English). */
  language?: Language | undefined;
}

/** A queued mail: its id (`mail_…`, the left part of its Message-ID). */
export interface QueuedMail {
  id: string;
}

const KNOWN_LANGUAGES: ReadonlySet<string> = new Set(LANGUAGES);

/**
 * Queues a mail INSIDE the caller's transaction (the outbox pattern): it is sent after the
 * commit by the mail worker of any instance, and never if the transaction rolls back. For a
 * member, the address and language are read in the same statement; a deleted or unknown
 * account, or a member who turned this kind off or whose partner tells them itself
 * (`member-mail-rules.ts`), gets nothing (null). Rendering happens at sending time.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   const accountId = await createAccount(trx, …);
 *   await enqueueMail(trx, {
 *     template: emailConfirmationTemplate,
 *     to: { accountId },
 *     data: { displayName, expiresInHours: 48 },
 *     secrets: { token },
 *   });
 * });
 */
export async function enqueueMail<
  Data extends Record<string, unknown>,
  Secrets extends Record<string, string>,
>(trx: Kysely<DatabaseSchema>, mail: MailToQueue<Data, Secrets>): Promise<QueuedMail | null> {
  const data = JSON.stringify(mail.data);
  const secrets = mail.secrets && Object.keys(mail.secrets).length > 0 ? JSON.stringify(mail.secrets) : null;
  const { template } = mail;
  if ('address' in mail.to) {
    const row = await trx
      .insertInto('mail_outbox')
      .values({
        account_id: mail.to.accountId ?? null,
        address: mail.to.address.trim(),
        address_normalized: mail.to.address.trim().toLowerCase(),
        kind: template.kind,
        template: template.name,
        language: mail.language ?? mail.to.language,
        data,
        secrets,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id };
  }
  const row = (
    await memberMailInsert(mail as MailToQueue<Data, Secrets> & { to: { accountId: string } }).execute(trx)
  ).rows[0];
  return row ? { id: row.id } : null;
}

/**
 * The statement that queues a mail to a member (see {@link enqueueMail}), unrun: for a caller
 * that writes it with its other writes in one statement (a data-modifying `WITH`), one round
 * trip fewer. Inserts no row when the member may not receive it.
 *
 * @example
 * await recordEvent(trx, { …, alsoWrite: [memberMailInsert({ template, to: { accountId }, data })] });
 */
export function memberMailInsert<
  Data extends Record<string, unknown>,
  Secrets extends Record<string, string>,
>(mail: MailToQueue<Data, Secrets> & { to: { accountId: string } }): RawBuilder<{ id: string }> {
  const data = JSON.stringify(mail.data);
  const secrets = mail.secrets && Object.keys(mail.secrets).length > 0 ? JSON.stringify(mail.secrets) : null;
  const { template } = mail;
  const chosen = mail.language && KNOWN_LANGUAGES.has(mail.language) ? mail.language : null;
  return sql<{ id: string }>`
    insert into mail_outbox (account_id, address, address_normalized, kind, template, language, data, secrets)
    select account.id, trim(account.email), lower(trim(account.email)), ${template.kind}, ${template.name},
           coalesce(${chosen}::text, case when account.language = any (${[...LANGUAGES]}::text[]) then account.language end, 'en'),
           ${data}::jsonb, ${secrets}::jsonb
    from accounts account
    where account.id = ${mail.to.accountId} and account.deleted_at is null and account.email <> ''
      and ${memberMayReceiveSql(template.kind)}
    returning id
  `;
}
