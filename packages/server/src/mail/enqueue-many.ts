import { LANGUAGES } from '@wsc/models';
import { type Expression, type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { memberMayReceiveSql } from './member-mail-rules';
import type { MailTemplate } from './template-registry';

export interface MailToMany<Data extends Record<string, unknown>> {
  template: MailTemplate<Data & { displayName: string }, Record<string, never>>;
  /** A query of one column, `accountId`: the members to tell. */
  accounts: Expression<{ accountId: string }>;
  /** The same for every member; each gets their own `displayName` added. */
  data: Data;
}

/**
 * Queues one mail per member of a query in ONE statement inside the caller's transaction (an
 * event change told to thousands of registrants without thousands of round trips). Each mail
 * takes the member's address and language as {@link enqueueMail} does, and skips deleted
 * accounts and members the mail rules exclude. Returns how many were queued.
 *
 * @example
 * await enqueueMailToMany(trx, { template: eventChangedTemplate, accounts: registrantsQuery, data });
 */
export async function enqueueMailToMany<Data extends Record<string, unknown>>(
  trx: Kysely<DatabaseSchema>,
  mail: MailToMany<Data>,
): Promise<number> {
  const { template } = mail;
  const result = await sql<{ id: string }>`
    insert into mail_outbox (account_id, address, address_normalized, kind, template, language, data)
    select account.id, trim(account.email), lower(trim(account.email)), ${template.kind}, ${template.name},
           coalesce(case when account.language = any (${[...LANGUAGES]}::text[]) then account.language end, 'en'),
           ${JSON.stringify(mail.data)}::jsonb || jsonb_build_object('displayName', coalesce(profile.display_name, ''))
    from accounts account
    left join stakeholders profile on profile.id = account.id
    where account.id in (${mail.accounts})
      and account.deleted_at is null and account.email <> ''
      and ${memberMayReceiveSql(template.kind)}
    order by account.id
    returning id
  `.execute(trx);
  return result.rows.length;
}
