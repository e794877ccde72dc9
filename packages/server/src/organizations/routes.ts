import {
  IdSchema,
  type Organization,
  OrganizationListParamsSchema,
  OrganizationSchema,
  PageSchema,
} from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { pageCursor, readPageCursor } from '../community/keyset-cursor';
import { HttpProblem } from '../http/problem';
import { findOrganization, listOrganizations, type OrganizationRow } from './repository';

function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    type: row.type as Organization['type'],
    memberships: row.memberships as Organization['memberships'],
    country: row.country,
    url: row.url,
  };
}

/**
 * Organizations members belong to: `GET /v1/organizations[/{id or slug}]`.
 *
 * @example
 * await app.register(organizationRoutes);
 */
export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/organizations',
    {
      schema: {
        tags: ['stakeholders'],
        summary: 'Organizations, by name',
        querystring: OrganizationListParamsSchema,
        response: { 200: PageSchema(OrganizationSchema) },
      },
    },
    async (request) => {
      const params = request.query;
      const after = params.cursor
        ? readPageCursor(params.cursor, 'organizations', ['string', 'string'])
        : null;
      const rows = await listOrganizations(app.db, params, after);
      const pageRows = rows.slice(0, params.limit);
      const last = pageRows.at(-1);
      return {
        data: pageRows.map(toOrganization),
        nextCursor:
          rows.length > params.limit && last ? pageCursor('organizations', [last.name, last.id]) : null,
      };
    },
  );

  app.get(
    '/v1/organizations/:id',
    {
      schema: {
        tags: ['stakeholders'],
        summary: 'An organization, by id or slug',
        params: z.object({ id: IdSchema }),
        response: { 200: OrganizationSchema },
      },
    },
    async (request) => {
      const row = await findOrganization(app.db, request.params.id);
      if (!row) {
        throw new HttpProblem(404, 'Organization not found', {
          detail: `No organization has the id or slug ${request.params.id}.`,
        });
      }
      return toOrganization(row);
    },
  );
};
