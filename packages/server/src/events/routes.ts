import {
  EventCreateSchema,
  EventListParamsSchema,
  EventSchema,
  EventSessionCreateSchema,
  EventSessionSchema,
  EventUpdateSchema,
  IdSchema,
  PageSchema,
} from '@wsc/models';
import {
  EventSessionUpdateSchema,
  ProgrammeProposalParamsSchema,
  ProgrammeProposalsSchema,
} from '@wsc/models/partner';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { actorOf } from '../access/actor';
import { eventCalendar } from '../calendar/calendar';
import { programmeProposals } from './programme-proposals';
import { eventSeats } from './seats';
import {
  type CapacityChangeStep,
  createEvent,
  listEventPage,
  requireEventRow,
  toEvent,
  updateEventById,
} from './service';
import { listSessions } from './session-rows';
import { createSession, updateSession } from './sessions';

const ParamsSchema = z.object({ id: IdSchema });
const SessionParamsSchema = z.object({ id: IdSchema, sessionId: IdSchema });

/** Options of {@link eventRoutes}. */
export interface EventRoutesOptions {
  /** What a capacity change does besides the event (registrations: fill freed seats from the waitlist). */
  afterCapacityChange?: CapacityChangeStep | undefined;
}

/**
 * Events: list and read (by id or slug), create and edit (admins and organisers), the programme
 * of sessions, an iCalendar file, and the community's programme proposals.
 *
 * @example
 * await app.register(eventRoutes, { afterCapacityChange: fillFreeSeats });
 */
export const eventRoutes: FastifyPluginAsyncZod<EventRoutesOptions> = async (app, options) => {
  app.get(
    '/v1/events',
    {
      schema: {
        answers: { 200: 'A page of events.' },
        tags: ['events'],
        summary: 'List events',
        description:
          '`when`: `upcoming` (default: not yet ended, soonest first), `past` (ended, most recent first) or `all` (by start). `from` keeps events ending at or after it, `to` events starting before it; `city` (case-insensitive), `country`, `organiser` (organization id or slug). Keyset pages: pass `nextCursor` back with the same filters.',
        querystring: EventListParamsSchema,
        response: { 200: PageSchema(EventSchema) },
      },
    },
    async (request) => listEventPage(app.db, request.query),
  );

  app.post(
    '/v1/events',
    {
      config: { access: 'member' },
      schema: {
        answers: { 201: 'The new event.' },
        problems: ['organiser-required', 'slug-taken'],
        tags: ['events'],
        summary: 'Create an event (admins, or members of an organiser organization)',
        description:
          'A non-admin must belong to an organization among `organiserIds` (it defaults to theirs). `slug` defaults to the English name; 409 `slug-taken` when in use. `freeAttendance` defaults to community members.',
        body: EventCreateSchema,
        response: { 201: EventSchema },
      },
    },
    async (request, reply) => {
      const event = await createEvent(app.db, actorOf(request), request.body);
      return reply.code(201).header('location', `/v1/events/${event.id}`).send(event);
    },
  );

  app.get(
    '/v1/events/:id',
    {
      schema: {
        answers: { 200: 'The event.' },
        problems: ['event-not-found'],
        tags: ['events'],
        summary: 'Read an event by id or slug',
        description:
          'The first World Smart City Forum is `world-smart-city-forum-2016`. Times carry the event’s own offset. `seatsLeft` (null without a capacity) and `waitlisted` count the registrations as of this answer; follow `events/{id}` on `/v1/stream` for changes.',
        params: ParamsSchema,
        response: { 200: EventSchema },
      },
    },
    async (request) => {
      const row = await requireEventRow(app.db, request.params.id);
      const { seatsLeft, waitlisted } = await eventSeats(app.db, row.id);
      return { ...toEvent(row), seatsLeft, waitlisted };
    },
  );

  app.patch(
    '/v1/events/:id',
    {
      config: { access: 'member' },
      schema: {
        answers: { 200: 'The event as changed.' },
        problems: ['event-not-found', 'organiser-required', 'slug-taken'],
        tags: ['events'],
        summary: 'Edit an event (admins and organisers)',
        description:
          'Any field of the create payload. Raising `capacity` (or setting it to null) promotes waitlisted registrations in arrival order; lowering it never cancels confirmed seats.',
        params: ParamsSchema,
        body: EventUpdateSchema,
        response: { 200: EventSchema },
      },
    },
    async (request) =>
      updateEventById(app.db, actorOf(request), request.params.id, request.body, options.afterCapacityChange),
  );

  app.get(
    '/v1/events/:id/sessions',
    {
      schema: {
        answers: { 200: "The event's sessions, in one page." },
        problems: ['event-not-found'],
        tags: ['events'],
        summary: 'The programme: sessions in time order, with speakers, rooms and linked pain points',
        params: ParamsSchema,
        response: { 200: PageSchema(EventSessionSchema) },
      },
    },
    async (request) => {
      const event = await requireEventRow(app.db, request.params.id);
      return { data: await listSessions(app.db, event), nextCursor: null };
    },
  );

  app.post(
    '/v1/events/:id/sessions',
    {
      config: { access: 'member' },
      schema: {
        answers: { 201: 'The new session.' },
        problems: ['event-not-found', 'organiser-required'],
        tags: ['events'],
        summary: 'Add a session (organisers)',
        description:
          'The session must lie within the event; `painPointIds` links the pain points it discusses.',
        params: ParamsSchema,
        body: EventSessionCreateSchema,
        response: { 201: EventSessionSchema },
      },
    },
    async (request, reply) => {
      const session = await createSession(app.db, actorOf(request), request.params.id, request.body);
      return reply
        .code(201)
        .header('location', `/v1/events/${session.eventId}/sessions/${session.id}`)
        .send(session);
    },
  );

  app.patch(
    '/v1/events/:id/sessions/:sessionId',
    {
      config: { access: 'member' },
      schema: {
        answers: { 200: 'The session as changed.' },
        problems: ['event-not-found', 'session-not-found', 'organiser-required'],
        tags: ['events'],
        summary: 'Edit a session or relink its pain points (organisers)',
        params: SessionParamsSchema,
        body: EventSessionUpdateSchema,
        response: { 200: EventSessionSchema },
      },
    },
    async (request) =>
      updateSession(app.db, actorOf(request), request.params.id, request.params.sessionId, request.body),
  );

  app.get(
    '/v1/events/:id/calendar.ics',
    {
      schema: {
        answers: {
          200: {
            description: 'The event and its sessions as an iCalendar file (a download).',
            mediaTypes: ['text/calendar'],
          },
        },
        problems: ['event-not-found'],
        tags: ['events'],
        summary: 'The event and its sessions as an iCalendar file (RFC 5545)',
        produces: ['text/calendar'],
        description:
          'Local times with a VTIMEZONE when the zone has no daylight saving that year (Singapore: +08:00), UTC times otherwise. Text in the language chosen from `Accept-Language`.',
        params: ParamsSchema,
      },
    },
    async (request, reply) => {
      const row = await requireEventRow(app.db, request.params.id);
      const sessions = await listSessions(app.db, row);
      const ics = eventCalendar(toEvent(row), sessions, {
        publicUrl: app.config.publicUrl,
        languages: actorOf(request).languages,
        stamp: row.updated_at,
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${row.slug}.ics"`)
        .send(ics);
    },
  );

  app.get(
    '/v1/events/:id/programme-proposals',
    {
      schema: {
        answers: { 200: "The pain points proposed for the event's programme." },
        problems: ['event-not-found'],
        tags: ['events'],
        summary: 'Most-voted unresolved pain points per domain that no session of the event covers yet',
        description:
          'Unresolved: status open, under-review or mapped. Organisers link sessions to pain points (`painPointIds`) and the linked ones leave this list. Domains are ordered by their top vote count.',
        params: ParamsSchema,
        querystring: ProgrammeProposalParamsSchema,
        response: { 200: ProgrammeProposalsSchema },
      },
    },
    async (request) => {
      const row = await requireEventRow(app.db, request.params.id);
      return programmeProposals(app.db, row, request.query, actorOf(request).languages);
    },
  );
};
