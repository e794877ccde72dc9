import { type SsoTokenCreate, SsoTokenCreateSchema, SsoTokenSchema } from '@wsc/models/partner';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { requireSecretKey } from '../access/guards';
import { invalidToken } from '../access/principal';
import { recordAudit } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import { holdSubject } from '../database/turns';
import { problem } from '../http/problem';
import { createAccount, createUserToken } from './accounts-repository';
import { holdSsoSignupTurn, lockLiveSecretKey, refuseWhileSsoSuspended } from './sso-gates';

const DEFAULT_SSO_TTL_SECONDS = 900;

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
      const body = request.body;
      const { accountId, token } = await app.db.transaction().execute(async (trx) => {
        // A page with several widgets asks for its user's tokens at once: the first sign-in
        // creates the account, the others wait for it and find the link.
        await holdSubject(trx, 'partner_user', `${partner.id}:${body.externalUserId}`);
        // The key was valid when the request arrived; a revocation committed since ends here, and
        // one still running waits for this sign-in and revokes its token too.
        if (!partner.keyId || !(await lockLiveSecretKey(trx, partner.keyId))) {
          throw invalidToken(
            'This secret key was revoked or expired, or its partner disabled, while the request ran.',
          );
        }
        const accountId = await linkedOrNewAccount(trx, partner.id, body, {
          requestId: request.id,
          signupLimit: app.config.ssoSignupsPerPartnerPerHour,
        });
        const token = await createUserToken(trx, {
          accountId,
          kind: 'sso',
          partnerId: partner.id,
          partnerKeyId: partner.keyId,
          ttlSeconds: body.ttlSeconds ?? DEFAULT_SSO_TTL_SECONDS,
        });
        return { accountId, token };
      });
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

/**
 * The partner user's account, inside the sign-in's transaction: the linked one, brought up to
 * date from the partner's data, or a new one linked to them, within the partner's hourly limit
 * of new accounts (429 beyond it). A disabled or deleted account is 403, and so is every user
 * of a partner whose SSO accounts are suspended (`partner-sso-suspended`).
 */
async function linkedOrNewAccount(
  trx: Kysely<DatabaseSchema>,
  partnerId: string,
  body: SsoTokenCreate,
  { requestId, signupLimit }: { requestId: string; signupLimit: number | false },
): Promise<string> {
  await refuseWhileSsoSuspended(trx, partnerId);
  const linked = await trx
    .selectFrom('partner_identities')
    .innerJoin('accounts', 'accounts.id', 'partner_identities.account_id')
    .select(['accounts.id', 'accounts.disabled_at', 'accounts.deleted_at'])
    .where('partner_identities.partner_id', '=', partnerId)
    .where('partner_identities.external_user_id', '=', body.externalUserId)
    .executeTakeFirst();
  if (linked?.disabled_at || linked?.deleted_at) {
    throw problem('account-disabled');
  }
  if (linked) {
    // The partner is the source of truth for its users' names and contact address. A new
    // address is not confirmed (membership rules trust only confirmed ones) until the member
    // proves it again.
    const updated = await trx
      .updateTable('accounts')
      .set({
        email: body.email,
        email_confirmed_at: sql<Date | null>`case when lower(trim(email)) = lower(trim(${body.email})) then email_confirmed_at end`,
        updated_at: new Date(),
        last_login_at: new Date(),
      })
      .where('id', '=', linked.id)
      .where('disabled_at', 'is', null)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      // Disabled while this sign-in ran (the update reads the row's latest version): by a
      // suspension of the partner's accounts, or by an admin.
      await refuseWhileSsoSuspended(trx, partnerId);
      throw problem('account-disabled');
    }
    await trx
      .updateTable('stakeholders')
      .set({ display_name: body.displayName, updated_at: new Date() })
      .where('id', '=', linked.id)
      .execute();
    return linked.id;
  }
  await holdSsoSignupTurn(trx, partnerId, signupLimit);
  const id = await createAccount(trx, {
    email: body.email,
    passwordHash: null,
    language: body.language ?? null,
    displayName: body.displayName,
    role: body.role ?? 'citizen',
    country: body.country ?? null,
    city: body.city ?? null,
    partnerId: partnerId,
  });
  await trx
    .insertInto('partner_identities')
    .values({ partner_id: partnerId, external_user_id: body.externalUserId, account_id: id })
    .execute();
  await recordAudit(trx, {
    actorId: null,
    action: 'account.created',
    subjectType: 'account',
    subjectId: id,
    partnerId: partnerId,
    data: { via: 'sso' },
    requestId,
  });
  return id;
}
