import { CursorParamSchema, IdSchema, LimitSchema, PageSchema } from '@wsc/models';
import {
  WebhookDeliverySchema,
  WebhookDeliveryStatusSchema,
  WebhookEndpointCreatedSchema,
  WebhookEndpointCreateSchema,
  WebhookEndpointSchema,
} from '@wsc/models/partner';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { requireSecretKey } from '../access/guards';
import { recordAudit } from '../audit/record';
import { keysetPage, readPageCursor } from '../community/keyset-cursor';
import { type HttpProblem, problem } from '../http/problem';
import { listWebhookDeliveries, toWebhookDelivery } from './delivery-repository';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  toWebhookEndpoint,
} from './endpoint-repository';
import { assertWebhookUrl } from './url-policy';

const EndpointParamsSchema = z.object({ id: IdSchema });
const DeliveryParamsSchema = z.object({ id: IdSchema, deliveryId: IdSchema });
const ListQuerySchema = z.object({ limit: LimitSchema, cursor: z.optional(CursorParamSchema) });
const DeliveryListQuerySchema = z.object({
  limit: LimitSchema,
  cursor: z.optional(CursorParamSchema),
  status: z.optional(WebhookDeliveryStatusSchema),
});

function endpointNotFound(): HttpProblem {
  return problem('not-found', { detail: 'Your partner application has no webhook endpoint with that id.' });
}

/**
 * Partner webhook endpoints (secret key with the `webhooks` scope): register, list, delete,
 * rotate the secret, read the delivery log, redeliver.
 *
 * @example
 * await app.register(webhookRoutes);
 */
export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const now = () => app.config.clock();

  async function ownEndpoint(partnerId: string, id: string) {
    const row = await findWebhookEndpoint(app.db, partnerId, id);
    if (!row) throw endpointNotFound();
    return row;
  }

  app.get(
    '/v1/webhook-endpoints',
    {
      config: { access: { secretKey: 'webhooks' } },
      schema: {
        answers: { 200: "The partner's webhook endpoints." },
        tags: ['partners'],
        summary: "Your application's webhook endpoints",
        querystring: ListQuerySchema,
        response: { 200: PageSchema(WebhookEndpointSchema) },
      },
    },
    async (request) => {
      const partner = requireSecretKey(request);
      const { limit, cursor } = request.query;
      const after = cursor ? readPageCursor(cursor, 'webhook-endpoints', ['timestamp', 'string']) : null;
      const rows = await listWebhookEndpoints(app.db, partner.id, after, limit + 1);
      const page = keysetPage(rows, limit, 'webhook-endpoints', (row) => [row.created_at_key, row.id]);
      return { data: page.rows.map(toWebhookEndpoint), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/v1/webhook-endpoints',
    {
      config: { idempotency: 'no-store', access: { secretKey: 'webhooks' } },
      schema: {
        answers: { 201: 'The new endpoint and its signing secret (shown once).' },
        tags: ['partners'],
        summary: 'Register a webhook endpoint; its whsec_ signing secret is shown in this answer only',
        body: WebhookEndpointCreateSchema,
        response: { 201: WebhookEndpointCreatedSchema },
      },
    },
    async (request, reply) => {
      const partner = requireSecretKey(request);
      await assertWebhookUrl(request.body.url, { allowPrivate: app.config.webhookAllowPrivate });
      const row = await app.db.transaction().execute(async (trx) => {
        const created = await createWebhookEndpoint(trx, partner.id, request.body);
        await recordAudit(trx, {
          actorId: null,
          partnerId: partner.id,
          action: 'webhook_endpoint.created',
          subjectType: 'webhook_endpoint',
          subjectId: created.id,
          data: { url: created.url, eventTypes: created.event_types },
          requestId: request.id,
        });
        return created;
      });
      return reply
        .code(201)
        .header('location', `/v1/webhook-endpoints/${row.id}`)
        .header('cache-control', 'no-store')
        .send({ ...toWebhookEndpoint(row), secret: row.secret });
    },
  );

  app.get(
    '/v1/webhook-endpoints/:id',
    {
      config: { access: { secretKey: 'webhooks' } },
      schema: {
        answers: { 200: 'The endpoint.' },
        tags: ['partners'],
        summary: 'One webhook endpoint',
        params: EndpointParamsSchema,
        response: { 200: WebhookEndpointSchema },
      },
    },
    async (request) => {
      const partner = requireSecretKey(request);
      return toWebhookEndpoint(await ownEndpoint(partner.id, request.params.id));
    },
  );

  app.delete(
    '/v1/webhook-endpoints/:id',
    {
      config: { access: { secretKey: 'webhooks' } },
      schema: {
        answers: { 204: 'The endpoint is deleted: nothing more is sent to it.' },
        tags: ['partners'],
        summary: 'Delete a webhook endpoint: nothing more is sent to it',
        params: EndpointParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const partner = requireSecretKey(request);
      const deleted = await app.db.transaction().execute(async (trx) => {
        const done = await deleteWebhookEndpoint(trx, partner.id, request.params.id, now());
        if (done) {
          await recordAudit(trx, {
            actorId: null,
            partnerId: partner.id,
            action: 'webhook_endpoint.deleted',
            subjectType: 'webhook_endpoint',
            subjectId: request.params.id,
            requestId: request.id,
          });
        }
        return done;
      });
      if (!deleted) throw endpointNotFound();
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/webhook-endpoints/:id/rotate-secret',
    {
      config: { idempotency: 'no-store', access: { secretKey: 'webhooks' } },
      schema: {
        answers: { 200: 'The new signing secret (shown once).' },
        tags: ['partners'],
        summary:
          'New signing secret (shown once); the previous one keeps signing, as a second signature, for 24 hours',
        params: EndpointParamsSchema,
        response: { 200: WebhookEndpointCreatedSchema },
      },
    },
    async (request, reply) => {
      const partner = requireSecretKey(request);
      const row = await app.db.transaction().execute(async (trx) => {
        const rotated = await rotateWebhookSecret(trx, partner.id, request.params.id, now());
        if (rotated) {
          await recordAudit(trx, {
            actorId: null,
            partnerId: partner.id,
            action: 'webhook_endpoint.secret_rotated',
            subjectType: 'webhook_endpoint',
            subjectId: rotated.id,
            requestId: request.id,
          });
        }
        return rotated;
      });
      if (!row) throw endpointNotFound();
      return reply
        .header('cache-control', 'no-store')
        .send({ ...toWebhookEndpoint(row), secret: row.secret });
    },
  );

  app.get(
    '/v1/webhook-endpoints/:id/deliveries',
    {
      config: { access: { secretKey: 'webhooks' } },
      schema: {
        answers: { 200: "A page of the endpoint's deliveries, newest first." },
        tags: ['partners'],
        summary: 'Delivery log of an endpoint, newest first',
        params: EndpointParamsSchema,
        querystring: DeliveryListQuerySchema,
        response: { 200: PageSchema(WebhookDeliverySchema) },
      },
    },
    async (request) => {
      const partner = requireSecretKey(request);
      await ownEndpoint(partner.id, request.params.id);
      const { limit, cursor, status } = request.query;
      const after = cursor ? readPageCursor(cursor, 'webhook-deliveries', ['timestamp', 'string']) : null;
      const rows = await listWebhookDeliveries(app.db, request.params.id, { status }, after, limit + 1);
      const page = keysetPage(rows, limit, 'webhook-deliveries', (row) => [row.created_at_key, row.id]);
      return { data: page.rows.map(toWebhookDelivery), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/v1/webhook-endpoints/:id/deliveries/:deliveryId/redeliver',
    {
      config: { access: { secretKey: 'webhooks' } },
      schema: {
        answers: { 202: 'The delivery is queued to be sent again.' },
        problems: ['webhook-endpoint-disabled'],
        tags: ['partners'],
        summary: 'Send a delivery again now (same webhook-id); a finished one gets one more attempt',
        params: DeliveryParamsSchema,
        response: { 202: WebhookDeliverySchema },
      },
    },
    async (request, reply) => {
      const partner = requireSecretKey(request);
      const endpoint = await ownEndpoint(partner.id, request.params.id);
      if (!endpoint.enabled) {
        throw problem('webhook-endpoint-disabled', {
          detail: `The endpoint is disabled${endpoint.disabled_reason === 'gone' ? ' (it answered 410 Gone)' : ''}; register it again to receive deliveries.`,
        });
      }
      const row = await app.db
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          status: 'pending',
          // A claim in flight keeps its lease: clearing it would let a second worker send too.
          next_attempt_at: now(),
          // A finished delivery gets exactly one more attempt; a pending one keeps its schedule.
          max_attempts: eb
            .case()
            .when('status', '=', 'pending')
            .then(eb.ref('max_attempts'))
            .else(eb(eb.ref('attempts'), '+', 1))
            .end(),
        }))
        .where('id', '=', request.params.deliveryId)
        .where('endpoint_id', '=', endpoint.id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw problem('not-found', { detail: 'Delivery not found.' });
      app.webhookWorker.wake();
      return reply.code(202).send(toWebhookDelivery(row));
    },
  );
};
