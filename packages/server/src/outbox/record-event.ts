import type { WebhookEventType } from '@wsc/models';
import { type Kysely, type OperationNodeSource, sql } from 'kysely';
import { runPrepared } from '../database/prepared-statements';
import type { DatabaseSchema } from '../database/schema';
import { type Audience, type RestrictedAudience, storedAudience } from './audience';
import { topicsOf } from './topics';

/**
 * The webhook endpoints an event row named `inserted` (columns `id`, `type`) goes to: enabled,
 * subscribed to its type, of an enabled partner. Callers add the audience condition; a public
 * event goes to every one of them. Shared with the vote statement
 * (`votes/repository.ts`), which records its event in the same statement as the vote.
 */
export const SUBSCRIBED_ENDPOINTS_SQL = `from inserted
      join webhook_endpoints endpoint
        on endpoint.enabled and endpoint.deleted_at is null and inserted.type = any (endpoint.event_types)
      join partners partner on partner.id = endpoint.partner_id and partner.disabled_at is null`;

export interface OutboxEventInput {
  type: WebhookEventType;
  /** The object the event is about: `{ type: 'pain_point', id }`. */
  subject: { type: string; id: string };
  /**
   * The payload: the changed object as the API shows it (JSON-ready). Include `painPointId` or
   * `eventId` when the subject belongs to one, so `pain-points/{id}` and `events/{id}` topics match.
   */
  data: Record<string, unknown>;
  /** The partner the change came through; it joins a restricted audience. */
  partnerId?: string | null | undefined;
  /** `'public'`, or who may read the full payload (admins always may). */
  visibility: Audience & { organisersOfEvent?: string | undefined };
  /** For a restricted event: what everyone else sees (e.g. `{ eventId, seatsLeft }`). Absent: nothing. */
  publicData?: Record<string, unknown> | undefined;
  /**
   * Other inserts of the same change (its audit entry, the member's notice), written by the same
   * statement as data-modifying `WITH` parts: one round trip for all of them. They see the
   * database as the statement starts, not each other's rows.
   */
  alsoWrite?: readonly OperationNodeSource[] | undefined;
}

/**
 * Writes an event to the outbox INSIDE the caller's transaction, with one webhook delivery per
 * matching endpoint. Nothing else to do: the database announces it after the commit (never on
 * rollback; see `database/outbox-commits.ts`), and readers take events in the order of their
 * transactions, so writers need no common lock and commit side by side.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   const row = await insertPainPoint(trx, input);
 *   await recordEvent(trx, {
 *     type: 'pain_point.created',
 *     subject: { type: 'pain_point', id: row.id },
 *     data: painPointRecord(row),
 *     partnerId: actor.partnerId,
 *     visibility: 'public',
 *   });
 * });
 */
export async function recordEvent(
  trx: Kysely<DatabaseSchema>,
  input: OutboxEventInput,
): Promise<{ id: number }> {
  const { organisersOfEvent, ...visibility } =
    input.visibility === 'public' ? { organisersOfEvent: undefined } : input.visibility;
  const partnerId = input.partnerId ?? null;
  const audience = storedAudience(
    input.visibility === 'public' ? 'public' : (visibility as RestrictedAudience),
    partnerId,
  );
  // Stored as the event's id: readers look its organisers up when they read (see readOutboxAfter).
  const stored = organisersOfEvent && !('public' in audience) ? { ...audience, organisersOfEvent } : audience;
  const isPublic = 'public' in audience;
  const restricted = audience as RestrictedAudience;
  // Webhook deliveries are decided now: to the organisers of today, read by the insert itself.
  const eventOfOrganisers = organisersOfEvent && !isPublic ? organisersOfEvent : null;
  const topics = topicsOf(input.type, input.subject, input.data);
  const alsoWritten = (input.alsoWrite ?? []).map(
    (statement, index) => sql`${sql.raw(`also_written_${index}`)} as (${statement}),`,
  );
  // Prepared: one text for every writer, one more for those that write other rows with it.
  const statement = sql<{ id: number }>`
    with ${sql.join(alsoWritten, sql` `)} inserted as (
      insert into outbox_events (type, subject_type, subject_id, topics, data, audience, public_data, partner_id)
      values (${input.type}, ${input.subject.type}, ${input.subject.id}, ${topics}::text[],
             ${JSON.stringify(input.data)}::jsonb, ${JSON.stringify(stored)}::jsonb,
             ${input.publicData && !isPublic ? JSON.stringify(input.publicData) : null}::jsonb, ${partnerId})
      returning id, type
    ),
    deliveries as (
      insert into webhook_deliveries (endpoint_id, event_id, event_type)
      select endpoint.id, inserted.id, inserted.type
      ${sql.raw(SUBSCRIBED_ENDPOINTS_SQL)}
      where ${isPublic}
         or endpoint.partner_id = any (${restricted.partnerIds ?? []}::text[])
         or partner.organization_id = any (${restricted.organizationIds ?? []}::text[])
         or partner.organization_id in (
           select organiser.organization_id from event_organisers organiser
           where organiser.event_id = ${eventOfOrganisers}::text
         )
      returning endpoint_id
    )
    select inserted.id, (select count(*) from deliveries) as deliveries
    from inserted
  `;
  const result = await runPrepared(trx, statement.compile(trx));
  const row = result.rows[0];
  if (!row) throw new Error('recordEvent: the outbox insert returned no row');
  return { id: Number(row.id) };
}
