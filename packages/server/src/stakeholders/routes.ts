import { IdSchema, PageSchema, StakeholderListParamsSchema, StakeholderSchema } from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { readKeysetPage } from '../community/keyset-cursor';
import { domainError } from '../errors/domain-error';
import { toStakeholder } from '../identity/accounts-repository';
import { findStakeholder, listStakeholders } from './repository';

/**
 * The public directory of community members: `GET /v1/stakeholders[/{id}]`. Only public
 * profile fields are served (the response schema drops anything else); never the e-mail.
 *
 * @example
 * await app.register(stakeholderRoutes);
 */
export const stakeholderRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/stakeholders',
    {
      schema: {
        answers: { 200: 'A page of public member profiles.' },
        tags: ['stakeholders'],
        summary: 'The member directory, newest first',
        description: '`organization` is an organization id or slug; `q` matches name, city or bio.',
        querystring: StakeholderListParamsSchema,
        response: { 200: PageSchema(StakeholderSchema) },
      },
    },
    async (request) => {
      const params = request.query;
      return readKeysetPage({
        cursor: params.cursor,
        limit: params.limit,
        sort: 'stakeholders',
        keyTypes: ['timestamp', 'string'],
        read: (after, count) => listStakeholders(app.db, params, after, count),
        keysOf: (row) => [row.created_at_key, row.id],
        toItem: toStakeholder,
      });
    },
  );

  app.get(
    '/v1/stakeholders/:id',
    {
      schema: {
        answers: { 200: 'The public profile.' },
        tags: ['stakeholders'],
        summary: "A member's public profile",
        params: z.object({ id: IdSchema }),
        response: { 200: StakeholderSchema },
      },
    },
    async (request) => {
      const row = await findStakeholder(app.db, request.params.id);
      if (!row) throw domainError('not-found', { detail: `No member has the id ${request.params.id}.` });
      return toStakeholder(row);
    },
  );
};
