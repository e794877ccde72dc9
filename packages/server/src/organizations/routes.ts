import {
  IdSchema,
  OrganizationListParamsSchema,
  OrganizationSchema,
  OrganizationUpdateSchema,
  PageSchema,
} from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { actorOf } from '../access/actor';
import { readKeysetPage } from '../community/keyset-cursor';
import { domainError } from '../errors/domain-error';
import { requireSomeField } from '../http/require-change';
import { deciderOf, updateOrganization } from './memberships-service';
import { findOrganization, listOrganizations, toOrganization } from './repository';

/**
 * Organizations members belong to: `GET /v1/organizations[/{id or slug}]`, and `PATCH` (admin)
 * of their verified e-mail domains.
 *
 * @example
 * await app.register(organizationRoutes);
 */
export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/organizations',
    {
      schema: {
        answers: { 200: 'A page of organizations.' },
        tags: ['stakeholders'],
        summary: 'Organizations, by name',
        querystring: OrganizationListParamsSchema,
        response: { 200: PageSchema(OrganizationSchema) },
      },
    },
    async (request) => {
      const params = request.query;
      return readKeysetPage({
        cursor: params.cursor,
        limit: params.limit,
        sort: 'organizations',
        keyTypes: ['string', 'string'],
        read: (after, count) => listOrganizations(app.db, params, after, count),
        keysOf: (row) => [row.name, row.id],
        toItem: toOrganization,
      });
    },
  );

  app.get(
    '/v1/organizations/:id',
    {
      schema: {
        answers: { 200: 'The organization.' },
        tags: ['stakeholders'],
        summary: 'An organization, by id or slug',
        params: z.object({ id: IdSchema }),
        response: { 200: OrganizationSchema },
      },
    },
    async (request) => {
      const row = await findOrganization(app.db, request.params.id);
      if (!row) {
        throw domainError('not-found', {
          detail: `No organization has the id or slug ${request.params.id}.`,
        });
      }
      return toOrganization(row);
    },
  );

  app.patch(
    '/v1/organizations/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['stakeholders'],
        summary: "Set an organization's verified e-mail domains (admin)",
        answers: { 200: 'The organization with its verified e-mail domains.' },
        description:
          "Members whose confirmed e-mail address is on one of these domains join the organization without a manager's approval when they ask. Addresses are confirmed by the member, never taken from a sign-up form or a partner.",
        params: z.object({ id: IdSchema }),
        body: OrganizationUpdateSchema,
        response: { 200: OrganizationSchema },
      },
    },
    async (request) => {
      requireSomeField(request.body, ['verifiedDomains']);
      return updateOrganization(app.db, deciderOf(actorOf(request)), request.params.id, request.body);
    },
  );
};
