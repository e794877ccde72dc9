import { LoginSchema, SessionSchema, SignupSchema } from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { hashToken } from '../access/tokens';
import { domainError } from '../errors/domain-error';
import { createUserToken, normalizeEmail, revokeUserTokens } from './accounts-repository';
import { createMember, emailTakenOr } from './join';
import { hashPassword, verifyPassword } from './password';

const WRONG_CREDENTIALS = () =>
  domainError('wrong-credentials', { headers: { 'www-authenticate': 'Bearer' } });

/**
 * `POST /v1/auth/signup`, `POST /v1/auth/login`, `POST /v1/auth/logout`.
 *
 * @example
 * await app.register(authRoutes);
 */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/auth/signup',
    {
      config: { idempotency: 'no-store', contentWrite: false },
      schema: {
        answers: { 201: 'The new member and a session token (shown once).' },
        problems: ['email-taken'],
        tags: ['auth'],
        summary: 'Create an account and its public profile; answers a session token',
        body: SignupSchema,
        response: { 201: SessionSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const passwordHash = await hashPassword(body.password);
      const partnerId = request.principal.partner?.id ?? null;
      let accountId: string;
      try {
        accountId = await app.db.transaction().execute(async (trx) => {
          const account = await createMember(trx, body, passwordHash, { partnerId, requestId: request.id });
          return account.id;
        });
      } catch (error) {
        throw emailTakenOr(error);
      }
      const session = await createUserToken(app.db, {
        accountId,
        kind: 'session',
        ttlSeconds: app.config.sessionTtlSeconds,
      });
      // A bearer token in the answer: no browser or proxy cache may keep it.
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({
          token: session.token,
          tokenType: 'Bearer' as const,
          expiresAt: session.expiresAt.toISOString(),
          accountId,
        });
    },
  );

  app.post(
    '/v1/auth/login',
    {
      config: { idempotency: 'no-store', contentWrite: false },
      schema: {
        answers: { 200: 'A new session token (shown once).' },
        problems: ['wrong-credentials', 'account-disabled'],
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; answers a session token',
        body: LoginSchema,
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      const account = await app.db
        .selectFrom('accounts')
        .select(['id', 'password_hash', 'disabled_at', 'deleted_at'])
        .where('email_normalized', '=', normalizeEmail(request.body.email))
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      const valid = await verifyPassword(request.body.password, account?.password_hash ?? null);
      if (!account || !valid || account.deleted_at) throw WRONG_CREDENTIALS();
      if (account.disabled_at) {
        throw domainError('account-disabled', { detail: 'An administrator disabled this account.' });
      }
      await app.db
        .updateTable('accounts')
        .set({ last_login_at: new Date() })
        .where('id', '=', account.id)
        .execute();
      const session = await createUserToken(app.db, {
        accountId: account.id,
        kind: 'session',
        ttlSeconds: app.config.sessionTtlSeconds,
      });
      reply.header('cache-control', 'no-store');
      return {
        token: session.token,
        tokenType: 'Bearer' as const,
        expiresAt: session.expiresAt.toISOString(),
        accountId: account.id,
      };
    },
  );

  app.post(
    '/v1/auth/logout',
    {
      config: { contentWrite: false, access: 'member' },
      schema: {
        answers: { 204: 'Signed out: this session token no longer works.' },
        tags: ['auth'],
        summary: 'Revoke the token of this request',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const token = request.headers.authorization?.replace(/^Bearer\s+/i, '').trim() ?? '';
      await revokeUserTokens(app.db, { tokenHash: hashToken(token) });
      return reply.code(204).send(null);
    },
  );
};
