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
 * The text the events carry is already the text of today (edits rewrite earlier events).
 *
 * @example
 * await forgetAccountInOutbox(trx, accountId);
 */
export async function forgetAccountInOutbox(db: Kysely<DatabaseSchema>, accountId: string): Promise<void> {
  await sql`
    update outbox_events set data = jsonb_set(data, '{authorId}', 'null'::jsonb)
    where subject_type in ('pain_point', 'comment') and data ->> 'authorId' = ${accountId}
  `.execute(db);
  await sql`
    update outbox_events set data = jsonb_set(data, '{expertId}', '""'::jsonb)
    where subject_type = 'standard_mapping' and data ->> 'expertId' = ${accountId}
  `.execute(db);
  await sql`
    update outbox_events set audience = audience - 'partnerIds'
    where subject_type = 'registration' and data ->> 'stakeholderId' = ${accountId}
      and audience ? 'partnerIds'
  `.execute(db);
  await sql`
    update outbox_events
    set audience = jsonb_set(audience, '{accountIds}', coalesce(
      (select jsonb_agg(member) from jsonb_array_elements(audience -> 'accountIds') member
       where member #>> '{}' <> ${accountId}), '[]'::jsonb))
    where audience -> 'accountIds' ? ${accountId}
  `.execute(db);
}
