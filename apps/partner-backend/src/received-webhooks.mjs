// The deliveries the back end received and verified: the last 50, newest first, in memory.
import { isKnownWebhookEvent } from '@wsc/sdk';

export const KEPT_DELIVERIES = 50;

/**
 * @typedef {object} ReceivedWebhook
 * @property {string} id the event's id (redeliveries of one event share it).
 * @property {string} type
 * @property {string} createdAt when the community recorded the event.
 * @property {string} receivedAt when this back end verified it.
 * @property {string} summary one line a person reads.
 */

/** @param {string | undefined} text */
const quoted = (text) => (text ? `“${text}”` : '');

/**
 * One line about an event, in English (the back end's admin pages are not translated).
 *
 * @param {import('@wsc/sdk').WebhookEvent | import('@wsc/sdk').UnknownWebhookEvent} event
 * @example
 * summarize({ type: 'pain_point.voted', data: { painPointId: 'p1', voteCount: 3 }, … }); // 'Pain point p1 now has 3 votes'
 */
export function summarize(event) {
  if (!isKnownWebhookEvent(event))
    return `An event of a type this back end does not know yet (${event.type})`;
  switch (event.type) {
    case 'pain_point.created':
    case 'pain_point.updated': {
      /** @type {Partial<Record<string, string>>} */
      const titles = event.data.title;
      const title = titles[event.data.language] ?? Object.values(titles).find(Boolean);
      const place = [event.data.city, event.data.country].filter(Boolean).join(', ');
      return `Pain point ${quoted(title)}${place ? ` (${place})` : ''} ${event.type === 'pain_point.created' ? 'reported' : 'updated'}`;
    }
    case 'pain_point.voted':
      return `Pain point ${event.data.painPointId} now has ${event.data.voteCount} vote${event.data.voteCount === 1 ? '' : 's'}`;
    case 'comment.created':
      return `New comment on pain point ${event.data.painPointId}`;
    case 'comment.updated':
      return `Comment ${event.data.id} edited on pain point ${event.data.painPointId}`;
    case 'comment.hidden':
      return `Comment ${event.data.id} hidden by a moderator`;
    case 'standard_mapping.created':
      return `Standard ${event.data.standardId} mapped to pain point ${event.data.painPointId}`;
    case 'registration.created':
    case 'registration.cancelled':
    case 'registration.promoted': {
      const seats = event.data.seatsLeft === null ? 'unlimited seats' : `${event.data.seatsLeft} seats left`;
      return `Registration ${event.type.split('.')[1]} for event ${event.data.eventId} (${seats})`;
    }
    case 'event.updated':
      return `Event ${event.data.slug ?? event.data.id} updated: ${event.data.changed.join(', ') || 'details'}`;
    default:
      return /** @type {{ type: string }} */ (event).type;
  }
}

/**
 * The list of verified deliveries, deduplicated by event id (the platform may deliver twice).
 *
 * @param {number} [size]
 * @example
 * const received = receivedWebhooks();
 * received.add(event);
 * received.recent(); // newest first
 */
export function receivedWebhooks(size = KEPT_DELIVERIES) {
  /** @type {ReceivedWebhook[]} */
  const list = [];
  return {
    /**
     * @param {import('@wsc/sdk').WebhookEvent | import('@wsc/sdk').UnknownWebhookEvent} event
     * @returns {boolean} false when the event was already received.
     */
    add(event) {
      if (list.some((received) => received.id === event.id)) return false;
      list.unshift({
        id: event.id,
        type: event.type,
        createdAt: event.createdAt,
        receivedAt: new Date().toISOString(),
        summary: summarize(event),
      });
      list.length = Math.min(list.length, size);
      return true;
    },
    /** @returns {readonly ReceivedWebhook[]} */
    recent: () => list,
  };
}
