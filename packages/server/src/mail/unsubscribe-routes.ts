import { UnsubscribeResultSchema, UnsubscribeSchema } from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { domainError } from '../errors/domain-error';
import { turnOffMailKind } from './notification-preferences';
import { verifyUnsubscribeToken } from './unsubscribe-token';

const QuerySchema = z.object({ token: z.optional(UnsubscribeSchema.shape.token) });

function badToken() {
  return domainError('validation-failed', {
    detail:
      'This unsubscribe link is not valid: use the link of a mail you received, or your notification preferences.',
    errors: [{ path: 'token', message: 'Not a valid unsubscribe token' }],
  });
}

/**
 * `POST /v1/unsubscribe`: the one-click unsubscribe of RFC 8058. A mail program posts
 * `List-Unsubscribe=One-Click` (form-encoded or multipart) to the `List-Unsubscribe` link, which
 * carries the signed token in its query; a client may instead send `{ "token" }` as JSON. No
 * sign-in: the token grants exactly one thing, turning one kind of mail off for one member.
 *
 * @example
 * await app.register(unsubscribeRoutes);
 */
export const unsubscribeRoutes: FastifyPluginAsyncZod = async (app) => {
  // RFC 8058 bodies, for this route only (every other write route takes JSON alone). The body
  // says nothing the link does not: it is read as text and not used.
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) =>
      done(null, body),
    );
  }

  app.post(
    '/v1/unsubscribe',
    {
      config: { idempotency: 'no-store', contentWrite: false },
      schema: {
        tags: ['me'],
        summary: 'One-click unsubscribe from a kind of mail (RFC 8058)',
        description:
          'The `List-Unsubscribe` link of a moderation notice or a digest, posted by the mail program with the body `List-Unsubscribe=One-Click`; or `{ "token" }` as JSON. No sign-in needed.',
        querystring: QuerySchema,
        consumes: ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'],
        answers: { 200: 'The kind of mail turned off.' },
        response: { 200: UnsubscribeResultSchema },
      },
    },
    async (request) => {
      let token = request.query.token;
      if (token === undefined && request.body && typeof request.body === 'object') {
        const parsed = UnsubscribeSchema.safeParse(request.body);
        if (!parsed.success) throw badToken();
        token = parsed.data.token;
      }
      if (!token) throw badToken();
      const claim = await verifyUnsubscribeToken(app.db, token);
      if (!claim) throw badToken();
      // A deleted member gets no mail at all: the link still answers that the kind is off.
      await turnOffMailKind(app.db, claim.accountId, claim.kind);
      return { kind: claim.kind, unsubscribed: true };
    },
  );
};
