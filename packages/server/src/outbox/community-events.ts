import type { Event, Registration } from '@wsc/models';
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { findPainPoint, type PainPointRow } from '../pain-points/repository';
import { recordEvent } from './record-event';

// One call per change, made by the feature services inside their transactions. Each reads what
// it publishes from the rows the transaction just wrote, so the feature code stays one line.

type Database = Kysely<DatabaseSchema>;

/**
 * `pain_point.created` / `pain_point.updated`: the pain point in every language it has. Public.
 * An update also rewrites the title and description of the pain point's earlier events to today's.
 * Give the row the transaction just wrote when the caller holds it (creation), or its id to read
 * it. A vote records its `pain_point.voted` in its own statement (`changeVote` in votes/repository.ts).
 *
 * @example
 * await recordPainPointEvent(trx, 'pain_point.created', inserted, actor.partnerId);
 * await recordPainPointEvent(trx, 'pain_point.updated', id, actor.partnerId);
 */
export async function recordPainPointEvent(
  trx: Database,
  type: 'pain_point.created' | 'pain_point.updated',
  painPoint: PainPointRow | string,
  partnerId: string | null,
): Promise<void> {
  const row = typeof painPoint === 'string' ? await findPainPoint(trx, painPoint) : painPoint;
  if (!row) return;
  if (type === 'pain_point.updated') {
    // Replays (Last-Event-ID) and pending webhooks read the outbox: the earlier events of the pain
    // point show its text of today, never words its author or a moderator took out.
    const text = JSON.stringify({ title: row.title, description: row.description });
    await sql`
      update outbox_events set data = data || ${text}::jsonb
      where subject_type = 'pain_point' and subject_id = ${row.id}
        and type in ('pain_point.created', 'pain_point.updated')
        and (data -> 'title', data -> 'description') is distinct from
            (${text}::jsonb -> 'title', ${text}::jsonb -> 'description')
    `.execute(trx);
  }
  const data = {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    language: row.language,
    domain: row.domain,
    city: row.city,
    country: row.country,
    severity: row.severity,
    status: row.status,
    duplicateOf: row.duplicate_of,
    voteCount: row.vote_count,
    commentCount: row.comment_count,
    locked: row.locked,
    authorId: row.author_id,
    partnerId: row.partner_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  await recordEvent(trx, {
    type,
    subject: { type: 'pain_point', id: row.id },
    data,
    partnerId,
    visibility: 'public',
  });
}

/**
 * `comment.created` / `comment.updated` (an edit): the comment, public unless it is hidden (then
 * moderators and its author only); an edit also rewrites the text of the comment's earlier events
 * to today's. `comment.hidden`: public, ids only, so pages can remove it; the text is also
 * withdrawn from the comment's earlier events. Replays and retries read those earlier events.
 *
 * @example
 * await recordCommentEvent(trx, 'comment.hidden', commentId, actor.partnerId);
 */
export async function recordCommentEvent(
  trx: Database,
  type: 'comment.created' | 'comment.updated' | 'comment.hidden',
  commentId: string,
  partnerId: string | null,
): Promise<void> {
  const row = await trx.selectFrom('comments').selectAll().where('id', '=', commentId).executeTakeFirst();
  if (!row) return;
  if (type === 'comment.hidden') {
    // Replays (Last-Event-ID) and pending webhooks read the outbox: withdraw the text there too.
    await sql`
      update outbox_events
      set data = jsonb_set(jsonb_set(data, '{body}', '""'::jsonb), '{hidden}', 'true'::jsonb)
      where subject_type = 'comment' and subject_id = ${row.id}
        and type in ('comment.created', 'comment.updated')
    `.execute(trx);
    await recordEvent(trx, {
      type,
      subject: { type: 'comment', id: row.id },
      data: {
        id: row.id,
        painPointId: row.pain_point_id,
        parentId: row.parent_id,
        hidden: true,
        hiddenAt: (row.hidden_at ?? new Date()).toISOString(),
      },
      partnerId,
      visibility: 'public',
    });
    return;
  }
  if (type === 'comment.updated') {
    // The edited words leave the earlier events too; a text already withdrawn stays withdrawn.
    await sql`
      update outbox_events
      set data = jsonb_set(data, '{body}', to_jsonb(${row.body}::text))
      where subject_type = 'comment' and subject_id = ${row.id}
        and type in ('comment.created', 'comment.updated')
        and data ->> 'body' <> '' and data ->> 'body' <> ${row.body}
    `.execute(trx);
  }
  await recordEvent(trx, {
    type,
    subject: { type: 'comment', id: row.id },
    data: {
      id: row.id,
      painPointId: row.pain_point_id,
      parentId: row.parent_id,
      authorId: row.author_id,
      body: row.body,
      language: row.language,
      hidden: row.hidden,
      replyCount: row.reply_count,
      partnerId: row.partner_id,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.edited_at?.toISOString() ?? null,
    },
    partnerId,
    visibility: row.hidden
      ? { roles: ['moderator'], accountIds: row.author_id ? [row.author_id] : [] }
      : 'public',
  });
}

/**
 * `standard_mapping.created`: an expert mapped a standard to a pain point. Public.
 *
 * @example
 * await recordStandardMappingEvent(trx, mapping.id, actor.partnerId);
 */
export async function recordStandardMappingEvent(
  trx: Database,
  mappingId: string,
  partnerId: string | null,
): Promise<void> {
  const row = await trx
    .selectFrom('standard_mappings')
    .selectAll()
    .where('id', '=', mappingId)
    .executeTakeFirst();
  if (!row) return;
  await recordEvent(trx, {
    type: 'standard_mapping.created',
    subject: { type: 'standard_mapping', id: row.id },
    data: {
      id: row.id,
      painPointId: row.pain_point_id,
      standardId: row.standard_id,
      coverage: row.coverage,
      clause: row.clause,
      note: row.note_hidden_at ? null : row.note,
      noteHidden: row.note_hidden_at !== null,
      expertId: row.expert_id,
      createdAt: row.created_at.toISOString(),
    },
    partnerId,
    visibility: 'public',
  });
}

async function seatsOf(trx: Database, eventId: string) {
  const result = await sql<{
    capacity: number | null;
    confirmed: number | string;
    waitlisted: number | string;
  }>`
    select event.capacity,
           count(registration.id) filter (where registration.status = 'confirmed') as confirmed,
           count(registration.id) filter (where registration.status = 'waitlisted') as waitlisted
    from events event
    left join registrations registration on registration.event_id = event.id
    where event.id = ${eventId}
    group by event.capacity
  `.execute(trx);
  const row = result.rows[0];
  if (!row) return { capacity: null, seatsLeft: null, waitlisted: 0 };
  const confirmed = Number(row.confirmed);
  return {
    capacity: row.capacity,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - confirmed),
    waitlisted: Number(row.waitlisted),
  };
}

/**
 * `registration.created` / `.cancelled` / `.promoted`: the registration (with seats left) for
 * the member, their own partners (the one the registration came through, the one they signed up
 * through, those they sign in through), the event's organisers and admins; everyone else sees `{ eventId, seatsLeft,
 * waitlisted }` only. `actingPartnerId` is the partner the member themself made this change
 * through; null when someone else made it (a promotion follows another member's cancellation or an
 * organiser's capacity change, through partners that must not learn who got the seat).
 *
 * @example
 * await recordRegistrationEvent(trx, 'registration.created', registration, context.partnerId);
 */
export async function recordRegistrationEvent(
  trx: Database,
  type: 'registration.created' | 'registration.cancelled' | 'registration.promoted',
  registration: Registration,
  actingPartnerId: string | null,
): Promise<void> {
  const seats = await seatsOf(trx, registration.eventId);
  await recordEvent(trx, {
    type,
    subject: { type: 'registration', id: registration.id },
    data: { ...registration, ...seats },
    publicData: { eventId: registration.eventId, ...seats },
    partnerId: actingPartnerId,
    visibility: {
      accountIds: [registration.stakeholderId],
      partnerIds: await partnersOfRegistrant(trx, registration),
      organisersOfEvent: registration.eventId,
    },
  });
}

/**
 * The partners a registrant came through: the registration's own, the one they signed up through
 * and those they sign in through (SSO).
 */
async function partnersOfRegistrant(trx: Database, registration: Registration): Promise<string[]> {
  const result = await sql<{ partner_id: string }>`
    select partner_id from registrations where id = ${registration.id} and partner_id is not null
    union
    select partner_id from stakeholders where id = ${registration.stakeholderId} and partner_id is not null
    union
    select partner_id from partner_identities where account_id = ${registration.stakeholderId}
  `.execute(trx);
  return result.rows.map((row) => row.partner_id);
}

/**
 * `event.updated`: the event as the API shows it, which fields changed, and seats left. Public.
 *
 * @example
 * await recordEventUpdated(trx, event, ['capacity'], context.partnerId);
 */
export async function recordEventUpdated(
  trx: Database,
  event: Event,
  changed: readonly string[],
  partnerId: string | null,
): Promise<void> {
  const seats = await seatsOf(trx, event.id);
  await recordEvent(trx, {
    type: 'event.updated',
    subject: { type: 'event', id: event.id },
    data: { ...event, changed: [...changed], seatsLeft: seats.seatsLeft, waitlisted: seats.waitlisted },
    partnerId,
    visibility: 'public',
  });
}
