import type { WebhookEventType } from '@wsc/models';
import type { WebhookDelivery } from '@wsc/models/partner';
import { type Kysely, type Selectable, sql } from 'kysely';
import { afterTimestampKey, type KeyValue, timestampKey } from '../community/keyset-cursor';
import type { DatabaseSchema, WebhookDeliveriesTable } from '../database/schema';
import { canRead, type StoredAudience } from '../outbox/audience';
import { CURRENT_AUDIENCE_SQL } from '../outbox/outbox-reader';

type Database = Kysely<DatabaseSchema>;

/** A delivery claimed by a worker, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  attempts: number;
  maxAttempts: number;
  claimToken: string;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  eventId: number;
  eventType: string;
  eventCreatedAt: Date;
  /**
   * What the endpoint's partner may read of the event today: the full payload, its public form,
   * or null when it may read nothing of it any more (nothing is sent).
   */
  data: Record<string, unknown> | null;
}

/**
 * Claims up to `limit` due deliveries of enabled endpoints of enabled partners for `leaseUntil`
 * (a disabled partner's deliveries wait until it is enabled again). `FOR UPDATE SKIP
 * LOCKED` keeps two workers (two instances) from claiming one row; the lease lets a row claimed
 * by a killed worker be claimed again once it expires. One statement, one round trip.
 *
 * Each delivery's payload is judged when it is sent, as a replay is (see `readOutboxAfter`):
 * a partner whose organisation no longer organises the event, or whose member deleted their
 * account, receives the public form of a registration, first attempts, retries and
 * redeliveries alike.
 *
 * @example
 * const batch = await claimDueDeliveries(db, { now, leaseUntil, token: randomUUID(), limit: 10 });
 */
export async function claimDueDeliveries(
  db: Database,
  claim: { now: Date; leaseUntil: Date; token: string; limit: number },
): Promise<ClaimedDelivery[]> {
  const result = await sql<{
    id: string;
    endpoint_id: string;
    attempts: number;
    max_attempts: number;
    claim_token: string;
    url: string;
    secret: string;
    previous_secret: string | null;
    previous_secret_expires_at: Date | string | null;
    event_id: number | string;
    type: string;
    created_at: Date | string;
    data: Record<string, unknown> | string;
    audience: StoredAudience | string;
    public_data: Record<string, unknown> | string | null;
    partner_id: string;
    organization_id: string | null;
  }>`
    with due as (
      select delivery.id
      from webhook_deliveries delivery
      join webhook_endpoints endpoint on endpoint.id = delivery.endpoint_id
      join partners partner on partner.id = endpoint.partner_id and partner.disabled_at is null
      where delivery.status = 'pending'
        and delivery.next_attempt_at <= ${claim.now}
        and (delivery.locked_until is null or delivery.locked_until <= ${claim.now})
        and endpoint.enabled and endpoint.deleted_at is null
      order by delivery.next_attempt_at, delivery.id
      limit ${claim.limit}
      for update of delivery skip locked
    ),
    claimed as (
      update webhook_deliveries delivery
      set locked_until = ${claim.leaseUntil}, claim_token = ${claim.token}
      from due
      where delivery.id = due.id
      returning delivery.id, delivery.endpoint_id, delivery.event_id, delivery.attempts,
                delivery.max_attempts, delivery.claim_token
    )
    select claimed.*, endpoint.url, endpoint.secret, endpoint.previous_secret,
           endpoint.previous_secret_expires_at, event.type, event.created_at, event.data,
           ${CURRENT_AUDIENCE_SQL} as audience, event.public_data, partner.id as partner_id,
           partner.organization_id
    from claimed
    join webhook_endpoints endpoint on endpoint.id = claimed.endpoint_id
    join partners partner on partner.id = endpoint.partner_id
    join outbox_events event on event.id = claimed.event_id
  `.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    endpointId: row.endpoint_id,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    claimToken: row.claim_token,
    url: row.url,
    secret: row.secret,
    previousSecret: row.previous_secret,
    previousSecretExpiresAt: row.previous_secret_expires_at ? new Date(row.previous_secret_expires_at) : null,
    eventId: Number(row.event_id),
    eventType: row.type,
    eventCreatedAt: new Date(row.created_at),
    data: payloadFor(row),
  }));
}

function parsed<Value>(value: Value | string): Value {
  return typeof value === 'string' ? (JSON.parse(value) as Value) : value;
}

/** The payload the partner may read today: a secret key's reading, as on the stream. */
function payloadFor(row: {
  data: Record<string, unknown> | string;
  audience: StoredAudience | string;
  public_data: Record<string, unknown> | string | null;
  partner_id: string;
  organization_id: string | null;
}): Record<string, unknown> | null {
  const viewer = {
    accountId: null,
    roles: [],
    organizationId: row.organization_id,
    partnerId: row.partner_id,
  };
  if (canRead(parsed(row.audience), viewer)) return parsed(row.data);
  return row.public_data === null ? null : parsed(row.public_data);
}

export interface AttemptOutcome {
  at: Date;
  status: number | null;
  error: string | null;
  excerpt: string | null;
  durationMilliseconds: number;
  /** Null: succeeded or spent (see `succeeded`). */
  nextAttemptAt: Date | null;
  succeeded: boolean;
  /** The endpoint answered 410 Gone: disable it. */
  gone: boolean;
}

/**
 * Logs one attempt and moves the delivery on (succeeded, retry at `nextAttemptAt`, or failed),
 * only if this worker's claim still holds. A 410 disables the endpoint.
 *
 * @example
 * await recordAttempt(db, claimed, outcome);
 */
export async function recordAttempt(
  db: Database,
  claimed: ClaimedDelivery,
  outcome: AttemptOutcome,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values({
        delivery_id: claimed.id,
        attempted_at: outcome.at,
        response_status: outcome.status,
        duration_milliseconds: outcome.durationMilliseconds,
        error: outcome.error?.slice(0, 500) ?? null,
        response_excerpt: outcome.excerpt,
      })
      .execute();
    const status = outcome.succeeded
      ? 'succeeded'
      : outcome.nextAttemptAt && !outcome.gone
        ? 'pending'
        : 'failed';
    await trx
      .updateTable('webhook_deliveries')
      .set({
        status,
        attempts: claimed.attempts + 1,
        response_status: outcome.status,
        last_error: outcome.error?.slice(0, 500) ?? null,
        last_attempt_at: outcome.at,
        next_attempt_at: status === 'pending' ? outcome.nextAttemptAt : null,
        locked_until: null,
        claim_token: null,
      })
      .where('id', '=', claimed.id)
      .where('claim_token', '=', claimed.claimToken)
      .execute();
    if (outcome.gone) {
      await trx
        .updateTable('webhook_endpoints')
        .set({ enabled: false, disabled_reason: 'gone', updated_at: outcome.at })
        .where('id', '=', claimed.endpointId)
        .execute();
    }
  });
}

/**
 * When the next delivery becomes claimable (due or lease expiring), or null when none waits.
 *
 * @example
 * const next = await nextClaimableAt(db);
 */
export async function nextClaimableAt(db: Database): Promise<Date | null> {
  const result = await sql<{ at: Date | string | null }>`
    select min(greatest(delivery.next_attempt_at, coalesce(delivery.locked_until, delivery.next_attempt_at))) as at
    from webhook_deliveries delivery
    join webhook_endpoints endpoint on endpoint.id = delivery.endpoint_id
    join partners partner on partner.id = endpoint.partner_id and partner.disabled_at is null
    where delivery.status = 'pending' and endpoint.enabled and endpoint.deleted_at is null
  `.execute(db);
  const at = result.rows[0]?.at;
  return at ? new Date(at) : null;
}

/**
 * The API form of a delivery row.
 *
 * @example
 * toWebhookDelivery(row);
 */
export function toWebhookDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: String(row.event_id),
    eventType: row.event_type as WebhookEventType,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.response_status,
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    nextAttemptAt: row.status === 'pending' ? (row.next_attempt_at?.toISOString() ?? null) : null,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * One page of an endpoint's delivery log, newest first (keyset on created_at to the microsecond,
 * then id), optionally of one status; `limit + 1` rows, each with its `created_at_key`.
 *
 * @example
 * const rows = await listWebhookDeliveries(db, endpointId, { status: 'failed' }, null, 21);
 */
export async function listWebhookDeliveries(
  db: Database,
  endpointId: string,
  filters: { status?: Selectable<WebhookDeliveriesTable>['status'] | undefined },
  after: readonly KeyValue[] | null,
  limit: number,
): Promise<(Selectable<WebhookDeliveriesTable> & { created_at_key: string })[]> {
  let query = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .select(timestampKey('webhook_deliveries.created_at').as('created_at_key'))
    .where('webhook_deliveries.endpoint_id', '=', endpointId);
  if (filters.status) query = query.where('webhook_deliveries.status', '=', filters.status);
  if (after) {
    query = query.where(
      afterTimestampKey('webhook_deliveries.created_at', 'webhook_deliveries.id', 'desc', after),
    );
  }
  return query
    .orderBy('webhook_deliveries.created_at', 'desc')
    .orderBy('webhook_deliveries.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Queues a delivery of an endpoint to be sent again now; undefined when the endpoint has no
 * such delivery. A pending delivery keeps its schedule of attempts; a finished one gets exactly
 * one more.
 *
 * @example
 * const row = await redeliverWebhookDelivery(db, endpointId, deliveryId, new Date());
 */
export function redeliverWebhookDelivery(db: Database, endpointId: string, deliveryId: string, now: Date) {
  return db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      status: 'pending',
      // A claim in flight keeps its lease: clearing it would let a second worker send too.
      next_attempt_at: now,
      // A finished delivery gets exactly one more attempt; a pending one keeps its schedule.
      max_attempts: eb
        .case()
        .when('status', '=', 'pending')
        .then(eb.ref('max_attempts'))
        .else(eb(eb.ref('attempts'), '+', 1))
        .end(),
    }))
    .where('id', '=', deliveryId)
    .where('endpoint_id', '=', endpointId)
    .returningAll()
    .executeTakeFirst();
}
