import {
  CoverageParamsSchema,
  CoverageReportSchema,
  IdSchema,
  PageSchema,
  PainPointCoverageSchema,
  StandardListParamsSchema,
  StandardMappingCreateSchema,
  StandardMappingNoteHideSchema,
  StandardMappingSchema,
  StandardSchema,
} from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { actorOf } from '../access/actor';
import {
  coverageReport,
  getPainPointCoverage,
  getStandard,
  listStandardPage,
  mapStandard,
  moderateMappingNote,
} from './service';

const ParamsSchema = z.object({ id: IdSchema });
const MappingParamsSchema = z.object({ id: IdSchema, standardId: IdSchema });
// Restoring needs no reason: the body is optional (a bodiless POST reaches the validator as null).
const NoteRestoreBodySchema = z.nullish(
  z.object({ reason: z.optional(z.string().check(z.trim(), z.maxLength(1000))) }),
);

/**
 * The standards catalogue, experts' mappings of standards to pain points, and the gap report.
 *
 * @example
 * await app.register(standardRoutes);
 */
export const standardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/standards',
    {
      schema: {
        answers: { 200: 'A page of standards.' },
        tags: ['standards'],
        summary: 'Search the standards catalogue',
        description:
          '`committee` matches the whole committee name, case-insensitively (`ISO/TC 268`). `q` finds words of the reference, committee or title in any language. Ordered by id.',
        querystring: StandardListParamsSchema,
        response: { 200: PageSchema(StandardSchema) },
      },
    },
    async (request) => listStandardPage(app.db, request.query),
  );

  app.get(
    '/v1/standards/:id',
    {
      schema: {
        answers: { 200: 'The standard.' },
        tags: ['standards'],
        summary: 'Read a standard',
        params: ParamsSchema,
        response: { 200: StandardSchema },
      },
    },
    async (request) => getStandard(app.db, request.params.id),
  );

  app.get(
    '/v1/pain-points/:id/standards',
    {
      schema: {
        answers: { 200: 'The standards mapped to the pain point.' },
        tags: ['standards'],
        summary: 'Standards mapped to a pain point, and its coverage',
        params: ParamsSchema,
        response: { 200: PainPointCoverageSchema },
      },
    },
    async (request) => getPainPointCoverage(app.db, request.params.id, actorOf(request).account),
  );

  app.post(
    '/v1/pain-points/:id/standards',
    {
      config: { access: { roles: ['expert'] } },
      schema: {
        answers: { 200: 'The mapping existed: it is updated.', 201: 'The new mapping.' },
        problems: ['mapping-owned', 'discussion-locked'],
        tags: ['standards'],
        summary: 'Map a standard to a pain point (experts)',
        description:
          'Mapping the same standard again replaces your judgement (200); a new mapping answers 201. Another expert’s mapping of the same standard is theirs: 403 `mapping-owned` (a moderator may replace it, audited as `standard_mapping.replaced`). A `full` or `partial` mapping moves the pain point to `mapped` when its lifecycle allows it.',
        params: ParamsSchema,
        body: StandardMappingCreateSchema,
        response: { 200: StandardMappingSchema, 201: StandardMappingSchema },
      },
    },
    async (request, reply) => {
      const { mapping, created } = await mapStandard(
        app.db,
        actorOf(request),
        request.params.id,
        request.body,
      );
      return reply.code(created ? 201 : 200).send(mapping);
    },
  );

  app.post(
    '/v1/pain-points/:id/standards/:standardId/note/hide',
    {
      config: { access: { roles: ['moderator'] } },
      schema: {
        answers: { 200: 'The mapping, its note hidden from everyone but moderators.' },
        tags: ['moderation'],
        summary: "Hide an expert's note on a standard mapping, with the reason (moderators)",
        description:
          'The note is withheld from the API (`note: null`, `noteHidden: true`) for everyone but moderators and withdrawn from stored events (replays, pending webhooks); the coverage judgement stays. Audited as `standard_mapping.note_hidden`.',
        params: MappingParamsSchema,
        body: StandardMappingNoteHideSchema,
        response: { 200: StandardMappingSchema },
      },
    },
    async (request) =>
      moderateMappingNote(app.db, actorOf(request), request.params.id, request.params.standardId, {
        hidden: true,
        reason: request.body.reason,
      }),
  );

  app.post(
    '/v1/pain-points/:id/standards/:standardId/note/restore',
    {
      config: { access: { roles: ['moderator'] } },
      schema: {
        answers: { 200: 'The mapping, its note shown again.' },
        tags: ['moderation'],
        summary: 'Show a hidden note on a standard mapping again (moderators)',
        params: MappingParamsSchema,
        body: NoteRestoreBodySchema,
        response: { 200: StandardMappingSchema },
      },
    },
    async (request) =>
      moderateMappingNote(app.db, actorOf(request), request.params.id, request.params.standardId, {
        hidden: false,
        reason: request.body?.reason || null,
      }),
  );

  app.get(
    '/v1/coverage',
    {
      schema: {
        answers: { 200: 'Coverage per domain: pain points with and without a standard (the gap report).' },
        tags: ['standards'],
        summary: 'The gap report: coverage of open pain points per domain and per standards body',
        description:
          'A pain point is covered as well as its best mapping (none without mappings); per body, only that body’s standards count. `gaps` lists uncovered pain points first, then partly covered, most voted first, capped at `gapLimit` (default 100). Closed and duplicate pain points are left out.',
        querystring: CoverageParamsSchema,
        response: { 200: CoverageReportSchema },
      },
    },
    async (request) => coverageReport(app.db, request.query),
  );
};
