import { AccountSchema, AccountUpdateSchema, IdSchema } from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { requireAccount } from '../access/guards';
import { requireSomeField } from '../http/require-change';
import { updateAccount } from './service';

const AccountParamsSchema = z.object({ id: IdSchema });

/**
 * `PATCH /v1/accounts/{id}` (admin): roles and the disabled flag. Disabling revokes every token
 * of the account at once. Disabling or enabling an account a partner's suspended single sign-on
 * minted is the admin's own decision: lifting the suspension leaves it as it is. An admin cannot remove their own admin role or disable themself,
 * so the platform never loses its last admin by accident.
 *
 * @example
 * await app.register(accountRoutes);
 */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/v1/accounts/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        answers: { 200: 'The account as changed.' },
        problems: ['self-demotion'],
        tags: ['admin'],
        summary: "Change an account's roles or disable it (admin)",
        params: AccountParamsSchema,
        body: AccountUpdateSchema,
        response: { 200: AccountSchema },
      },
    },
    async (request) => {
      const admin = requireAccount(request);
      // `{"roles": […]}` (not `accountRoles`) must not answer 200 and be audited as a change.
      requireSomeField(request.body, ['accountRoles', 'disabled']);
      return updateAccount(
        app.db,
        { accountId: admin.id, requestId: request.id },
        request.params.id,
        request.body,
      );
    },
  );
};
