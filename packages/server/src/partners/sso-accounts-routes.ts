import { IdSchema } from '@wsc/models';
import {
  PartnerSsoAccountsSchema,
  PartnerSsoSuspensionCreateSchema,
  PartnerSsoSuspensionLiftSchema,
  PartnerSsoSuspensionSchema,
} from '@wsc/models/partner';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { requireAccount } from '../access/guards';
import {
  liftPartnerSsoSuspension,
  partnerSsoAccounts,
  suspendPartnerSsoAccounts,
} from './sso-accounts-service';

const PartnerParamsSchema = z.object({ id: IdSchema });

/**
 * Admin routes of the accounts a partner minted through single sign-on: what they did, their
 * suspension in one step (which also stops the partner's single sign-on), and its lifting.
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
          "Suspend every account a partner minted through SSO: their sessions and SSO tokens stop at once, their votes stop counting, and the partner's SSO signs no one in until the suspension is lifted (admin, audited)",
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

  app.delete(
    '/v1/partners/:id/sso-accounts/suspension',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        answers: {
          200: 'The suspension is lifted: the accounts it disabled can sign in again through the partner.',
        },
        tags: ['admin'],
        summary:
          "Lift the suspension of a partner's SSO accounts: its SSO signs users in and creates accounts again, and the accounts the suspension disabled are enabled; withdrawn votes are not restored (admin, audited)",
        description:
          'Accounts deleted since the suspension, and accounts an admin disabled on their own (`PATCH /v1/accounts/{id}`), stay as they are. Their users sign in through the partner again: the tokens the suspension revoked stay revoked. 404 when the partner is unknown or its SSO accounts are not suspended. Audited as `partner.sso_accounts_restored` with the accounts enabled.',
        params: PartnerParamsSchema,
        response: { 200: PartnerSsoSuspensionLiftSchema },
      },
    },
    async (request) => {
      const admin = requireAccount(request);
      return liftPartnerSsoSuspension(app.db, request.params.id, {
        actorId: admin.id,
        requestId: request.id,
      });
    },
  );
};
