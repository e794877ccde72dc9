import { eventBody } from '../outbox/event-body';
import type { OutboxRow } from '../outbox/outbox-reader';

/** Sent once when a stream opens: browsers wait this long before reconnecting. */
export const SSE_PREAMBLE = 'retry: 3000\n\n';

/** The heartbeat comment: keeps proxies and load balancers from closing an idle stream. */
export const SSE_HEARTBEAT = ': ping\n\n';

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
