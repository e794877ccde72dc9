import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';

/**
 * Takes a deleted account out of the stored events, in the deletion's transaction, so replays
 * (`Last-Event-ID`) and webhook deliveries, redeliveries included, show no more than the API
 * shows of a deleted member:
 * - pain points and comments: `authorId` null (the API shows them by a deleted member);
 * - standard mappings: `expertId` `''` (the API keeps the mapping, with no expert);
 * - registrations: only the event's organisers still read them in full, as the attendee list
 *   they read shows them (anonymized); the member's partners, which have no route to read them,
 *   read the public counts as everyone else does;
 * - the account leaves every audience (`accountIds`).
 * The text the events carry is already the text of today (edits rewrite earlier events). Call
 * it before the account's content is anonymized: it finds the events through that content.
 *
 * @example
 * await forgetAccountInOutbox(trx, accountId);
 */
export async function forgetAccountInOutbox(db: Kysely<DatabaseSchema>, accountId: string): Promise<void> {
  // Found by subject through the content tables (call it before they are anonymized), so each
  // statement reads the outbox by its (subject_type, subject_id) index, not the whole table.
  await sql`
    update outbox_events set data = jsonb_set(data, '{authorId}', 'null'::jsonb)
    where subject_type = 'pain_point' and type in ('pain_point.created', 'pain_point.updated')
      and subject_id in (select id from pain_points where author_id = ${accountId})
  `.execute(db);
  await sql`
    update outbox_events
    set data = case when data ? 'authorId' then jsonb_set(data, '{authorId}', 'null'::jsonb) else data end,
        audience = ${withoutAccount(accountId)}
    where subject_type = 'comment'
      and subject_id in (select id from comments where author_id = ${accountId})
  `.execute(db);
  await sql`
    update outbox_events set data = jsonb_set(data, '{expertId}', '""'::jsonb)
    where subject_type = 'standard_mapping'
      and subject_id in (select id from standard_mappings where expert_id = ${accountId})
  `.execute(db);
  await sql`
    update outbox_events set audience = ${withoutAccount(accountId)} - 'partnerIds'
    where subject_type = 'registration'
      and subject_id in (select id from registrations where account_id = ${accountId})
  `.execute(db);
}

/** The row's `audience` without the account among its `accountIds`. */
function withoutAccount(accountId: string) {
  return sql`case when audience -> 'accountIds' ? ${accountId} then jsonb_set(audience, '{accountIds}', coalesce(
      (select jsonb_agg(member) from jsonb_array_elements(audience -> 'accountIds') member
       where member #>> '{}' <> ${accountId}), '[]'::jsonb)) else audience end`;
}
