import {
  IdSchema,
  MembershipListParamsSchema,
  MembershipListSchema,
  MembershipRequestSchema,
  MembershipSchema,
  MembershipUpdateSchema,
  PageSchema,
} from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { actorOf } from '../access/actor';
import { requireSomeField } from '../http/require-change';
import {
  decideMembership,
  deciderOf,
  leaveMembership,
  listMemberships,
  listMyMemberships,
  requestMembership,
} from './memberships-service';

const OrganizationParamsSchema = z.object({ id: IdSchema });

/**
 * Organization membership, granted and never claimed: members ask
 * (`POST /v1/organizations/{id}/membership-requests`), see and withdraw their own
 * (`GET /v1/me/memberships`, `DELETE /v1/me/memberships/{organizationId}`); the organization's
 * managers and admins list and decide (`GET /v1/organizations/{id}/memberships`,
 * `PATCH /v1/organizations/{id}/memberships/{accountId}`).
 *
 * @example
 * await app.register(membershipRoutes);
 */
export const membershipRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/organizations/:id/membership-requests',
    {
      config: { access: 'member' },
      schema: {
        tags: ['stakeholders'],
        summary: 'Ask to join an organization',
        answers: {
          200: 'The membership as it stands: the request was already pending or approved.',
          201: 'The new request (pending), or the membership when a verified e-mail domain joins at once.',
        },
        description:
          "The organization's managers (or an admin) approve or refuse the request; until then it grants nothing. A confirmed e-mail address on one of the organization's verified domains joins at once. Asking again while pending or approved answers the membership as it stands (200); after a refusal or removal it is a new request (201). A member belongs to one organization at a time.",
        params: OrganizationParamsSchema,
        body: z.nullish(MembershipRequestSchema),
        response: { 200: MembershipSchema, 201: MembershipSchema },
      },
    },
    async (request, reply) => {
      const { membership, created } = await requestMembership(
        app.db,
        actorOf(request),
        request.params.id,
        request.body ?? {},
      );
      reply.code(created ? 201 : 200);
      return membership;
    },
  );

  app.get(
    '/v1/organizations/:id/memberships',
    {
      config: { access: 'member' },
      schema: {
        tags: ['stakeholders'],
        summary: "An organization's membership requests and members (its managers, admins)",
        answers: { 200: "A page of the organization's requests and members, oldest request first." },
        problems: ['organization-manager-required'],
        description: 'Oldest request first; `status=pending` lists the requests waiting for a decision.',
        params: OrganizationParamsSchema,
        querystring: MembershipListParamsSchema,
        response: { 200: PageSchema(MembershipSchema) },
      },
    },
    async (request) => listMemberships(app.db, deciderOf(actorOf(request)), request.params.id, request.query),
  );

  app.patch(
    '/v1/organizations/:id/memberships/:accountId',
    {
      config: { access: 'member' },
      schema: {
        tags: ['stakeholders'],
        summary: 'Approve, refuse or remove a member, or name a manager (its managers, admins)',
        answers: { 200: 'The membership as decided.' },
        problems: ['organization-manager-required', 'membership-transition', 'membership-conflict'],
        description:
          'A pending request is `approved` or `refused`; an approved member is `removed`; `role: "manager"` needs an approved member (send both at once to approve a manager). Admins may add someone who never asked, as an approved member or manager: that is how an organization gets its first managers. The member\'s organiser rights and eligibility follow at once.',
        params: z.object({ id: IdSchema, accountId: IdSchema }),
        body: MembershipUpdateSchema,
        response: { 200: MembershipSchema },
      },
    },
    async (request) => {
      requireSomeField(request.body, ['status', 'role']);
      return decideMembership(
        app.db,
        deciderOf(actorOf(request)),
        request.params.id,
        request.params.accountId,
        request.body,
      );
    },
  );

  app.get(
    '/v1/me/memberships',
    {
      config: { access: 'member' },
      schema: {
        tags: ['me'],
        summary: 'Your organization memberships and requests',
        answers: { 200: "The member's memberships and requests." },
        response: { 200: MembershipListSchema },
      },
    },
    async (request) => listMyMemberships(app.db, actorOf(request)),
  );

  app.delete(
    '/v1/me/memberships/:organizationId',
    {
      config: { access: 'member' },
      schema: {
        tags: ['me'],
        summary: 'Withdraw your request, or leave the organization',
        answers: { 204: 'The request is withdrawn, or the member has left the organization.' },
        params: z.object({ organizationId: IdSchema }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await leaveMembership(app.db, actorOf(request), request.params.organizationId);
      return reply.code(204).send(null);
    },
  );
};
