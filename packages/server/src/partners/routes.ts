import { CursorParamSchema, IdSchema, LimitSchema, PageSchema } from '@wsc/models';
import {
  PartnerCreateSchema,
  PartnerKeyCreatedSchema,
  PartnerKeyCreateSchema,
  PartnerKeySchema,
  PartnerSchema,
  PartnerUpdateSchema,
} from '@wsc/models/partner';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { requireAccount } from '../access/guards';
import { requireSomeField } from '../http/require-change';
import {
  createPartner,
  createPartnerKey,
  listPartnerKeyPage,
  listPartnerPage,
  type PartnerAdministrator,
  readPartner,
  revokeKey,
  updatePartner,
} from './service';

const PartnerParamsSchema = z.object({ id: IdSchema });
const PartnerKeyParamsSchema = z.object({ id: IdSchema, keyId: IdSchema });
const PartnerListQuerySchema = z.object({ limit: LimitSchema, cursor: z.optional(CursorParamSchema) });

/** The signed-in admin behind the request, as the partner service records them. */
function administratorOf(request: FastifyRequest): PartnerAdministrator {
  return { accountId: requireAccount(request).id, requestId: request.id };
}

/**
 * Admin routes of partner applications and their keys.
 *
 * @example
 * await app.register(partnerRoutes);
 */
export const partnerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/partners',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        answers: { 200: 'A page of partners.' },
        tags: ['admin'],
        summary: 'List partner applications (admin)',
        querystring: PartnerListQuerySchema,
        response: { 200: PageSchema(PartnerSchema) },
      },
    },
    async (request) => listPartnerPage(app.db, request.query),
  );

  app.post(
    '/v1/partners',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        answers: { 201: 'The new partner.' },
        tags: ['admin'],
        summary: 'Create a partner application (admin)',
        body: PartnerCreateSchema,
        response: { 201: PartnerSchema },
      },
    },
    async (request, reply) => {
      const partner = await createPartner(app.db, administratorOf(request), request.body);
      return reply.code(201).header('location', `/v1/partners/${partner.id}`).send(partner);
    },
  );

  app.get(
    '/v1/partners/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        answers: { 200: 'The partner.' },
        tags: ['admin'],
        summary: 'One partner application (admin)',
        params: PartnerParamsSchema,
        response: { 200: PartnerSchema },
      },
    },
    async (request) => readPartner(app.db, request.params.id),
  );

  app.patch(
    '/v1/partners/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        answers: { 200: 'The partner as changed.' },
        tags: ['admin'],
        summary:
          "Rename a partner, or disable it: its keys, origins and webhooks stop at once and its SSO tokens are revoked; or stop community mail to its single-sign-on members; or set (null: clear) the account page its members' confirmation and password-reset mail leads to, on one of its publishable keys' origins (admin)",
        params: PartnerParamsSchema,
        body: PartnerUpdateSchema,
        response: { 200: PartnerSchema },
      },
    },
    async (request) => {
      const admin = administratorOf(request);
      requireSomeField(request.body, ['name', 'disabled', 'communityMailSuppressed', 'accountPageUrl']);
      return updatePartner(app.db, admin, request.params.id, request.body);
    },
  );

  app.get(
    '/v1/partners/:id/keys',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        answers: { 200: "The partner's keys (never their secrets)." },
        tags: ['admin'],
        summary: "A partner's keys, without the keys themselves (admin)",
        params: PartnerParamsSchema,
        querystring: PartnerListQuerySchema,
        response: { 200: PageSchema(PartnerKeySchema) },
      },
    },
    async (request) => listPartnerKeyPage(app.db, request.params.id, request.query),
  );

  app.post(
    '/v1/partners/:id/keys',
    {
      config: { idempotency: 'no-store', access: { roles: ['admin'] } },
      schema: {
        answers: { 201: 'The new key, its secret shown once.' },
        tags: ['admin'],
        summary: 'Create a publishable or secret key; the key is shown in this answer only (admin)',
        params: PartnerParamsSchema,
        body: PartnerKeyCreateSchema,
        response: { 201: PartnerKeyCreatedSchema },
      },
    },
    async (request, reply) => {
      const created = await createPartnerKey(
        app.db,
        administratorOf(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );

  app.delete(
    '/v1/partners/:id/keys/:keyId',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        answers: { 204: 'The key is revoked, with the SSO user tokens it issued.' },
        tags: ['admin'],
        summary: 'Revoke a key at once (admin)',
        params: PartnerKeyParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeKey(app.db, administratorOf(request), request.params.id, request.params.keyId);
      return reply.code(204).send(null);
    },
  );
};
