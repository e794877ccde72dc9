import {
  EmailConfirmationCompleteSchema,
  EmailConfirmationSchema,
  PasswordResetCompleteSchema,
  PasswordResetRequestSchema,
  SessionSchema,
} from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { requireAccount } from '../access/guards';
import { addressBucket } from '../http/rate-limit';
import { throttleMailRequest } from '../mail/request-throttle';
import { createUserToken } from './accounts-repository';
import { completeEmailConfirmation, resendEmailConfirmation } from './email-confirmation';
import { hashPassword } from './password';
import { completePasswordReset, requestPasswordReset } from './password-reset';

/**
 * E-mail confirmation and password reset: `POST /v1/auth/email-confirmations[/complete]`,
 * `POST /v1/auth/password-resets[/complete]`. Requests for mail are limited per address and per
 * client address (in the database, shared by every instance); links in the mails start with
 * `WSC_PUBLIC_URL`, never with the request's Host.
 *
 * @example
 * await app.register(accountMailRoutes);
 */
export const accountMailRoutes: FastifyPluginAsyncZod = async (app) => {
  const client = (ip: string) => addressBucket(ip, app.config.rateLimitIpv6Prefix);

  app.post(
    '/v1/auth/email-confirmations',
    {
      config: { contentWrite: false, access: 'member' },
      schema: {
        answers: { 202: 'A new confirmation mail is queued for the current address.' },
        problems: ['email-already-confirmed', 'rate-limited'],
        tags: ['auth'],
        summary: 'Send the confirmation mail of your address again',
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      const accountId = requireAccount(request).id;
      const now = app.config.clock();
      const account = await app.db
        .selectFrom('accounts')
        .select('email')
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow();
      await throttleMailRequest(app.db, { address: account.email, client: client(request.ip), now });
      await resendEmailConfirmation(app.db, accountId, now);
      return reply.code(202).send(null);
    },
  );

  app.post(
    '/v1/auth/email-confirmations/complete',
    {
      config: { contentWrite: false },
      schema: {
        answers: { 200: 'The address the mail reached is confirmed.' },
        problems: ['mail-token-invalid'],
        tags: ['auth'],
        summary: 'Confirm an address with the token from the confirmation mail',
        body: EmailConfirmationCompleteSchema,
        response: { 200: EmailConfirmationSchema },
      },
    },
    async (request) => {
      const confirmed = await completeEmailConfirmation(app.db, request.body.token, {
        now: app.config.clock(),
        requestId: request.id,
      });
      return { accountId: confirmed.accountId, emailConfirmedAt: confirmed.confirmedAt.toISOString() };
    },
  );

  app.post(
    '/v1/auth/password-resets',
    {
      config: { contentWrite: false },
      schema: {
        answers: {
          202: 'Accepted. If an account has this address, a reset mail is on its way; the answer is the same when none has.',
        },
        problems: ['rate-limited'],
        tags: ['auth'],
        summary: 'Ask for a password-reset mail',
        body: PasswordResetRequestSchema,
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      const now = app.config.clock();
      await throttleMailRequest(app.db, { address: request.body.email, client: client(request.ip), now });
      await requestPasswordReset(app.db, request.body.email, now);
      return reply.code(202).send(null);
    },
  );

  app.post(
    '/v1/auth/password-resets/complete',
    {
      config: { idempotency: 'no-store', contentWrite: false },
      schema: {
        answers: {
          200: 'The new password is set, every other session of the account is ended, and this is a new session token (shown once).',
        },
        problems: ['mail-token-invalid', 'account-disabled'],
        tags: ['auth'],
        summary: 'Set a new password with the token from the reset mail',
        body: PasswordResetCompleteSchema,
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      const passwordHash = await hashPassword(request.body.password);
      const accountId = await completePasswordReset(app.db, request.body.token, passwordHash, {
        now: app.config.clock(),
        requestId: request.id,
      });
      const session = await createUserToken(app.db, {
        accountId,
        kind: 'session',
        ttlSeconds: app.config.sessionTtlSeconds,
      });
      reply.header('cache-control', 'no-store');
      return {
        token: session.token,
        tokenType: 'Bearer' as const,
        expiresAt: session.expiresAt.toISOString(),
        accountId,
      };
    },
  );
};
