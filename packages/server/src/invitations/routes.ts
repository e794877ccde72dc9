import { IdSchema } from '@wsc/models';
import { EventImportParamsSchema, EventImportReportSchema } from '@wsc/models/partner';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { actorOf } from '../access/actor';
import { requireMember, requireOrganiser } from '../events/organisers';
import { requireEventRow } from '../events/service';
import { decodeUtf8Body } from '../http/json-body';
import { IMPORT_COLUMNS, importEventList } from './importer';

/** Lists are larger than JSON bodies: 50,000 invitation codes fit. */
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const columnsHelp = Object.entries(IMPORT_COLUMNS)
  .map(([kind, columns]) => `\`${kind}\`: ${columns.map((column) => column.name).join(',')}`)
  .join('; ');

/**
 * Organisers import invitation codes, member codes and the registrant lists of co-located
 * events as CSV.
 *
 * @example
 * await app.register(importRoutes);
 */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => {
      try {
        done(null, decodeUtf8Body(body as Buffer));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );

  app.post(
    '/v1/events/:id/imports',
    {
      config: { access: 'member' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        answers: { 200: 'The import report: rows stored, rows refused by line.' },
        problems: ['event-not-found', 'organiser-required', 'import-header'],
        tags: ['registration'],
        consumes: ['text/csv'],
        summary: 'Import a list for eligibility checks (organisers): CSV body, `kind` in the query',
        description: `Send \`Content-Type: text/csv\` with a header line. Columns by kind: ${columnsHelp}. Every row is validated; bad rows are reported by line (the header is line 1) and the good ones stored. Importing again updates codes (an invitation code keeps its use count).`,
        params: z.object({ id: IdSchema }),
        querystring: EventImportParamsSchema,
        body: z.string(),
        response: { 200: EventImportReportSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const account = requireMember(actor);
      const event = await requireEventRow(app.db, request.params.id);
      await requireOrganiser(app.db, account, event.organiser_ids);
      return importEventList(app.db, {
        event: event.id,
        kind: request.query.kind,
        csv: request.body,
        actorId: account.id,
        partnerId: actor.partnerId,
        requestId: actor.requestId,
      });
    },
  );
};
