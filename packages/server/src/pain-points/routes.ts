import {
  IdSchema,
  PageSchema,
  PainPointCountryCountsParamsSchema,
  PainPointCountryCountsSchema,
  PainPointCreateSchema,
  PainPointListParamsSchema,
  PainPointStatusChangeSchema,
  type PainPointUpdate,
  PainPointUpdateSchema,
  PainPointViewSchema,
} from '@wsc/models';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { actorOf } from '../access/actor';
import { contentLanguage } from '../community/localization';
import { entityTag } from '../http/etag';
import { requireSomeField } from '../http/require-change';
import { handBuiltAnswerSerializer } from '../http/serializer';
import {
  changePainPointStatus,
  countPainPointCountries,
  createPainPoint,
  getPainPoint,
  listPainPointPage,
  setPainPointLocked,
  updatePainPointContent,
} from './service';

const PainPointParamsSchema = z.object({ id: IdSchema });
const PainPointPageSchema = PageSchema(PainPointViewSchema);
const JSON_TYPE = 'application/json; charset=utf-8';
/** What an edit changes; `duplicateOf` and `note` only qualify a `status`. */
const PAIN_POINT_UPDATE_FIELDS = [
  'title',
  'description',
  'domain',
  'city',
  'country',
  'severity',
  'status',
] as const satisfies readonly (keyof PainPointUpdate)[];

/** Says which language the text is in, and that it depends on `Accept-Language` (caches). */
function languageHeaders(reply: FastifyReply, languages: string): void {
  // Keep what CORS already put in Vary (Origin).
  const vary = reply.getHeader('vary');
  const varies = vary ? `${String(vary)}, Accept-Language` : 'Accept-Language';
  reply.header('content-language', languages).header('vary', varies);
}

/** Sends an already serialized JSON body; its ETag spares the ETag step a second hash. */
function sendSerialized(reply: FastifyReply, body: Buffer, etag: string): FastifyReply {
  // Bytes with a JSON content type are sent as they are (the typed `send` expects the page object).
  return reply
    .header('etag', etag)
    .type(JSON_TYPE)
    .send(body as never);
}

/**
 * Pain points: list (filters, sorts, keyset cursors), counts per country, read, post, edit,
 * lifecycle moves and discussion locks.
 *
 * @example
 * await app.register(painPointRoutes);
 */
export const painPointRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/pain-points',
    {
      // The busiest route: painPointView builds each item field by field, so JSON.stringify is safe.
      serializerCompiler: handBuiltAnswerSerializer,
      schema: {
        answers: { 200: 'A page of pain points.' },
        tags: ['pain points'],
        summary: 'List pain points',
        description:
          'Filters combine with AND. `q` finds words in any language (substring match, so a two-character Chinese word is found inside a sentence). Sorts: `top` (votes), `new` (creation time), `trending` (votes weighted by recency, stored score). Pages are keyset cursors: pass `nextCursor` back unchanged with the same filters and sort; rows created while paging never shift or repeat the rows that already existed. Title and description come in the language chosen from `Accept-Language` (each item says which in `language`; `Content-Language` lists them).',
        querystring: PainPointListParamsSchema,
        response: { 200: PainPointPageSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const cache = app.painPointPages;
      // Anonymous first pages only: a member's page carries their own `voted` flags.
      const cacheKey = actor.account ? null : cache.keyOf(request.query, actor.languages);
      const cached = cacheKey ? cache.get(cacheKey) : undefined;
      if (cached) {
        languageHeaders(reply, cached.contentLanguage);
        return sendSerialized(reply, cached.body, cached.etag);
      }
      const generation = cache.generation;
      const page = await listPainPointPage(app.db, actor, request.query);
      const languages = contentLanguage(
        page.data.map((item) => item.language),
        actor.languages,
      );
      languageHeaders(reply, languages);
      if (!cacheKey) return page;
      // The route's own serializer (its response schema), so a cached body equals a fresh one.
      const body = Buffer.from(reply.serialize(page) as string);
      const etag = entityTag(body);
      cache.set(cacheKey, generation, { body, etag, contentLanguage: languages });
      return sendSerialized(reply, body, etag);
    },
  );

  // Fastify's router tries the static `countries` before `:id` in any order; placed above that
  // route so the file reads the way requests are matched.
  app.get(
    '/v1/pain-points/countries',
    {
      schema: {
        answers: { 200: 'How many pain points each country has, most first.' },
        tags: ['pain points'],
        summary: 'Count pain points per country',
        description:
          'Counts the pain points `GET /v1/pain-points` lists with the same `domain` and `status` filters, grouped by `country` (ISO 3166-1 alpha-2), most first, then by code. `total` counts them all; those naming no country are counted in `withoutCountry` and not in `data`. One request whatever the number of pain points: for maps and summaries, instead of paging through the list.',
        querystring: PainPointCountryCountsParamsSchema,
        response: { 200: PainPointCountryCountsSchema },
      },
    },
    async (request) => countPainPointCountries(app.db, request.query),
  );

  app.post(
    '/v1/pain-points',
    {
      config: { access: 'member' },
      schema: {
        answers: { 201: 'The new pain point.' },
        problems: ['slug-taken'],
        tags: ['pain points'],
        summary: 'Report a pain point (members)',
        body: PainPointCreateSchema,
        response: { 201: PainPointViewSchema },
      },
    },
    async (request, reply) => {
      const painPoint = await createPainPoint(app.db, actorOf(request), request.body);
      languageHeaders(reply, painPoint.language);
      return reply.code(201).header('location', `/v1/pain-points/${painPoint.id}`).send(painPoint);
    },
  );

  app.get(
    '/v1/pain-points/:id',
    {
      schema: {
        answers: { 200: 'The pain point.' },
        tags: ['pain points'],
        summary: 'Read a pain point',
        params: PainPointParamsSchema,
        response: { 200: PainPointViewSchema },
      },
    },
    async (request, reply) => {
      const painPoint = await getPainPoint(app.db, actorOf(request), request.params.id);
      languageHeaders(reply, painPoint.language);
      return painPoint;
    },
  );

  app.patch(
    '/v1/pain-points/:id',
    {
      config: { access: 'member' },
      schema: {
        answers: { 200: 'The pain point as changed.' },
        problems: ['not-author', 'transition-forbidden', 'illegal-transition'],
        tags: ['pain points'],
        summary: 'Edit a pain point (author or moderator); may include a status move',
        description:
          'Title and description merge per language: the languages sent replace the stored text, an empty string removes that language (the original language stays). A `status` is checked by the same lifecycle rule as `POST /v1/pain-points/{id}/status`.',
        params: PainPointParamsSchema,
        body: PainPointUpdateSchema,
        response: { 200: PainPointViewSchema },
      },
    },
    async (request, reply) => {
      requireSomeField(request.body, PAIN_POINT_UPDATE_FIELDS);
      const painPoint = await updatePainPointContent(
        app.db,
        actorOf(request),
        request.params.id,
        request.body,
      );
      languageHeaders(reply, painPoint.language);
      return painPoint;
    },
  );

  app.post(
    '/v1/pain-points/:id/status',
    {
      config: { access: 'member' },
      schema: {
        answers: { 200: 'The pain point in its new status.' },
        problems: ['transition-forbidden', 'illegal-transition'],
        tags: ['pain points'],
        summary: 'Move a pain point through its lifecycle (experts, moderators; the author may close)',
        description:
          'open → under-review → mapped → addressed, closed and duplicate, by the rule `transitionPainPoint` of @wsc/models. 403 when your role may not make this move, 409 when the move is illegal from the current status, 422 when `duplicateOf` is missing, unknown or itself a duplicate (name its original). Marking a duplicate moves its votes to the original (one per member) and sends `pain_point.updated` for both.',
        params: PainPointParamsSchema,
        body: PainPointStatusChangeSchema,
        response: { 200: PainPointViewSchema },
      },
    },
    async (request, reply) => {
      const painPoint = await changePainPointStatus(
        app.db,
        actorOf(request),
        request.params.id,
        request.body,
      );
      languageHeaders(reply, painPoint.language);
      return painPoint;
    },
  );

  for (const [action, locked] of [
    ['lock', true],
    ['unlock', false],
  ] as const) {
    app.post(
      `/v1/pain-points/:id/${action}`,
      {
        config: { access: { roles: ['moderator'] } },
        schema: {
          tags: ['moderation'],
          summary: locked
            ? 'Lock a discussion: no new comments or replies (moderators)'
            : 'Unlock a discussion (moderators)',
          params: PainPointParamsSchema,
          response: { 200: PainPointViewSchema },
          answers: {
            200: locked
              ? 'The pain point, its discussion locked.'
              : 'The pain point, its discussion open again.',
          },
        },
      },
      async (request, reply) => {
        const painPoint = await setPainPointLocked(app.db, actorOf(request), request.params.id, locked);
        languageHeaders(reply, painPoint.language);
        return painPoint;
      },
    );
  }
};
