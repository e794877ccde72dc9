import { MeExportSchema, MeSchema, type MeUpdate, MeUpdateSchema } from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { actorOf } from '../access/actor';
import { type DomainError, domainError } from '../errors/domain-error';
import { requireSomeField } from '../http/require-change';
import { deleteMe, exportMe, getMe, patchMe } from './service';

/**
 * What `PATCH /v1/me` can change; a body with none of them is refused (422). `currentPassword`
 * only comes with a new address: alone it changes nothing.
 */
const ME_UPDATE_FIELDS = (Object.keys(MeUpdateSchema.shape) as (keyof MeUpdate)[]).filter(
  (field) => field !== 'currentPassword',
);

function organizationNotEditable(): DomainError {
  const message =
    'Your organization is granted by its managers: ask to join with POST /v1/organizations/{id}/membership-requests';
  return domainError('validation-failed', {
    detail: `${message}. Leave it with DELETE /v1/me/memberships/{organizationId}.`,
    errors: [{ path: 'organizationId', message, code: 'not_editable' }],
  });
}

/**
 * The signed-in member: `GET`/`PATCH`/`DELETE /v1/me` and `GET /v1/me/export`.
 *
 * @example
 * await app.register(meRoutes);
 */
export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/me',
    {
      config: { access: 'member' },
      schema: {
        tags: ['me'],
        summary: 'Your account and public profile',
        response: { 200: MeSchema },
        answers: { 200: "The signed-in member's account and profile." },
        // The account was deleted while the request ran.
        problems: ['not-found'],
      },
    },
    async (request) => {
      return getMe(app.db, actorOf(request));
    },
  );

  app.patch(
    '/v1/me',
    {
      config: { access: 'member' },
      schema: {
        answers: { 200: 'The account and profile as changed.' },
        problems: [
          'not-found',
          'email-taken',
          'email-managed-by-partner',
          'current-password-wrong',
          'rate-limited',
        ],
        tags: ['me'],
        summary: 'Change your profile, language and e-mail address',
        description:
          'Your organization is not a profile field: ask to join with `POST /v1/organizations/{id}/membership-requests`; its managers approve you. A new `email` needs your `currentPassword` (422 naming it when missing, 403 `current-password-wrong` when wrong; wrong passwords are limited per account and hour, then 429); it stays unconfirmed until you use the link mailed to it, and the old address is told. An account that signs in only through a partner site gets its address from that site (403 `email-managed-by-partner`).',
        body: MeUpdateSchema,
        response: { 200: MeSchema },
      },
      // Before validation, which would strip the unknown field and answer 200: a member who sets
      // their organization here must learn it was not set, and how to ask.
      preValidation: async (request) => {
        const body = request.body as Record<string, unknown> | null;
        if (body && typeof body === 'object' && 'organizationId' in body) throw organizationNotEditable();
      },
    },
    async (request) => {
      requireSomeField(request.body, ME_UPDATE_FIELDS);
      return patchMe(app.db, actorOf(request), request.body);
    },
  );

  app.get(
    '/v1/me/export',
    {
      config: { access: 'member' },
      schema: {
        answers: { 200: 'Everything the platform holds about the member (a data export).' },
        tags: ['me'],
        summary: 'Download all your data as JSON',
        description:
          'Account, profile, pain points (every language), votes, comments (hidden ones too), reports, standard mappings, registrations, and the partner sites you came through (signed up, signed in with single sign-on, or wrote through).',
        response: { 200: MeExportSchema },
      },
    },
    async (request, reply) => {
      const data = await exportMe(app.db, actorOf(request));
      reply
        .header('content-disposition', 'attachment; filename="wsc-my-data.json"')
        .header('cache-control', 'no-store');
      return data;
    },
  );

  app.delete(
    '/v1/me',
    {
      config: { access: 'member' },
      schema: {
        answers: { 204: 'The account is deleted and its tokens revoked.' },
        tags: ['me'],
        summary: 'Delete your account',
        description:
          'Your profile, e-mail and password are erased and every token is revoked. Your pain points, comments and votes stay so discussions keep making sense, shown as by a deleted member (author null). Your seats and waitlist places for events to come are given up (the first in line takes each seat); registrations for past events stay, anonymized.',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteMe(app.db, actorOf(request));
      return reply.code(204).send(null);
    },
  );
};
