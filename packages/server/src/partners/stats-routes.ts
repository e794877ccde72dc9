import {
  PARTNER_STATS_DEFAULT_DAYS,
  PARTNER_STATS_MAX_DAYS,
  PartnerStatsParamsSchema,
  PartnerStatsSchema,
  partnerStatsWindow,
} from '@wsc/models/partner';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireSecretKey } from '../access/guards';
import { domainError } from '../errors/domain-error';
import { countPartnerActivity } from './stats-repository';

/**
 * `GET /v1/partners/me/stats` (secret key with the `stats` scope): what came through the calling
 * partner application in a window, counted from the `partner_id` every write records.
 *
 * @example
 * await app.register(partnerStatsRoutes);
 */
export const partnerStatsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/partners/me/stats',
    {
      config: { access: { secretKey: 'stats' } },
      schema: {
        answers: { 200: "The partner's counts in the window." },
        tags: ['partners'],
        summary: 'Counts of what came through your application (secret key)',
        description: `Counts the rows attributed to the calling partner created in the half-open window [from, to). \`to\` defaults to now, \`from\` to ${PARTNER_STATS_DEFAULT_DAYS} days before \`to\`; a window may span at most ${PARTNER_STATS_MAX_DAYS} days. Needs a secret key with the \`stats\` scope: the \`me\` is the key's partner, never another one. Sign-ups of erased accounts and votes taken back are no longer counted.`,
        querystring: PartnerStatsParamsSchema,
        response: { 200: PartnerStatsSchema },
      },
    },
    async (request, reply) => {
      const partner = requireSecretKey(request);
      // The schema judged a window with both bounds; a missing `to` is "now", which only the
      // server's clock knows, so the window is checked again with it.
      const window = partnerStatsWindow(request.query, app.config.clock());
      if (!window.ok) {
        throw domainError('validation-failed', {
          detail: 'The request query does not match the schema.',
          errors: [{ path: window.path, message: window.message, code: 'custom' }],
        });
      }
      const counts = await countPartnerActivity(app.db, partner.id, window);
      // Per-partner figures behind a secret key: no shared cache may keep or serve them.
      reply.header('cache-control', 'private, no-store');
      return {
        partnerId: partner.id,
        from: window.from.toISOString(),
        to: window.to.toISOString(),
        ...counts,
      };
    },
  );
};
