import type { OutboxRow } from './outbox-reader';

/**
 * The JSON of an event as live updates and webhooks send it: `{ id, type, createdAt, data }`
 * (the WebhookEvent schema of @wsc/models), `id` being the outbox id as a string.
 *
 * @example
 * eventBody(row, row.data); // '{"id":"42","type":"pain_point.voted","createdAt":"…","data":{…}}'
 */
export function eventBody(row: Pick<OutboxRow, 'id' | 'type' | 'createdAt'>, data: unknown): string {
  return JSON.stringify({ id: String(row.id), type: row.type, createdAt: row.createdAt.toISOString(), data });
}
