import { PartnerAccountPageSchema, PartnerSchema } from '@wsc/models/partner';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireSecretKey } from '../access/guards';
import { recordAudit } from '../audit/record';
import { domainError } from '../errors/domain-error';
import { assertAccountPage } from '../mail/account-page';
import { updatePartnerRecord } from './repository';

/**
 * `PUT /v1/partners/me/account-page`: the partner's page embedding the widgets, where the
 * confirmation and password-reset mail of the members who came through it leads
 * (`<page>#wsc-confirm-email=<token>`, which the embed script completes). Like the mail policy, a
 * power an admin grants: a secret key holding the `mail-policy` scope (admins may also set it with
 * `PATCH /v1/partners/{id}`). The page's origin must be one of the partner's publishable keys'
 * origins. Every change is audited with the partner and the key's request.
 *
 * @example
 * await app.register(partnerAccountPageRoutes);
 */
export const partnerAccountPageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/v1/partners/me/account-page',
    {
      config: { access: { secretKey: 'mail-policy' }, contentWrite: false },
      schema: {
        tags: ['partners'],
        summary: "Lead your members' account mail to your own page (secret key)",
        description:
          "With `url` set, confirmation and password-reset mail to members who came through your site (signed up with your keys, or signed in with your single sign-on) links to that page with `#wsc-confirm-email=<token>` or `#wsc-reset-password=<token>`; the embed script on the page opens the sign-in dialog, which completes it. The page must be https (plain http only on localhost) and its origin one of your publishable keys' allowed origins. The link is chosen when a mail is queued: while the page's origin is no longer one of your usable keys' (a revoked key) or your application is disabled, mail leads to the community's own pages. `null` goes back to them. Needs a secret key with the `mail-policy` scope, granted by an admin.",
        body: PartnerAccountPageSchema,
        answers: { 200: 'Your partner application as changed.' },
        response: { 200: PartnerSchema },
      },
    },
    async (request) => {
      const key = requireSecretKey(request, 'mail-policy');
      const { url } = request.body;
      return app.db.transaction().execute(async (trx) => {
        if (url !== null) await assertAccountPage(trx, key.id, url, 'url');
        const change = await updatePartnerRecord(trx, key.id, { accountPageUrl: url });
        if (!change) throw domainError('not-found', { detail: 'Partner not found.' });
        await recordAudit(trx, {
          actorId: null,
          partnerId: key.id,
          action: 'partner.account_page_changed',
          subjectType: 'partner',
          subjectId: key.id,
          data: {
            accountPageUrl: { from: change.before.accountPageUrl, to: change.after.accountPageUrl },
            keyId: key.keyId,
          },
          requestId: request.id,
        });
        return change.after;
      });
    },
  );
};
