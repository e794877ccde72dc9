import { IdSchema } from '@wsc/models';
import {
  PartnerSsoAccountsSchema,
  PartnerSsoSuspensionCreateSchema,
  PartnerSsoSuspensionSchema,
} from '@wsc/models/partner';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { requireAccount } from '../identity/guards';
import { partnerSsoAccounts, suspendPartnerSsoAccounts } from './sso-accounts';

const PartnerParamsSchema = z.object({ id: IdSchema });

/**
 * Admin routes of the accounts a partner minted through single sign-on: what they did, and
 * their suspension in one step.
 *
 * @example
 * await app.register(partnerSsoAccountRoutes);
 */
export const partnerSsoAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/partners/:id/sso-accounts',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        answers: { 200: 'How many accounts the partner minted through SSO and what they did.' },
        tags: ['admin'],
        summary:
          "A partner's SSO-minted accounts: how many, how many suspended, their votes, comments and reports (admin)",
        params: PartnerParamsSchema,
        response: { 200: PartnerSsoAccountsSchema },
      },
    },
    async (request) => partnerSsoAccounts(app.db, request.params.id),
  );

  app.post(
    '/v1/partners/:id/sso-accounts/suspension',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        answers: {
          200: 'The accounts suspended: their tokens revoked and their votes withdrawn.',
        },
        tags: ['admin'],
        summary:
          'Suspend every account a partner minted through SSO: their sessions and SSO tokens stop at once and their votes stop counting (admin, audited)',
        params: PartnerParamsSchema,
        body: PartnerSsoSuspensionCreateSchema,
        response: { 200: PartnerSsoSuspensionSchema },
      },
    },
    async (request) => {
      const admin = requireAccount(request);
      return suspendPartnerSsoAccounts(app.db, request.params.id, {
        reason: request.body.reason,
        actorId: admin.id,
        requestId: request.id,
      });
    },
  );
};
