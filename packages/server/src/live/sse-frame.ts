import { eventBody } from '../outbox/event-body';
import type { OutboxRow } from '../outbox/outbox-reader';

/** Sent once when a stream opens: browsers wait this long before reconnecting. */
export const SSE_PREAMBLE = 'retry: 3000\n\n';

/** The heartbeat comment: keeps proxies and load balancers from closing an idle stream. */
export const SSE_HEARTBEAT = ': ping\n\n';

/**
 * The first frame of a new stream (one not resuming): the id of the last event before it starts, as
 * its last event id. A client that loses the stream before any event arrives still resumes from
 * there with `Last-Event-ID`, missing nothing. An `id:` without data delivers no event (WHATWG HTML,
 * server-sent events): it only sets the id, in an EventSource and in the SDK alike.
 *
 * @example
 * sseStartingPoint(41); // 'id: 41\n\n'
 */
export function sseStartingPoint(eventId: number): string {
  return `id: ${eventId}\n\n`;
}

/**
 * The last frame of a stream the server ends because it stops: `retry:` tells the client to come
 * back in `milliseconds` (an EventSource and the SDK's live client both take it; through a load
 * balancer they reach another instance, and `Last-Event-ID` replays what they missed), and the
 * comment says why to whoever reads the raw stream.
 *
 * @example
 * sseGoodbye(400); // 'retry: 400\n: server stopping; reconnect\n\n'
 */
export function sseGoodbye(milliseconds: number): string {
  return `retry: ${Math.max(0, Math.round(milliseconds))}\n: server stopping; reconnect\n\n`;
}

/**
 * One Server-Sent Events frame: `id:`, `event:` (the type) and one `data:` line of JSON (JSON
 * never contains a raw newline, so one line suffices).
 *
 * @example
 * sseFrame(row, row.data); // 'id: 42\nevent: pain_point.voted\ndata: {…}\n\n'
 */
export function sseFrame(row: Pick<OutboxRow, 'id' | 'type' | 'createdAt'>, data: unknown): string {
  return `id: ${row.id}\nevent: ${row.type}\ndata: ${eventBody(row, data)}\n\n`;
}
