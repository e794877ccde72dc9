import type { Page } from '@wsc/models';
import type {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointCreated,
} from '@wsc/models/partner';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record';
import { readKeysetPage } from '../community/keyset-cursor';
import type { DatabaseSchema } from '../database/schema';
import { type DomainError, domainError } from '../errors/domain-error';
import { listWebhookDeliveries, redeliverWebhookDelivery, toWebhookDelivery } from './delivery-repository';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  toWebhookEndpoint,
} from './endpoint-repository';
import { assertWebhookUrl } from './url-policy';

type Database = Kysely<DatabaseSchema>;

/** The partner application acting on its own webhook endpoints (through a secret key). */
export interface WebhookOwner {
  partnerId: string;
  requestId: string;
}

/** A page of a list: `cursor` from the previous page's `nextCursor`. */
export interface WebhookListParams {
  limit: number;
  cursor?: string | undefined;
}

function endpointNotFound(): DomainError {
  return domainError('not-found', {
    detail: 'Your partner application has no webhook endpoint with that id.',
  });
}

async function ownEndpoint(db: Database, owner: WebhookOwner, id: string) {
  const row = await findWebhookEndpoint(db, owner.partnerId, id);
  if (!row) throw endpointNotFound();
  return row;
}

/**
 * A page of the partner's webhook endpoints, oldest first.
 *
 * @example
 * const page = await listEndpoints(db, owner, { limit: 20 });
 */
export function listEndpoints(
  db: Database,
  owner: WebhookOwner,
  params: WebhookListParams,
): Promise<Page<WebhookEndpoint>> {
  return readKeysetPage({
    cursor: params.cursor,
    limit: params.limit,
    sort: 'webhook-endpoints',
    keyTypes: ['timestamp', 'string'],
    read: (after, count) => listWebhookEndpoints(db, owner.partnerId, after, count),
    keysOf: (row) => [row.created_at_key, row.id],
    toItem: toWebhookEndpoint,
  });
}

/**
 * One of the partner's endpoints; 404 for an unknown (or another partner's) endpoint.
 *
 * @example
 * const endpoint = await readEndpoint(db, owner, id);
 */
export async function readEndpoint(db: Database, owner: WebhookOwner, id: string): Promise<WebhookEndpoint> {
  return toWebhookEndpoint(await ownEndpoint(db, owner, id));
}

/**
 * Registers an endpoint (its URL checked first: https and public unless `allowPrivate`) and
 * audits it, in one transaction; the answer holds the signing secret, shown once.
 *
 * @example
 * const created = await registerEndpoint(db, owner, body, { allowPrivate: false });
 */
export async function registerEndpoint(
  db: Database,
  owner: WebhookOwner,
  input: WebhookEndpointCreate,
  options: { allowPrivate: boolean },
): Promise<WebhookEndpointCreated> {
  await assertWebhookUrl(input.url, { allowPrivate: options.allowPrivate });
  const row = await db.transaction().execute(async (trx) => {
    const created = await createWebhookEndpoint(trx, owner.partnerId, input);
    await recordAudit(trx, {
      actorId: null,
      partnerId: owner.partnerId,
      action: 'webhook_endpoint.created',
      subjectType: 'webhook_endpoint',
      subjectId: created.id,
      data: { url: created.url, eventTypes: created.event_types },
      requestId: owner.requestId,
    });
    return created;
  });
  return { ...toWebhookEndpoint(row), secret: row.secret };
}

/**
 * Deletes an endpoint and audits it, in one transaction: nothing more is sent to it. 404 when
 * the partner has no such endpoint (or it is deleted already).
 *
 * @example
 * await removeEndpoint(db, owner, id, new Date());
 */
export async function removeEndpoint(
  db: Database,
  owner: WebhookOwner,
  id: string,
  now: Date,
): Promise<void> {
  const deleted = await db.transaction().execute(async (trx) => {
    const done = await deleteWebhookEndpoint(trx, owner.partnerId, id, now);
    if (done) {
      await recordAudit(trx, {
        actorId: null,
        partnerId: owner.partnerId,
        action: 'webhook_endpoint.deleted',
        subjectType: 'webhook_endpoint',
        subjectId: id,
        requestId: owner.requestId,
      });
    }
    return done;
  });
  if (!deleted) throw endpointNotFound();
}

/**
 * Gives an endpoint a new signing secret (shown once) and audits it, in one transaction; the
 * previous secret keeps signing for a day. 404 for an unknown endpoint.
 *
 * @example
 * const { secret } = await rotateEndpointSecret(db, owner, id, new Date());
 */
export async function rotateEndpointSecret(
  db: Database,
  owner: WebhookOwner,
  id: string,
  now: Date,
): Promise<WebhookEndpointCreated> {
  const row = await db.transaction().execute(async (trx) => {
    const rotated = await rotateWebhookSecret(trx, owner.partnerId, id, now);
    if (rotated) {
      await recordAudit(trx, {
        actorId: null,
        partnerId: owner.partnerId,
        action: 'webhook_endpoint.secret_rotated',
        subjectType: 'webhook_endpoint',
        subjectId: rotated.id,
        requestId: owner.requestId,
      });
    }
    return rotated;
  });
  if (!row) throw endpointNotFound();
  return { ...toWebhookEndpoint(row), secret: row.secret };
}

/**
 * A page of an endpoint's delivery log, newest first, optionally of one status; 404 for an
 * unknown endpoint.
 *
 * @example
 * const page = await listDeliveries(db, owner, endpointId, { limit: 20, status: 'failed' });
 */
export async function listDeliveries(
  db: Database,
  owner: WebhookOwner,
  endpointId: string,
  params: WebhookListParams & { status?: WebhookDeliveryStatus | undefined },
): Promise<Page<WebhookDelivery>> {
  await ownEndpoint(db, owner, endpointId);
  return readKeysetPage({
    cursor: params.cursor,
    limit: params.limit,
    sort: 'webhook-deliveries',
    keyTypes: ['timestamp', 'string'],
    read: (after, count) => listWebhookDeliveries(db, endpointId, { status: params.status }, after, count),
    keysOf: (row) => [row.created_at_key, row.id],
    toItem: toWebhookDelivery,
  });
}

/**
 * Queues a delivery to be sent again now (same webhook-id): a finished one gets one more attempt.
 * 404 for an unknown endpoint or delivery; 409 `webhook-endpoint-disabled` for a disabled
 * endpoint. The caller wakes the delivery worker.
 *
 * @example
 * const delivery = await redeliver(db, owner, endpointId, deliveryId, new Date());
 */
export async function redeliver(
  db: Database,
  owner: WebhookOwner,
  endpointId: string,
  deliveryId: string,
  now: Date,
): Promise<WebhookDelivery> {
  const endpoint = await ownEndpoint(db, owner, endpointId);
  if (!endpoint.enabled) {
    throw domainError('webhook-endpoint-disabled', {
      detail: `The endpoint is disabled${endpoint.disabled_reason === 'gone' ? ' (it answered 410 Gone)' : ''}; register it again to receive deliveries.`,
    });
  }
  const row = await redeliverWebhookDelivery(db, endpoint.id, deliveryId, now);
  if (!row) throw domainError('not-found', { detail: 'Delivery not found.' });
  return toWebhookDelivery(row);
}
