import { PartnerMailPolicySchema, PartnerSchema } from '@wsc/models/partner';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireSecretKey } from '../access/guards';
import { recordAudit } from '../audit/record';
import { domainError } from '../errors/domain-error';
import { updatePartnerRecord } from './repository';

/**
 * `PUT /v1/partners/me/mail-policy`: a partner that tells its single-sign-on members itself
 * (from the webhooks) stops the community's mail to them. A power an admin grants, never one a
 * partner claims: it needs a secret key holding the `mail-policy` scope, which only an admin
 * gives when minting the key (admins may also set it with `PATCH /v1/partners/{id}`). Every
 * change is audited with the partner and the key's request.
 *
 * @example
 * await app.register(partnerMailPolicyRoutes);
 */
export const partnerMailPolicyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/v1/partners/me/mail-policy',
    {
      config: { access: { secretKey: 'mail-policy' }, contentWrite: false },
      schema: {
        tags: ['partners'],
        summary: 'Stop (or restart) community mail to your single-sign-on members (secret key)',
        description:
          'With `communityMailSuppressed: true`, members who came through your single sign-on get no community mail: registration notices, event changes, moderation notices and digests are yours to send from the webhooks. Account mail (password reset, address confirmation) still reaches members who also have a community password. Needs a secret key with the `mail-policy` scope, granted by an admin.',
        body: PartnerMailPolicySchema,
        answers: { 200: 'Your partner application as changed.' },
        response: { 200: PartnerSchema },
      },
    },
    async (request) => {
      const key = requireSecretKey(request, 'mail-policy');
      return app.db.transaction().execute(async (trx) => {
        const change = await updatePartnerRecord(trx, key.id, request.body);
        if (!change) throw domainError('not-found', { detail: 'Partner not found.' });
        await recordAudit(trx, {
          actorId: null,
          partnerId: key.id,
          action: 'partner.mail_policy_changed',
          subjectType: 'partner',
          subjectId: key.id,
          data: {
            communityMailSuppressed: {
              from: change.before.communityMailSuppressed,
              to: change.after.communityMailSuppressed,
            },
            keyId: key.keyId,
          },
          requestId: request.id,
        });
        return change.after;
      });
    },
  );
};
