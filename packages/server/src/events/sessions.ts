import type { EventSession, EventSessionCreate, LocalizedText } from '@wsc/models';
import type { EventSessionUpdate } from '@wsc/models/partner';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../access/actor';
import { toLocalIso } from '../calendar/time-zone';
import type { DatabaseSchema } from '../database/schema';
import { domainError } from '../errors/domain-error';
import { queueSessionChangeNotices } from './change-notices';
import { type ChangeContext, eventUpdated } from './changes';
import { requireMember, requireOrganiser } from './organisers';
import type { EventRow } from './repository';
import { requireEventRow, requireLockedEvent, toEvent } from './service';
import { readSession } from './session-rows';

type Database = Kysely<DatabaseSchema>;

function cleanText(text: LocalizedText): Record<string, string> {
  return Object.fromEntries(
    Object.entries(text)
      .filter(([, value]) => typeof value === 'string' && value.trim() !== '')
      .map(([language, value]) => [language, (value as string).trim()]),
  );
}

async function checkSession(
  db: Database,
  event: EventRow,
  session: { startsAt: string | Date; endsAt: string | Date; painPointIds?: string[] | undefined },
): Promise<void> {
  const starts = new Date(session.startsAt);
  const ends = new Date(session.endsAt);
  if (ends <= starts) {
    throw domainError('validation-failed', {
      detail: 'endsAt must be after startsAt.',
      errors: [{ path: 'endsAt', message: 'endsAt must be after startsAt' }],
    });
  }
  if (starts < event.starts_at || ends > event.ends_at) {
    const event_ = toEvent(event);
    throw domainError('validation-failed', {
      detail: `A session must take place within the event, ${event_.startsAt} to ${event_.endsAt}.`,
      errors: [{ path: starts < event.starts_at ? 'startsAt' : 'endsAt', message: 'Outside the event' }],
    });
  }
  const ids = [...new Set(session.painPointIds ?? [])];
  if (ids.length === 0) return;
  const found = await db.selectFrom('pain_points').select('id').where('id', 'in', ids).execute();
  const known = new Set(found.map((row) => row.id));
  const unknown = (session.painPointIds ?? []).flatMap((id, index) => (known.has(id) ? [] : [index]));
  if (unknown.length > 0) {
    throw domainError('validation-failed', {
      detail: 'Sessions link to existing pain points only.',
      errors: unknown.map((index) => ({ path: `painPointIds.${index}`, message: 'Unknown pain point' })),
    });
  }
}

async function linkPainPoints(db: Database, sessionId: string, painPointIds: readonly string[]) {
  await db.deleteFrom('event_session_pain_points').where('session_id', '=', sessionId).execute();
  const unique = [...new Set(painPointIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('event_session_pain_points')
    .values(unique.map((painPointId) => ({ session_id: sessionId, pain_point_id: painPointId })))
    .execute();
}

function contextOf(actor: Actor): ChangeContext {
  return { actorId: actor.account?.id ?? null, partnerId: actor.partnerId, requestId: actor.requestId };
}

/**
 * Adds a session to an event's programme (organisers), with its speakers, room and the pain
 * points it discusses.
 *
 * @example
 * const session = await createSession(db, actor, 'world-smart-city-forum-2016', { title: { en: 'Water' }, … });
 */
export async function createSession(
  db: Database,
  actor: Actor,
  idOrSlug: string,
  input: EventSessionCreate,
): Promise<EventSession> {
  const account = requireMember(actor);
  const event = await requireEventRow(db, idOrSlug);
  await requireOrganiser(db, account, event.organiser_ids);
  return db.transaction().execute(async (trx) => {
    const locked = await requireLockedEvent(trx, event.id, idOrSlug);
    await checkSession(trx, locked, input);
    const inserted = await trx
      .insertInto('event_sessions')
      .values({
        event_id: event.id,
        title: JSON.stringify(cleanText(input.title)),
        description: input.description ? JSON.stringify(cleanText(input.description)) : null,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        room: input.room ?? null,
        language: input.language ?? null,
        speakers: JSON.stringify(input.speakers ?? []),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await linkPainPoints(trx, inserted.id, input.painPointIds ?? []);
    await eventUpdated(trx, contextOf(actor), toEvent(locked), ['sessions']);
    return readSession(trx, inserted.id, locked.time_zone);
  });
}

/**
 * Edits a session (organisers); `painPointIds` replaces the linked pain points. A new time or
 * room is mailed to every registrant of the event (`session-changed`).
 *
 * @example
 * await updateSession(db, actor, eventId, sessionId, { painPointIds: [painPointId] });
 */
export async function updateSession(
  db: Database,
  actor: Actor,
  idOrSlug: string,
  sessionId: string,
  patch: EventSessionUpdate,
): Promise<EventSession> {
  const account = requireMember(actor);
  const event = await requireEventRow(db, idOrSlug);
  await requireOrganiser(db, account, event.organiser_ids);
  return db.transaction().execute(async (trx) => {
    // Edits of one event's programme take turns on the event, so each is checked against the
    // session as the previous edit left it (two edits moving either end cannot cross them).
    const locked = await requireLockedEvent(trx, event.id, idOrSlug);
    const current = (await readSession(trx, sessionId, locked.time_zone).catch(() => null)) ?? null;
    if (!current || current.eventId !== locked.id) {
      throw domainError('session-not-found', { detail: `The event has no session ${sessionId}.` });
    }
    await checkSession(trx, locked, {
      startsAt: patch.startsAt ?? current.startsAt,
      endsAt: patch.endsAt ?? current.endsAt,
      painPointIds: patch.painPointIds,
    });
    await trx
      .updateTable('event_sessions')
      .set({
        ...(patch.title ? { title: JSON.stringify(cleanText(patch.title)) } : {}),
        ...(patch.description !== undefined
          ? { description: patch.description ? JSON.stringify(cleanText(patch.description)) : null }
          : {}),
        ...(patch.startsAt ? { starts_at: patch.startsAt } : {}),
        ...(patch.endsAt ? { ends_at: patch.endsAt } : {}),
        ...(patch.room !== undefined ? { room: patch.room } : {}),
        ...(patch.language !== undefined ? { language: patch.language } : {}),
        ...(patch.speakers ? { speakers: JSON.stringify(patch.speakers) } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', sessionId)
      .execute();
    if (patch.painPointIds) await linkPainPoints(trx, sessionId, patch.painPointIds);
    const updated = await readSession(trx, sessionId, locked.time_zone);
    // Registrants are told in this transaction: the mail goes if and only if the change commits.
    await queueSessionChangeNotices(trx, locked, current, updated);
    await eventUpdated(trx, contextOf(actor), toEvent(locked), ['sessions']);
    return updated;
  });
}
