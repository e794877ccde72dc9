import { IdSchema, VoteResultSchema } from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { actorOf } from '../access/actor';
import { setVote } from './service';

const ParamsSchema = z.object({ id: IdSchema });

/**
 * `PUT` / `DELETE /v1/pain-points/{id}/vote`: one vote per member, idempotent.
 *
 * @example
 * await app.register(voteRoutes);
 */
export const voteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/v1/pain-points/:id/vote',
    {
      config: { access: 'member' },
      schema: {
        answers: { 200: "The pain point's vote count, with the member's vote." },
        problems: ['duplicate-pain-point'],
        tags: ['votes'],
        summary: 'Vote for a pain point (idempotent: one vote per member)',
        params: ParamsSchema,
        response: { 200: VoteResultSchema },
      },
    },
    async (request) => {
      return setVote(app.db, actorOf(request), request.params.id, true);
    },
  );

  app.delete(
    '/v1/pain-points/:id/vote',
    {
      config: { access: 'member' },
      schema: {
        answers: { 200: "The pain point's vote count, without the member's vote." },
        problems: ['duplicate-pain-point'],
        tags: ['votes'],
        summary: 'Withdraw your vote (idempotent)',
        params: ParamsSchema,
        response: { 200: VoteResultSchema },
      },
    },
    async (request) => {
      return setVote(app.db, actorOf(request), request.params.id, false);
    },
  );
};
