import type { WebhookEventType } from '@wsc/models';
import type { WebhookEndpoint, WebhookEndpointCreate } from '@wsc/models/partner';
import type { Kysely, Selectable } from 'kysely';
import { afterTimestampKey, type KeyValue, timestampKey } from '../community/keyset-cursor';
import type { DatabaseSchema, WebhookEndpointsTable } from '../database/schema';
import { generateWebhookSecret } from './signature';

type Database = Kysely<DatabaseSchema>;

/** How long the secret before a rotation keeps signing (as a second signature). */
export const ROTATION_OVERLAP_MILLISECONDS = 24 * 3_600_000;

/**
 * The API form of an endpoint: never its secrets.
 *
 * @example
 * toWebhookEndpoint(row); // { id, url, eventTypes, enabled, … }
 */
export function toWebhookEndpoint(row: Selectable<WebhookEndpointsTable>): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types as WebhookEventType[],
    enabled: row.enabled,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * Creates an endpoint with a new `whsec_` secret (returned in `secret`, shown once).
 *
 * @example
 * const { row, secret } = await createWebhookEndpoint(trx, partnerId, body);
 */
export async function createWebhookEndpoint(
  db: Database,
  partnerId: string,
  input: WebhookEndpointCreate,
): Promise<Selectable<WebhookEndpointsTable>> {
  return db
    .insertInto('webhook_endpoints')
    .values({
      partner_id: partnerId,
      url: input.url,
      description: input.description ?? null,
      event_types: [...new Set(input.eventTypes)],
      secret: generateWebhookSecret(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A partner's endpoint (not deleted), or undefined: another partner's endpoint is not found.
 *
 * @example
 * const row = await findWebhookEndpoint(db, partnerId, id);
 */
export function findWebhookEndpoint(db: Database, partnerId: string, id: string) {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('id', '=', id)
    .where('partner_id', '=', partnerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * New secret; the old one keeps signing for {@link ROTATION_OVERLAP_MILLISECONDS}.
 *
 * @example
 * const row = await rotateWebhookSecret(trx, partnerId, id, new Date());
 */
export function rotateWebhookSecret(db: Database, partnerId: string, id: string, now: Date) {
  return db
    .updateTable('webhook_endpoints')
    .set((eb) => ({
      previous_secret: eb.ref('secret'),
      previous_secret_expires_at: new Date(now.getTime() + ROTATION_OVERLAP_MILLISECONDS),
      secret: generateWebhookSecret(),
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('partner_id', '=', partnerId)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Deletes an endpoint: it stops receiving at once; its log stays for the record.
 *
 * @example
 * const deleted = await deleteWebhookEndpoint(trx, partnerId, id, new Date());
 */
export async function deleteWebhookEndpoint(db: Database, partnerId: string, id: string, now: Date) {
  const row = await db
    .updateTable('webhook_endpoints')
    .set({ deleted_at: now, enabled: false, updated_at: now })
    .where('id', '=', id)
    .where('partner_id', '=', partnerId)
    .where('deleted_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * One page of a partner's live webhook endpoints, oldest first (keyset on created_at to the
 * microsecond, then id); `limit + 1` rows, each with its `created_at_key`.
 *
 * @example
 * const rows = await listWebhookEndpoints(db, partnerId, null, 21);
 */
export async function listWebhookEndpoints(
  db: Database,
  partnerId: string,
  after: readonly KeyValue[] | null,
  limit: number,
): Promise<(Selectable<WebhookEndpointsTable> & { created_at_key: string })[]> {
  let query = db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .select(timestampKey('webhook_endpoints.created_at').as('created_at_key'))
    .where('webhook_endpoints.partner_id', '=', partnerId)
    .where('webhook_endpoints.deleted_at', 'is', null);
  if (after) {
    query = query.where(
      afterTimestampKey('webhook_endpoints.created_at', 'webhook_endpoints.id', 'asc', after),
    );
  }
  return query.orderBy('webhook_endpoints.created_at').orderBy('webhook_endpoints.id').limit(limit).execute();
}
