import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createPartner, createTestServer, databases, signUp, type TestServer } from '../test-support/index';

describe.each(databases())('auth on $kind', ({ kind }) => {
  let app: TestServer;
  beforeAll(async () => {
    app = await createTestServer({ kind });
  });
  beforeEach(() => app.reset());
  afterAll(() => app?.dispose());

  const logout = (token: string) =>
    app.inject({ method: 'POST', url: '/v1/auth/logout', headers: { authorization: `Bearer ${token}` } });

  test('sign-up answers a session token and creates the public profile', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/auth/signup',
      payload: {
        email: 'Ada@Example.org',
        password: 'a long enough password',
        displayName: ' Ada ',
        role: 'urban-planner',
      },
    });
    expect(response.statusCode).toBe(201);
    // The answer carries a bearer token: never cached.
    expect(response.headers['cache-control']).toBe('no-store');
    const session = response.json();
    expect(session.token).toMatch(/^wsc_ses_[A-Za-z0-9]{40}$/);
    expect(session.tokenType).toBe('Bearer');
    expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    const profile = await app.db
      .selectFrom('stakeholders')
      .selectAll()
      .where('id', '=', session.accountId)
      .executeTakeFirst();
    expect(profile).toMatchObject({ display_name: 'Ada', role: 'urban-planner' });
    const stored = await app.db.selectFrom('sessions').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(session.token);
    const account = await app.db.selectFrom('accounts').selectAll().executeTakeFirstOrThrow();
    expect(account.password_hash).toMatch(/^scrypt\$/);
    expect(account.roles).toEqual(['member']);
  });

  test('a second sign-up with the same e-mail, in any case, is 409', async () => {
    await signUp(app, { email: 'grace@example.org' });
    const response = await app.inject({
      method: 'POST',
      url: '/v1/auth/signup',
      payload: {
        email: 'GRACE@example.org',
        password: 'another long password',
        displayName: 'G',
        role: 'designer',
      },
    });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      status: 409,
      type: 'https://worldsmartcity.org/problems/email-taken',
    });
  });

  test('login with the right password answers a new token; a wrong one is 401 like an unknown e-mail', async () => {
    const member = await signUp(app, { email: 'lin@example.org', password: 'the right password' });
    const ok = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'LIN@example.org', password: 'the right password' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.json().accountId).toBe(member.accountId);
    expect(ok.json().token).not.toBe(member.token);

    const wrong = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'lin@example.org', password: 'the wrong password' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'nobody@example.org', password: 'the wrong password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().title).toBe(unknown.json().title);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  test('logout revokes exactly the token it was called with', async () => {
    const member = await signUp(app);
    const second = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: member.email, password: member.password },
    });
    expect((await logout(member.token)).statusCode).toBe(204);
    expect((await logout(member.token)).statusCode).toBe(401);
    expect((await logout(second.json().token)).statusCode).toBe(204);
  });

  test("logging out never touches another member's session", async () => {
    const first = await signUp(app);
    const second = await signUp(app);
    expect((await logout(first.token)).statusCode).toBe(204);
    expect((await logout(second.token)).statusCode).toBe(204);
    expect((await logout(first.token)).statusCode).toBe(401);
  });

  test('sign-up through a partner records the partner; a foreign origin with its key is refused', async () => {
    const partner = await createPartner(app, { origin: 'https://www.iec.ch' });
    const viaPartner = await signUp(app, {
      headers: { origin: 'https://www.iec.ch', 'x-wsc-publishable-key': partner.publishableKey },
    });
    const profile = await app.db
      .selectFrom('stakeholders')
      .select('partner_id')
      .where('id', '=', viaPartner.accountId)
      .executeTakeFirstOrThrow();
    expect(profile.partner_id).toBe(partner.id);
    const foreign = await app.inject({
      method: 'POST',
      url: '/v1/auth/signup',
      headers: { origin: 'https://evil.example', 'x-wsc-publishable-key': partner.publishableKey },
      payload: {
        email: 'phished@example.org',
        password: 'a long enough password',
        displayName: 'P',
        role: 'citizen',
      },
    });
    expect(foreign.statusCode).toBe(403);
    const created = await app.db
      .selectFrom('accounts')
      .select('id')
      .where('email_normalized', '=', 'phished@example.org')
      .execute();
    expect(created).toEqual([]);
  });

  test('an expired session is refused with 401 and WWW-Authenticate', async () => {
    const member = await signUp(app);
    await app.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const response = await logout(member.token);
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toContain('invalid_token');
  });

  test('tokens that are not ours, or malformed Authorization headers, are 401', async () => {
    for (const authorization of ['Bearer wsc_ses_doesnotexist', 'Bearer nonsense', 'Basic abc', 'Bearer']) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/auth/logout',
        headers: { authorization },
      });
      expect(response.statusCode, authorization).toBe(401);
    }
  });

  test('logout without a token is 401', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/auth/logout' });
    expect(response.statusCode).toBe(401);
    expect(response.json().type).toBe('https://worldsmartcity.org/problems/authentication-required');
  });

  test('a disabled account cannot log in and its tokens stop working', async () => {
    const member = await signUp(app);
    await app.db.updateTable('accounts').set({ disabled_at: new Date() }).execute();
    expect((await logout(member.token)).statusCode).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: member.email, password: member.password },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().type).toContain('account-disabled');
  });

  test('invalid sign-up fields are 422 with every failing path', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/auth/signup',
      payload: { email: 'not-an-email', password: 'short', displayName: '', role: 'wizard', unknownField: 1 },
    });
    expect(response.statusCode).toBe(422);
    const paths = response
      .json()
      .errors.map((error: { path: string }) => error.path)
      .sort();
    expect(paths).toEqual(['displayName', 'email', 'password', 'role']);
  });

  test('unknown fields are ignored, never stored', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/auth/signup',
      payload: {
        email: 'mallory@example.org',
        password: 'a long enough password',
        displayName: 'Mallory',
        role: 'citizen',
        roles: ['admin'],
        accountRoles: ['admin'],
      },
    });
    expect(response.statusCode).toBe(201);
    const account = await app.db.selectFrom('accounts').select('roles').executeTakeFirstOrThrow();
    expect(account.roles).toEqual(['member']);
  });
});
