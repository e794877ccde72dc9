import { SsoTokenCreateSchema, SsoTokenSchema } from '@wsc/models/partner';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireSecretKey } from '../access/guards';
import { issueSsoToken } from './sso-service';

/**
 * `POST /v1/sso/tokens`: a partner back end (secret key with the `sso` scope) vouches for its
 * signed-in user and gets a short-lived user token for its pages' widgets.
 *
 * The partner's user is linked to a community account by (partner, externalUserId) only. It is
 * never matched by e-mail: a partner could otherwise take over any member's account by
 * claiming their address.
 *
 * @example
 * await app.register(ssoRoutes);
 */
export const ssoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/sso/tokens',
    {
      config: { idempotency: 'no-store', access: { secretKey: 'sso' } },
      schema: {
        answers: {
          201: "A short-lived user token for the partner's user (shown once) and their community id.",
        },
        problems: ['account-disabled', 'partner-sso-suspended', 'sso-signups-limited'],
        tags: ['auth'],
        summary: 'Partner single sign-on: exchange your signed-in user for a short-lived user token',
        body: SsoTokenCreateSchema,
        response: { 201: SsoTokenSchema },
      },
    },
    async (request, reply) => {
      const partner = requireSecretKey(request);
      const { accountId, token } = await issueSsoToken(
        app.db,
        { partnerId: partner.id, keyId: partner.keyId, requestId: request.id },
        request.body,
        { signupLimit: app.config.ssoSignupsPerPartnerPerHour },
      );
      // A bearer token in the answer: no browser or proxy cache may keep it.
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({
          token: token.token,
          tokenType: 'Bearer' as const,
          expiresAt: token.expiresAt.toISOString(),
          stakeholderId: accountId,
          partnerId: partner.id,
        });
    },
  );
};
