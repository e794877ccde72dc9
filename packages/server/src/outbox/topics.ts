import type { WebhookEventType } from '@wsc/models';
import { domainError } from '../errors/domain-error';

/** Collection topics of `GET /v1/stream?topics=`; `events/{id}` and `pain-points/{id}` narrow to one object. */
export const STREAM_TOPICS = [
  'pain-points',
  'votes',
  'comments',
  'standard-mappings',
  'events',
  'registrations',
] as const;

export type StreamTopic = (typeof STREAM_TOPICS)[number];

const COLLECTIONS = new Set<string>(STREAM_TOPICS);
const OBJECT_TOPIC = /^(events|pain-points)\/([A-Za-z0-9._:-]{1,128})$/;

/**
 * The topics an event belongs to: its collection and the object it concerns, so a client can
 * follow `pain-points/{id}` (its votes, comments, mappings) or `events/{id}` (seats, changes).
 *
 * @example
 * topicsOf('pain_point.voted', { type: 'pain_point', id: 'p1' }, {}); // ['votes', 'pain-points/p1']
 */
export function topicsOf(
  type: WebhookEventType,
  subject: { type: string; id: string },
  data: Record<string, unknown>,
): string[] {
  const painPointId = typeof data.painPointId === 'string' ? data.painPointId : null;
  const eventId = typeof data.eventId === 'string' ? data.eventId : null;
  switch (type) {
    case 'pain_point.created':
    case 'pain_point.updated':
      return ['pain-points', `pain-points/${subject.id}`];
    case 'pain_point.voted':
      return ['votes', `pain-points/${painPointId ?? subject.id}`];
    case 'comment.created':
    case 'comment.updated':
    case 'comment.hidden':
      return painPointId ? ['comments', `pain-points/${painPointId}`] : ['comments'];
    case 'standard_mapping.created':
      return painPointId ? ['standard-mappings', `pain-points/${painPointId}`] : ['standard-mappings'];
    case 'registration.created':
    case 'registration.cancelled':
    case 'registration.promoted':
      return eventId ? ['registrations', `events/${eventId}`] : ['registrations'];
    case 'event.updated':
      return ['events', `events/${subject.id}`];
  }
}

/**
 * Reads `?topics=pain-points,votes,events/{id}`; absent or empty means every collection.
 * Unknown topics are a 422 naming `topics`.
 *
 * @example
 * parseTopics('votes,events/world-smart-city-forum-2016'); // ['votes', 'events/world-smart-city-forum-2016']
 */
export function parseTopics(value: string | undefined): string[] {
  const topics = (value ?? '')
    .split(',')
    .map((topic) => topic.trim())
    .filter(Boolean);
  if (topics.length === 0) return [...STREAM_TOPICS];
  const unknown = topics.filter((topic) => !COLLECTIONS.has(topic) && !OBJECT_TOPIC.test(topic));
  if (unknown.length > 0 || topics.length > 50) {
    throw domainError('validation-failed', {
      detail: `Unknown topics: ${unknown.join(', ') || '(too many)'}. Use ${STREAM_TOPICS.join(', ')}, events/{id} or pain-points/{id}.`,
      errors: [
        { path: 'topics', message: `Unknown topic ${unknown[0] ?? ''}`.trim(), code: 'invalid_value' },
      ],
    });
  }
  return [...new Set(topics)];
}

/**
 * The `{ kind, id }` of an object topic (`events/{id}`), or null for a collection.
 *
 * @example
 * objectTopic('events/abc'); // { collection: 'events', id: 'abc' }
 */
export function objectTopic(topic: string): { collection: 'events' | 'pain-points'; id: string } | null {
  const match = OBJECT_TOPIC.exec(topic);
  return match ? { collection: match[1] as 'events' | 'pain-points', id: match[2] as string } : null;
}
