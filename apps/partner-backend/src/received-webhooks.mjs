// The deliveries the back end received and verified: the last 50, newest first, in memory.
import { isKnownWebhookEvent } from '@wsc/sdk';
import { translator } from './language.mjs';

export const KEPT_DELIVERIES = 50;

/**
 * @typedef {object} ReceivedWebhook
 * @property {string} id the event's id (redeliveries of one event share it).
 * @property {string} type
 * @property {string} createdAt when the community recorded the event.
 * @property {string} receivedAt when this back end verified it.
 * @property {string} summary one line a person reads, in English.
 * @property {import('@wsc/sdk').WebhookEvent | import('@wsc/sdk').UnknownWebhookEvent} event the
 *   verified event, for a summary in another language (not in the JSON: it may carry more than ids).
 */

const english = translator('en');

/**
 * One line about an event, in the page's language. Ids stay as they are; numbers are written the
 * language's way.
 *
 * @param {import('@wsc/sdk').WebhookEvent | import('@wsc/sdk').UnknownWebhookEvent} event
 * @param {import('./language.mjs').Translator} [t] default English (the JSON of `/webhooks/recent`).
 * @example
 * summarize({ type: 'pain_point.voted', data: { painPointId: 'p1', voteCount: 3 }, … }); // 'Votes on pain point p1: 3'
 */
export function summarize(event, t = english) {
  if (!isKnownWebhookEvent(event)) return t.text('summary.unknown', { type: event.type });
  switch (event.type) {
    case 'pain_point.created':
    case 'pain_point.updated': {
      /** @type {Partial<Record<string, string>>} */
      const titles = event.data.title;
      const title = titles[event.data.language] ?? Object.values(titles).find(Boolean) ?? '';
      const place = [event.data.city, event.data.country].filter(Boolean).join(', ');
      const key =
        event.type === 'pain_point.created' ? 'summary.painPointCreated' : 'summary.painPointUpdated';
      return `${t.text(key, { title })}${place ? ` (${place})` : ''}`;
    }
    case 'pain_point.voted':
      return t.text('summary.voted', {
        painPoint: event.data.painPointId,
        count: t.number(event.data.voteCount),
      });
    case 'comment.created':
      return t.text('summary.commentCreated', { painPoint: event.data.painPointId });
    case 'comment.updated':
      return t.text('summary.commentUpdated', { comment: event.data.id, painPoint: event.data.painPointId });
    case 'comment.hidden':
      return t.text('summary.commentHidden', { comment: event.data.id });
    case 'standard_mapping.created':
      return t.text('summary.standardMapped', {
        standard: event.data.standardId,
        painPoint: event.data.painPointId,
      });
    case 'registration.created':
    case 'registration.cancelled':
    case 'registration.promoted': {
      const seats =
        event.data.seatsLeft === null
          ? t.text('summary.unlimitedSeats')
          : t.text('summary.seatsLeft', { count: t.number(event.data.seatsLeft) });
      const key =
        event.type === 'registration.created'
          ? 'summary.registrationCreated'
          : event.type === 'registration.cancelled'
            ? 'summary.registrationCancelled'
            : 'summary.registrationPromoted';
      return `${t.text(key, { event: event.data.eventId })} (${seats})`;
    }
    case 'event.updated':
      return t.text('summary.eventUpdated', {
        event: event.data.slug ?? event.data.id,
        changed: event.data.changed.length > 0 ? t.list(event.data.changed) : t.text('summary.details'),
      });
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
        event,
      });
      list.length = Math.min(list.length, size);
      return true;
    },
    /** @returns {readonly ReceivedWebhook[]} */
    recent: () => list,
  };
}
