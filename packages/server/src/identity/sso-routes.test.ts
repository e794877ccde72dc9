import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  createPartner,
  createTestServer,
  databases,
  signUp,
  ssoSignIn,
  type TestServer,
} from '../test-support/index';

describe.each(databases())('partner single sign-on on $kind', ({ kind }) => {
  let app: TestServer;
  beforeAll(async () => {
    app = await createTestServer({ kind });
  });
  beforeEach(() => app.reset());
  afterAll(() => app?.dispose());

  const user = { externalUserId: 'iec-4711', email: 'wei@example.cn', displayName: '王伟' };

  test('a secret key exchanges its user for a short-lived token linked to one community account', async () => {
    const partner = await createPartner(app);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/sso/tokens',
      headers: { authorization: `Bearer ${partner.secretKey}` },
      payload: { ...user, role: 'city-leader', ttlSeconds: 600 },
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const token = response.json();
    expect(token.token).toMatch(/^wsc_sso_/);
    expect(token.partnerId).toBe(partner.id);
    const lifetime = new Date(token.expiresAt).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(590_000);
    expect(lifetime).toBeLessThanOrEqual(600_000);

    const profile = await app.db
      .selectFrom('stakeholders')
      .selectAll()
      .where('id', '=', token.stakeholderId)
      .executeTakeFirstOrThrow();
    expect(profile).toMatchObject({ display_name: '王伟', role: 'city-leader', partner_id: partner.id });

    const again = await ssoSignIn(app, partner, { ...user, displayName: 'Wang Wei' });
    expect(again.stakeholderId).toBe(token.stakeholderId);
    const renamed = await app.db
      .selectFrom('stakeholders')
      .select('display_name')
      .where('id', '=', token.stakeholderId)
      .executeTakeFirstOrThrow();
    expect(renamed.display_name).toBe('Wang Wei');

    // The user token acts as the member (logout needs a member), and is revocable.
    const logout = await app.inject({ method: 'POST', url: '/v1/auth/logout', headers: again.headers });
    expect(logout.statusCode).toBe(204);
  });

  test('a user’s first sign-in asked for 10 times at once (a page with several widgets): one account, 10 tokens', async () => {
    const partner = await createPartner(app);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        app.inject({
          method: 'POST',
          url: '/v1/sso/tokens',
          headers: { authorization: `Bearer ${partner.secretKey}` },
          payload: user,
        }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(10).fill(201));
    const stakeholderIds = new Set(answers.map((answer) => answer.json().stakeholderId));
    expect(stakeholderIds.size).toBe(1);
    const links = await app.db
      .selectFrom('partner_identities')
      .select('account_id')
      .where('partner_id', '=', partner.id)
      .execute();
    expect(links.map((link) => link.account_id)).toEqual([...stakeholderIds]);
    const accounts = await app.db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', user.email)
      .execute();
    expect(accounts).toHaveLength(1);
  });

  test('a disabled account gets 403 and no token, and its profile is left as it was', async () => {
    const partner = await createPartner(app);
    const first = await ssoSignIn(app, partner, user);
    await app.db
      .updateTable('accounts')
      .set({ disabled_at: new Date() })
      .where('id', '=', first.stakeholderId)
      .execute();
    const tokensBefore = await app.db.selectFrom('sessions').select('id').execute();
    const refused = await app.inject({
      method: 'POST',
      url: '/v1/sso/tokens',
      headers: { authorization: `Bearer ${partner.secretKey}` },
      payload: { ...user, displayName: 'Renamed while disabled' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().type).toContain('account-disabled');
    expect(await app.db.selectFrom('sessions').select('id').execute()).toEqual(tokensBefore);
    const profile = await app.db
      .selectFrom('stakeholders')
      .select('display_name')
      .where('id', '=', first.stakeholderId)
      .executeTakeFirstOrThrow();
    expect(profile.display_name).toBe(user.displayName);
  });

  test('the same external id at two partners is two accounts; an e-mail never links to an existing member', async () => {
    const first = await createPartner(app);
    const second = await createPartner(app);
    const member = await signUp(app, { email: user.email });
    const atFirst = await ssoSignIn(app, first, user);
    const atSecond = await ssoSignIn(app, second, user);
    expect(atFirst.stakeholderId).not.toBe(atSecond.stakeholderId);
    expect(atFirst.stakeholderId).not.toBe(member.accountId);
    // The member's own password login is untouched.
    const login = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: user.email, password: member.password },
    });
    expect(login.json().accountId).toBe(member.accountId);
  });

  test('an SSO-only account has no password to log in with', async () => {
    const partner = await createPartner(app);
    await ssoSignIn(app, partner, user);
    const login = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: user.email, password: 'x' },
    });
    expect(login.statusCode).toBe(401);
  });

  test('refused: without a secret key, with a publishable key, without the sso scope, from a browser', async () => {
    const partner = await createPartner(app);
    const narrow = await createPartner(app, { scopes: ['webhooks'] });
    const attempt = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/v1/sso/tokens', headers, payload: user });
    expect((await attempt({})).statusCode).toBe(401);
    expect((await attempt({ 'x-wsc-publishable-key': partner.publishableKey })).statusCode).toBe(401);
    expect((await attempt({ authorization: `Bearer ${partner.publishableKey}` })).statusCode).toBe(401);
    expect((await attempt({ authorization: `Bearer ${narrow.secretKey}` })).statusCode).toBe(403);
    const member = await signUp(app);
    expect((await attempt(member.headers)).statusCode).toBe(401);
    expect(
      (await attempt({ authorization: `Bearer ${partner.secretKey}`, origin: 'https://partner.example' }))
        .statusCode,
    ).toBe(403);
  });

  test('an SSO token expires', async () => {
    const partner = await createPartner(app);
    const token = await ssoSignIn(app, partner, user);
    await app.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1) })
      .where('kind', '=', 'sso')
      .execute();
    const response = await app.inject({ method: 'POST', url: '/v1/auth/logout', headers: token.headers });
    expect(response.statusCode).toBe(401);
  });
});
