import {
  EligibilityClaimSchema,
  EligibilityDecisionSchema,
  IdSchema,
  PageSchema,
  RegistrationCreatedSchema,
  RegistrationCreateSchema,
  RegistrationSchema,
} from '@wsc/models';
import {
  EventRegistrantListParamsSchema,
  EventRegistrantSchema,
  REGISTRANT_CSV_COLUMNS,
} from '@wsc/models/partner';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { actorOf } from '../access/actor';
import { requireEventRow, toEvent } from '../events/service';
import { withholdFromReplay } from '../http/idempotency';
import { emailTakenOr } from '../identity/join';
import { hashPassword } from '../identity/password';
import { toCsv } from '../invitations/csv';
import { decideForClaim } from './eligibility';
import {
  cancelMyRegistration,
  getMyRegistration,
  type Joining,
  listAllRegistrants,
  listRegistrantPage,
  register,
} from './service';

const ParamsSchema = z.object({ id: IdSchema });

function wantsCsv(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return /\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept);
}

async function sendCsv(
  request: FastifyRequest<{ Params: { id: string }; Querystring: { status?: string } }>,
  reply: FastifyReply,
  db: Parameters<typeof listAllRegistrants>[0],
) {
  const { event, registrants } = await listAllRegistrants(
    db,
    actorOf(request),
    request.params.id,
    request.query.status,
  );
  const csv = toCsv(
    REGISTRANT_CSV_COLUMNS,
    registrants.map((registrant) => [
      registrant.id,
      registrant.status,
      registrant.waitlistPosition,
      registrant.basis,
      registrant.displayName,
      registrant.email,
      registrant.emailConfirmed ? 'true' : 'false',
      registrant.emailAssertedBy?.partnerName ?? null,
      registrant.organizationId,
      registrant.createdAt,
      registrant.cancelledAt,
    ]),
  );
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${event.slug}-registrations.csv"`)
    .header('cache-control', 'private, no-store')
    .send(csv);
}

/**
 * Eligibility checks, registration with capacity and waitlist, the member's own registration,
 * and the organisers' registrant list and CSV export.
 *
 * @example
 * await app.register(registrationRoutes);
 */
export const registrationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/events/:id/eligibility',
    {
      schema: {
        answers: { 200: 'The decision: eligible or not, on which basis, and how to become eligible.' },
        problems: ['event-not-found'],
        tags: ['registration'],
        summary: 'Check free attendance for a person and their claims',
        description:
          'Signed in or not. Bases, in the order the event lists them: community member (signed in), IEC/ISO/ITU member (your organization’s membership or a member code on the imported list), invited (an invitation code under its use limit), registrant of a co-located event (a reference on the imported list). Not eligible: `reason` names each failed claim and `howToBecomeEligible` says what to do. Checks only; nothing is redeemed.',
        params: ParamsSchema,
        body: EligibilityClaimSchema,
        response: { 200: EligibilityDecisionSchema },
      },
    },
    async (request) => {
      const event = toEvent(await requireEventRow(app.db, request.params.id));
      const { decision } = await decideForClaim(app.db, event, request.principal.account, request.body);
      return decision;
    },
  );

  app.post(
    '/v1/events/:id/registrations',
    {
      schema: {
        answers: {
          201: "The registration (confirmed or waitlisted), with the new member's session when joining.",
        },
        problems: [
          'event-not-found',
          'authentication-required',
          'not-eligible',
          'registration-not-open',
          'registration-closed',
          'already-registered',
          'already-signed-in',
          'email-taken',
          'idempotency-replay-unavailable',
        ],
        tags: ['registration'],
        summary:
          'Register the signed-in member, or join the community and register in one step (send an Idempotency-Key)',
        description:
          "201 with `status` `confirmed`, or `waitlisted` with `waitlistPosition` when the event is full (promoted in arrival order as seats free up). Signed out, send `join` (the sign-up details of `POST /v1/auth/signup`): the account, its profile and the registration are created together or not at all, and the answer carries the new member's `session` (shown once: a retry with the same Idempotency-Key gets 409 `idempotency-replay-unavailable`, never a second account). 401 signed out without `join`; 403 `not-eligible` (the reason and how to become eligible); 409 `registration-not-open`, `registration-closed` (window closed or event over), `already-registered`, `already-signed-in` (`join` while signed in) or `email-taken` (`join.email`); 422 unknown `sessionIds`.",
        params: ParamsSchema,
        body: RegistrationCreateSchema,
        response: { 201: RegistrationCreatedSchema },
      },
    },
    async (request, reply) => {
      const { join } = request.body;
      let joining: Joining | undefined;
      if (join && !request.principal.account) {
        withholdFromReplay(request);
        joining = {
          signup: join,
          passwordHash: await hashPassword(join.password),
          sessionTtlSeconds: app.config.sessionTtlSeconds,
        };
      }
      let registration: Awaited<ReturnType<typeof register>>;
      try {
        registration = await register(app.db, actorOf(request), request.params.id, request.body, { joining });
      } catch (error) {
        throw emailTakenOr(error, 'join.email');
      }
      if (registration.session) reply.header('cache-control', 'no-store');
      return reply
        .code(201)
        .header('location', `/v1/events/${registration.eventId}/registrations/me`)
        .send(registration);
    },
  );

  app.get(
    '/v1/events/:id/registrations/me',
    {
      config: { access: 'member' },
      schema: {
        answers: { 200: "The member's registration." },
        problems: ['event-not-found', 'registration-not-found'],
        tags: ['registration'],
        summary: 'My registration for the event (the active one, else the latest cancelled)',
        params: ParamsSchema,
        response: { 200: RegistrationSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return getMyRegistration(app.db, actorOf(request), request.params.id);
    },
  );

  app.delete(
    '/v1/events/:id/registrations/me',
    {
      config: { access: 'member' },
      schema: {
        answers: { 200: 'The registration, cancelled (the seat goes to the waitlist).' },
        problems: ['event-not-found', 'registration-not-found', 'event-ended'],
        tags: ['registration'],
        summary: 'Cancel my registration; the seat goes to the first on the waitlist',
        description:
          '200 with the cancelled registration; 404 `registration-not-found` when there is none to cancel.',
        params: ParamsSchema,
        response: { 200: RegistrationSchema },
      },
    },
    async (request) => cancelMyRegistration(app.db, actorOf(request), request.params.id),
  );

  app.get(
    '/v1/events/:id/registrations',
    {
      config: { access: 'member' },
      schema: {
        answers: {
          200: {
            description:
              'A page of registrants; with `Accept: text/csv`, every registration as one CSV file.',
            mediaTypes: ['application/json', 'text/csv'],
          },
        },
        problems: ['event-not-found', 'organiser-required'],
        tags: ['registration'],
        summary: 'Registrations of the event with who registered (organisers); CSV with Accept: text/csv',
        description:
          'Arrival order. With `Accept: text/csv` (or at `/registrations.csv`) every registration comes as one CSV file, ignoring `limit` and `cursor`.',
        params: ParamsSchema,
        querystring: EventRegistrantListParamsSchema,
        response: { 200: PageSchema(EventRegistrantSchema) },
      },
    },
    async (request, reply) => {
      if (wantsCsv(request)) return sendCsv(request, reply, app.db);
      reply.header('cache-control', 'private, no-store');
      return listRegistrantPage(app.db, actorOf(request), request.params.id, request.query);
    },
  );

  app.get(
    '/v1/events/:id/registrations.csv',
    {
      config: { access: 'member' },
      schema: {
        answers: {
          200: {
            description: 'Every registration of the event as one CSV file (a download).',
            mediaTypes: ['text/csv'],
          },
        },
        problems: ['event-not-found', 'organiser-required'],
        tags: ['registration'],
        summary: 'Every registration of the event as CSV (organisers)',
        produces: ['text/csv'],
        params: ParamsSchema,
        querystring: z.object({ status: z.optional(z.enum(['confirmed', 'waitlisted', 'cancelled'])) }),
      },
    },
    async (request, reply) => sendCsv(request, reply, app.db),
  );
};
