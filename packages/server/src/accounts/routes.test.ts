import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createPartner, createTestServer, databases, signUp, type TestServer } from '../test-support/index';

describe.each(databases())('PATCH /v1/accounts/{id} on $kind', ({ kind }) => {
  let app: TestServer;
  beforeAll(async () => {
    app = await createTestServer({ kind });
  });
  beforeEach(() => app.reset());
  afterAll(() => app?.dispose());

  const patch = (id: string, headers: Record<string, string>, payload: unknown) =>
    app.inject({ method: 'PATCH', url: `/v1/accounts/${id}`, headers, payload: payload as object });

  test('an admin grants roles (member is always kept) and the audit log records it', async () => {
    const admin = await signUp(app, { roles: ['admin'] });
    const member = await signUp(app);
    const response = await patch(member.accountId, admin.headers, { accountRoles: ['expert', 'moderator'] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: member.accountId,
      accountRoles: ['member', 'expert', 'moderator'],
      disabled: false,
    });
    expect(response.body).toContain(member.email);
    const audit = await app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'account.updated')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: admin.accountId, subject_id: member.accountId });
  });

  test('two admins demoting each other at once: one change wins, the other admin is no longer one (403), an admin remains', async () => {
    for (let round = 0; round < 5; round += 1) {
      const first = await signUp(app, { roles: ['admin'] });
      const second = await signUp(app, { roles: ['admin'] });
      const answers = await Promise.all([
        patch(second.accountId, first.headers, { accountRoles: ['member'] }),
        patch(first.accountId, second.headers, { accountRoles: ['member'] }),
      ]);
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 403]);
      const admins = await app.db
        .selectFrom('accounts')
        .select('id')
        .where('id', 'in', [first.accountId, second.accountId])
        .where(sql<boolean>`'admin' = any (roles)`)
        .execute();
      expect(admins).toHaveLength(1);
      // The audit log says what each change replaced, as it was when it was made.
      const audits = await app.db
        .selectFrom('audit_log')
        .select('data')
        .where('action', '=', 'account.updated')
        .where('subject_id', 'in', [first.accountId, second.accountId])
        .execute();
      expect(audits.map((audit) => audit.data)).toEqual([
        { roles: { from: ['member', 'admin'], to: ['member'] }, disabled: false },
      ]);
    }
  });

  test('a body with none of the known fields is 422 naming the body, changes nothing and is not audited', async () => {
    const admin = await signUp(app, { roles: ['admin'] });
    const member = await signUp(app);
    for (const payload of [{ roles: ['expert'] }, {}]) {
      const response = await patch(member.accountId, admin.headers, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect(response.json()).toMatchObject({
        type: 'https://worldsmartcity.org/problems/validation-failed',
        detail: expect.stringContaining('request body'),
        errors: [{ path: '', code: 'empty_update' }],
      });
    }
    const stored = await app.db
      .selectFrom('accounts')
      .select('roles')
      .where('id', '=', member.accountId)
      .executeTakeFirstOrThrow();
    expect(stored.roles).toEqual(['member']);
    const audits = await app.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'account.updated')
      .execute();
    expect(audits).toHaveLength(0);
  });

  test('disabling revokes every token of the account at once', async () => {
    const admin = await signUp(app, { roles: ['admin'] });
    const member = await signUp(app);
    expect((await patch(member.accountId, admin.headers, { disabled: true })).json().disabled).toBe(true);
    const logout = await app.inject({ method: 'POST', url: '/v1/auth/logout', headers: member.headers });
    expect(logout.statusCode).toBe(401);
    await app.db
      .updateTable('accounts')
      .set({ disabled_at: null })
      .where('id', '=', member.accountId)
      .execute();
    const stillRevoked = await app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      headers: member.headers,
    });
    expect(stillRevoked.statusCode).toBe(401);
  });

  test('members, moderators, experts and partners cannot change accounts; nobody sees another account', async () => {
    const member = await signUp(app);
    const moderator = await signUp(app, { roles: ['moderator', 'expert'] });
    const partner = await createPartner(app);
    for (const headers of [member.headers, moderator.headers]) {
      const response = await patch(moderator.accountId, headers, { accountRoles: ['admin'] });
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain(moderator.email);
      // Self-promotion is refused like any other change.
      expect((await patch(member.accountId, headers, { accountRoles: ['admin'] })).statusCode).toBe(403);
    }
    expect(
      (await patch(member.accountId, { authorization: `Bearer ${partner.secretKey}` }, { disabled: true }))
        .statusCode,
    ).toBe(401);
    expect((await patch(member.accountId, {}, { disabled: true })).statusCode).toBe(401);
    const account = await app.db
      .selectFrom('accounts')
      .select(['roles', 'disabled_at'])
      .where('id', '=', member.accountId)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ roles: ['member'], disabled_at: null });
  });

  test('unknown account 404; invalid roles 422; an admin cannot demote or disable themself', async () => {
    const admin = await signUp(app, { roles: ['admin'] });
    expect((await patch('no-such-account', admin.headers, { disabled: true })).statusCode).toBe(404);
    const invalid = await patch(admin.accountId, admin.headers, { accountRoles: ['superuser'] });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0].path).toBe('accountRoles.0');
    expect((await patch(admin.accountId, admin.headers, { accountRoles: ['expert'] })).statusCode).toBe(409);
    expect((await patch(admin.accountId, admin.headers, { disabled: true })).statusCode).toBe(409);
    expect(
      (await patch(admin.accountId, admin.headers, { accountRoles: ['admin', 'expert'] })).statusCode,
    ).toBe(200);
  });

  test('the bootstrap admin is created, then updated on the next start', async () => {
    const { bootstrapAdmin } = await import('../identity/bootstrap-admin');
    const first = await bootstrapAdmin(app.db, {
      email: 'root@example.org',
      password: 'first admin password',
    });
    const second = await bootstrapAdmin(app.db, {
      email: 'ROOT@example.org',
      password: 'second admin password',
    });
    expect(second).toBe(first);
    const login = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'root@example.org', password: 'second admin password' },
    });
    expect(login.statusCode).toBe(200);
    const account = await app.db
      .selectFrom('accounts')
      .select('roles')
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    expect(account.roles).toContain('admin');
  });

  test('instances starting together create the bootstrap admin once', async () => {
    const { bootstrapAdmin } = await import('../identity/bootstrap-admin');
    const admin = { email: 'together@example.org', password: 'an admin password for all' };
    const ids = await Promise.all(Array.from({ length: 4 }, () => bootstrapAdmin(app.db, admin)));
    expect(new Set(ids).size).toBe(1);
    const accounts = await app.db
      .selectFrom('accounts')
      .select('id')
      .where('email_normalized', '=', admin.email)
      .execute();
    expect(accounts).toEqual([{ id: ids[0] }]);
  });
});
