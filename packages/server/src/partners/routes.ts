import { CursorParamSchema, IdSchema, LimitSchema, PageSchema } from '@wsc/models';
import {
  PartnerCreateSchema,
  PartnerKeyCreatedSchema,
  PartnerKeyCreateSchema,
  PartnerKeySchema,
  PartnerSchema,
  PartnerUpdateSchema,
} from '@wsc/models/partner';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { recordAudit } from '../audit/record';
import { keysetPage, readPageCursor } from '../community/keyset-cursor';
import { problem } from '../http/problem';
import { requireSomeField } from '../http/require-change';
import { requireAccount } from '../identity/guards';
import { assertAccountPage } from './account-page';
import {
  createPartnerKeyRecord,
  createPartnerRecord,
  listPartnerKeys,
  listPartners,
  revokePartnerKey,
  toPartner,
  toPartnerKey,
  updatePartnerRecord,
} from './repository';

const PartnerParamsSchema = z.object({ id: IdSchema });
const PartnerKeyParamsSchema = z.object({ id: IdSchema, keyId: IdSchema });
const PartnerListQuerySchema = z.object({ limit: LimitSchema, cursor: z.optional(CursorParamSchema) });

/**
 * Admin routes of partner applications and their keys.
 *
 * @example
 * await app.register(partnerRoutes);
 */
export const partnerRoutes: FastifyPluginAsyncZod = async (app) => {
  async function findPartner(id: string) {
    const row = await app.db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw problem('not-found', { detail: 'Partner not found.' });
    return row;
  }

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
    async (request) => {
      const { limit, cursor } = request.query;
      const after = cursor ? readPageCursor(cursor, 'partners', ['timestamp', 'string']) : null;
      const rows = await listPartners(app.db, after, limit + 1);
      const page = keysetPage(rows, limit, 'partners', (row) => [row.created_at_key, row.id]);
      return { data: page.rows.map(toPartner), nextCursor: page.nextCursor };
    },
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
      const admin = requireAccount(request);
      const partner = await app.db.transaction().execute(async (trx) => {
        const created = await createPartnerRecord(trx, request.body);
        await recordAudit(trx, {
          actorId: admin.id,
          action: 'partner.created',
          subjectType: 'partner',
          subjectId: created.id,
          data: { name: created.name },
          requestId: request.id,
        });
        return created;
      });
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
    async (request) => {
      return toPartner(await findPartner(request.params.id));
    },
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
      const admin = requireAccount(request);
      requireSomeField(request.body, ['name', 'disabled', 'communityMailSuppressed', 'accountPageUrl']);
      const { accountPageUrl } = request.body;
      // An unknown partner is 404 before its page is judged (outside the transaction: the
      // embedded database has one connection).
      if (typeof accountPageUrl === 'string') await findPartner(request.params.id);
      const partner = await app.db.transaction().execute(async (trx) => {
        if (typeof accountPageUrl === 'string') {
          await assertAccountPage(trx, request.params.id, accountPageUrl, 'accountPageUrl');
        }
        const change = await updatePartnerRecord(trx, request.params.id, request.body);
        if (!change) throw problem('not-found', { detail: 'Partner not found.' });
        await recordAudit(trx, {
          actorId: admin.id,
          action: 'partner.updated',
          subjectType: 'partner',
          subjectId: change.after.id,
          data: {
            name: { from: change.before.name, to: change.after.name },
            disabled: { from: change.before.disabled, to: change.after.disabled },
            ...(request.body.communityMailSuppressed === undefined
              ? {}
              : {
                  communityMailSuppressed: {
                    from: change.before.communityMailSuppressed,
                    to: change.after.communityMailSuppressed,
                  },
                }),
            ...(accountPageUrl === undefined
              ? {}
              : { accountPageUrl: { from: change.before.accountPageUrl, to: change.after.accountPageUrl } }),
          },
          requestId: request.id,
        });
        return change.after;
      });
      return partner;
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
    async (request) => {
      await findPartner(request.params.id);
      const { limit, cursor } = request.query;
      const after = cursor ? readPageCursor(cursor, 'partner-keys', ['timestamp', 'string']) : null;
      const rows = await listPartnerKeys(app.db, request.params.id, after, limit + 1);
      const page = keysetPage(rows, limit, 'partner-keys', (row) => [row.created_at_key, row.id]);
      return { data: page.rows.map(toPartnerKey), nextCursor: page.nextCursor };
    },
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
      const admin = requireAccount(request);
      await findPartner(request.params.id);
      const created = await app.db.transaction().execute(async (trx) => {
        const key = await createPartnerKeyRecord(trx, request.params.id, request.body);
        await recordAudit(trx, {
          actorId: admin.id,
          action: 'partner_key.created',
          subjectType: 'partner_key',
          subjectId: key.id,
          data: {
            partnerId: key.partnerId,
            kind: key.kind,
            scopes: key.scopes,
            allowedOrigins: key.allowedOrigins,
          },
          requestId: request.id,
        });
        return key;
      });
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
      const admin = requireAccount(request);
      const revoked = await app.db.transaction().execute(async (trx) => {
        const done = await revokePartnerKey(trx, request.params.id, request.params.keyId);
        if (done) {
          await recordAudit(trx, {
            actorId: admin.id,
            action: 'partner_key.revoked',
            subjectType: 'partner_key',
            subjectId: request.params.keyId,
            data: { partnerId: request.params.id },
            requestId: request.id,
          });
        }
        return done;
      });
      if (!revoked) throw problem('not-found', { detail: 'This partner has no active key with that id.' });
      return reply.code(204).send(null);
    },
  );
};
