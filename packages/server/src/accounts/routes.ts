import { AccountSchema, AccountUpdateSchema, IdSchema } from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { requireAccount } from '../access/guards';
import { recordAudit } from '../audit/record';
import { holdSubject } from '../database/turns';
import { problem } from '../http/problem';
import { requireSomeField } from '../http/require-change';
import { revokeUserTokens, toAccount } from '../identity/accounts-repository';

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
      const { id } = request.params;
      const { accountRoles, disabled } = request.body;
      if (id === admin.id && ((accountRoles && !accountRoles.includes('admin')) || disabled === true)) {
        throw problem('self-demotion', {
          detail: 'Ask another admin to change your own admin role or to disable your account.',
        });
      }
      const row = await app.db.transaction().execute(async (trx) => {
        if (disabled !== undefined) {
          // An admin's own decision on an account a partner's single sign-on minted: it takes turns
          // with a suspension of that partner's accounts, and a lift no longer touches it.
          const minters = await trx
            .selectFrom('partner_identities')
            .select('partner_id')
            .where('account_id', '=', id)
            .orderBy('partner_id')
            .execute();
          for (const { partner_id } of minters) await holdSubject(trx, 'partner_sso_accounts', partner_id);
        }
        // Both rows locked, in one order for every change: two admins changing each other at
        // once take turns, and the second sees what the first did (to it, too) before acting.
        const locked = await trx
          .selectFrom('accounts')
          .selectAll()
          .where('id', 'in', [id, admin.id])
          .orderBy('id')
          .forUpdate()
          .execute();
        const acting = locked.find((account) => account.id === admin.id);
        if (!acting?.roles.includes('admin') || acting.disabled_at || acting.deleted_at) {
          throw problem('role-required', {
            detail:
              'This action needs the role admin: yours was removed (or your account disabled) while this request waited.',
          });
        }
        const current = locked.find((account) => account.id === id && account.deleted_at === null);
        if (!current) throw problem('not-found', { detail: 'Account not found.' });
        const roles = accountRoles ? [...new Set<string>(['member', ...accountRoles])] : current.roles;
        const disabledAt =
          disabled === undefined
            ? current.disabled_at
            : disabled
              ? (current.disabled_at ?? new Date())
              : null;
        const updated = await trx
          .updateTable('accounts')
          .set({ roles, disabled_at: disabledAt, updated_at: new Date() })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        if (disabled === true) await revokeUserTokens(trx, { accountId: id });
        if (disabled !== undefined) {
          await trx
            .updateTable('partner_identities')
            .set({ suspended_at: null })
            .where('account_id', '=', id)
            .where('suspended_at', 'is not', null)
            .execute();
        }
        await recordAudit(trx, {
          actorId: admin.id,
          action: 'account.updated',
          subjectType: 'account',
          subjectId: id,
          data: { roles: { from: current.roles, to: roles }, disabled: disabledAt !== null },
          requestId: request.id,
        });
        return updated;
      });
      return toAccount(row);
    },
  );
};
