import { CursorParamSchema, IdSchema, LimitSchema, PageSchema } from '@wsc/models';
import {
  WebhookDeliverySchema,
  WebhookDeliveryStatusSchema,
  WebhookEndpointCreatedSchema,
  WebhookEndpointCreateSchema,
  WebhookEndpointSchema,
} from '@wsc/models/partner';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { requireSecretKey } from '../access/guards';
import {
  listDeliveries,
  listEndpoints,
  readEndpoint,
  redeliver,
  registerEndpoint,
  removeEndpoint,
  rotateEndpointSecret,
  type WebhookOwner,
} from './service';

const EndpointParamsSchema = z.object({ id: IdSchema });
const DeliveryParamsSchema = z.object({ id: IdSchema, deliveryId: IdSchema });
const ListQuerySchema = z.object({ limit: LimitSchema, cursor: z.optional(CursorParamSchema) });
const DeliveryListQuerySchema = z.object({
  limit: LimitSchema,
  cursor: z.optional(CursorParamSchema),
  status: z.optional(WebhookDeliveryStatusSchema),
});

/** The partner application behind the request's secret key, as the webhook service needs it. */
function ownerOf(request: FastifyRequest): WebhookOwner {
  return { partnerId: requireSecretKey(request).id, requestId: request.id };
}

/**
 * A partner's webhook endpoints (secret key with the `webhooks` scope): register, list, read,
 * delete, rotate the secret.
 *
 * @example
 * await app.register(webhookEndpointRoutes);
 */
export const webhookEndpointRoutes: FastifyPluginAsyncZod = async (app) => {
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
    async (request) => listEndpoints(app.db, ownerOf(request), request.query),
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
      const created = await registerEndpoint(app.db, ownerOf(request), request.body, {
        allowPrivate: app.config.webhookAllowPrivate,
      });
      return reply
        .code(201)
        .header('location', `/v1/webhook-endpoints/${created.id}`)
        .header('cache-control', 'no-store')
        .send(created);
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
    async (request) => readEndpoint(app.db, ownerOf(request), request.params.id),
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
      await removeEndpoint(app.db, ownerOf(request), request.params.id, app.config.clock());
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
      const rotated = await rotateEndpointSecret(
        app.db,
        ownerOf(request),
        request.params.id,
        app.config.clock(),
      );
      return reply.header('cache-control', 'no-store').send(rotated);
    },
  );
};

/**
 * An endpoint's delivery log and redelivery (secret key with the `webhooks` scope).
 *
 * @example
 * await app.register(webhookDeliveryRoutes);
 */
export const webhookDeliveryRoutes: FastifyPluginAsyncZod = async (app) => {
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
    async (request) => listDeliveries(app.db, ownerOf(request), request.params.id, request.query),
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
      const { id, deliveryId } = request.params;
      const delivery = await redeliver(app.db, ownerOf(request), id, deliveryId, app.config.clock());
      app.webhookWorker.wake();
      return reply.code(202).send(delivery);
    },
  );
};

/**
 * Partner webhook routes: the endpoints, then their delivery logs.
 *
 * @example
 * await app.register(webhookRoutes);
 */
export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(webhookEndpointRoutes);
  await app.register(webhookDeliveryRoutes);
};
