import type { EventSession, Language, Speaker } from '@wsc/models';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { toLocalIso } from '../calendar/time-zone';
import type { DatabaseSchema } from '../database/schema';
import { domainError } from '../errors/domain-error';
import type { EventRow } from './repository';

// Reading an event's sessions, apart from editing them (sessions.ts): the notices of registrations
// and of event and session changes read the programme too, and sessions.ts queues those notices.

type Database = Kysely<DatabaseSchema>;

interface SessionRow {
  id: string;
  event_id: string;
  title: Record<string, string>;
  description: Record<string, string> | null;
  starts_at: Date;
  ends_at: Date;
  room: string | null;
  language: string | null;
  speakers: Speaker[];
  pain_point_ids: string[];
}

function selectSessions(db: Database) {
  return db
    .selectFrom('event_sessions')
    .select([
      'event_sessions.id',
      'event_sessions.event_id',
      'event_sessions.title',
      'event_sessions.description',
      'event_sessions.starts_at',
      'event_sessions.ends_at',
      'event_sessions.room',
      'event_sessions.language',
      'event_sessions.speakers',
      sql<
        string[]
      >`coalesce((select array_agg(l.pain_point_id order by l.pain_point_id) from event_session_pain_points l where l.session_id = event_sessions.id), '{}')`.as(
        'pain_point_ids',
      ),
    ]);
}

function toSession(row: SessionRow, timeZone: string): EventSession {
  return {
    id: row.id,
    eventId: row.event_id,
    title: row.title,
    description: row.description,
    startsAt: toLocalIso(row.starts_at, timeZone),
    endsAt: toLocalIso(row.ends_at, timeZone),
    room: row.room,
    language: row.language as Language | null,
    speakers: row.speakers,
    painPointIds: row.pain_point_ids,
  };
}

/** A session as {@link programmeJsonSql} gives it: the stored row, its times as JSON text. */
export type SessionJson = Omit<SessionRow, 'starts_at' | 'ends_at'> & { starts_at: string; ends_at: string };

/**
 * The programme of the event whose id is `eventId` (an SQL expression, such as a column of the
 * statement's event row) as one JSON array in time order: for a statement that reads the event,
 * one round trip fewer than {@link listSessions}. Turn it into sessions with {@link sessionsFromJson}.
 *
 * @example
 * selectEvents(db).select(programmeJsonSql(sql.ref('events.id')).as('programme'))
 */
export function programmeJsonSql(eventId: RawBuilder<string> | ReturnType<typeof sql.ref>) {
  return sql<SessionJson[]>`coalesce((
    select jsonb_agg(jsonb_build_object(
      'id', s.id, 'event_id', s.event_id, 'title', s.title, 'description', s.description,
      'starts_at', s.starts_at, 'ends_at', s.ends_at, 'room', s.room, 'language', s.language,
      'speakers', s.speakers,
      'pain_point_ids', coalesce((select jsonb_agg(l.pain_point_id order by l.pain_point_id)
        from event_session_pain_points l where l.session_id = s.id), '[]'::jsonb)
    ) order by s.starts_at, s.id)
    from event_sessions s where s.event_id = ${eventId}
  ), '[]'::jsonb)`;
}

/**
 * The sessions of {@link programmeJsonSql}, as {@link listSessions} answers them.
 *
 * @example
 * const sessions = sessionsFromJson(row.programme, row.time_zone);
 */
export function sessionsFromJson(programme: readonly SessionJson[], timeZone: string): EventSession[] {
  return programme.map((session) =>
    toSession(
      { ...session, starts_at: new Date(session.starts_at), ends_at: new Date(session.ends_at) },
      timeZone,
    ),
  );
}

/**
 * The programme of an event in time order.
 *
 * @example
 * const sessions = await listSessions(db, event);
 */
export async function listSessions(
  db: Database,
  event: Pick<EventRow, 'id' | 'time_zone'>,
): Promise<EventSession[]> {
  const rows = (await selectSessions(db)
    .where('event_sessions.event_id', '=', event.id)
    .orderBy('event_sessions.starts_at')
    .orderBy('event_sessions.id')
    .execute()) as unknown as SessionRow[];
  return rows.map((row) => toSession(row, event.time_zone));
}

/**
 * One session, its times in the event's zone; `session-not-found` when there is none.
 *
 * @example
 * const session = await readSession(trx, sessionId, event.time_zone);
 */
export async function readSession(db: Database, id: string, timeZone: string): Promise<EventSession> {
  const row = (await selectSessions(db).where('event_sessions.id', '=', id).executeTakeFirst()) as
    | SessionRow
    | undefined;
  if (!row) throw domainError('session-not-found');
  return toSession(row, timeZone);
}
