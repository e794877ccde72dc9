import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  createPartner,
  createTestServer,
  databases,
  type SignedUp,
  signUp,
  ssoSignIn,
  type TestPartner,
  type TestServer,
  whileAuditWriteIsSlow,
} from '../test-support/index';

/** A cheap public read that checks the credentials it is sent (probes like /health never read them). */
const PUBLIC_READ = '/v1/organizations/itu';

describe.each(databases())('partners and keys on $kind', ({ kind }) => {
  let app: TestServer;
  let admin: SignedUp;
  beforeAll(async () => {
    app = await createTestServer({ kind });
  });
  beforeEach(async () => {
    await app.reset();
    admin = await signUp(app, { roles: ['admin'] });
  });
  afterAll(() => app?.dispose());

  async function createPartnerThroughApi(name = 'IEC website') {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/partners',
      headers: admin.headers,
      payload: { name },
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; name: string };
  }

  async function createKey(partnerId: string, payload: Record<string, unknown>) {
    return app.inject({
      method: 'POST',
      url: `/v1/partners/${partnerId}/keys`,
      headers: admin.headers,
      payload,
    });
  }

  /** `POST /v1/sso/tokens` with a secret key, answered as it comes (`ssoSignIn` throws on non-201). */
  function ssoAttempt(secretKey: string, externalUserId = 'u1', headers: Record<string, string> = {}) {
    return app.inject({
      method: 'POST',
      url: '/v1/sso/tokens',
      headers: { authorization: `Bearer ${secretKey}`, ...headers },
      payload: {
        externalUserId,
        email: `${externalUserId}@partner.example.org`,
        displayName: `Partner user ${externalUserId}`,
      },
    });
  }

  /**
   * An SSO sign-in with the partner's secret key, made while `cutOff` (audited as `action`) holds
   * its transaction open 400 ms after cutting the partner off: the sign-in must get 401, and no
   * token of the partner may be left live.
   */
  async function expectRacingSignInRefused(
    partner: TestPartner,
    action: string,
    cutOff: () => Promise<{ statusCode: number; body: string }>,
  ) {
    const { slow, attempted } = await whileAuditWriteIsSlow(app.db, `new.action = '${action}'`, cutOff, () =>
      ssoAttempt(partner.secretKey, 'racer'),
    );
    expect(slow.statusCode, slow.body).toBeLessThan(300);
    expect(attempted.statusCode, attempted.body).toBe(401);
    const live = await app.db
      .selectFrom('sessions')
      .select('id')
      .where('partner_id', '=', partner.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toEqual([]);
  }

  test('an admin creates a partner, a publishable and a secret key; keys are shown once and stored hashed', async () => {
    const partner = await createPartnerThroughApi();
    expect(partner).toMatchObject({ name: 'IEC website', disabled: false, organizationId: null });

    const publishable = await createKey(partner.id, {
      kind: 'publishable',
      allowedOrigins: ['https://www.iec.ch'],
    });
    expect(publishable.statusCode).toBe(201);
    expect(publishable.json().key).toMatch(/^pk_live_[A-Za-z0-9]{40}$/);
    expect(publishable.headers['cache-control']).toBe('no-store');
    const secret = await createKey(partner.id, { kind: 'secret', scopes: ['sso', 'webhooks'] });
    expect(secret.json()).toMatchObject({ kind: 'secret', scopes: ['sso', 'webhooks'], allowedOrigins: [] });
    expect(secret.json().key).toMatch(/^sk_live_/);

    const listed = await app.inject({
      method: 'GET',
      url: `/v1/partners/${partner.id}/keys`,
      headers: admin.headers,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(secret.json().key);
    expect(listed.body).not.toContain(publishable.json().key);
    expect(listed.json().data.map((key: { prefix: string }) => key.prefix)).toEqual([
      publishable.json().key.slice(0, 12),
      secret.json().key.slice(0, 12),
    ]);
    const rows = await app.db.selectFrom('partner_keys').select('token_hash').execute();
    for (const row of rows) expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const all = await app.inject({ method: 'GET', url: '/v1/partners?limit=1', headers: admin.headers });
    expect(all.json().data).toHaveLength(1);
  });

  test('a publishable key needs an allowed origin; origins must be bare origins', async () => {
    const partner = await createPartnerThroughApi();
    const missing = await createKey(partner.id, { kind: 'publishable' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].path).toBe('allowedOrigins');
    const withPath = await createKey(partner.id, {
      kind: 'publishable',
      allowedOrigins: ['https://www.iec.ch/path'],
    });
    expect(withPath.statusCode).toBe(422);
  });

  test('admin routes: 401 signed out, 403 for members and for secret keys, 404 for unknown partners', async () => {
    const member = await signUp(app);
    const partner = await createPartner(app);
    const attempts = [
      { method: 'GET' as const, url: '/v1/partners' },
      { method: 'POST' as const, url: '/v1/partners', payload: { name: 'x' } },
      { method: 'POST' as const, url: `/v1/partners/${partner.id}/keys`, payload: { kind: 'secret' } },
      { method: 'DELETE' as const, url: `/v1/partners/${partner.id}/keys/${partner.secretKeyId}` },
      { method: 'PATCH' as const, url: `/v1/partners/${partner.id}`, payload: { disabled: true } },
    ];
    for (const attempt of attempts) {
      expect((await app.inject(attempt)).statusCode, `${attempt.method} ${attempt.url}`).toBe(401);
      const asMember = await app.inject({ ...attempt, headers: member.headers });
      expect(asMember.statusCode, `${attempt.method} ${attempt.url}`).toBe(403);
      // A partner's own secret key cannot administer partners: that would let an sso-only key mint broader keys.
      const asPartner = await app.inject({
        ...attempt,
        headers: { authorization: `Bearer ${partner.secretKey}` },
      });
      expect(asPartner.statusCode, `${attempt.method} ${attempt.url}`).toBe(401);
    }
    const unknown = await createKey('no-such-partner', { kind: 'secret' });
    expect(unknown.statusCode).toBe(404);
    const unknownGet = await app.inject({
      method: 'GET',
      url: '/v1/partners/no-such-partner',
      headers: admin.headers,
    });
    expect(unknownGet.statusCode).toBe(404);
  });

  test("revoking through another partner's path is 404 and leaves the key working", async () => {
    const first = await createPartner(app);
    const second = await createPartner(app);
    const crossed = await app.inject({
      method: 'DELETE',
      url: `/v1/partners/${second.id}/keys/${first.secretKeyId}`,
      headers: admin.headers,
    });
    expect(crossed.statusCode).toBe(404);
    const stillWorks = await ssoAttempt(first.secretKey);
    expect(stillWorks.statusCode).toBe(201);
  });

  test('rotation: a new secret key works, the revoked one is 401 at once', async () => {
    const partner = await createPartner(app);
    const rotated = await createKey(partner.id, { kind: 'secret', scopes: ['sso'] });
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/v1/partners/${partner.id}/keys/${partner.secretKeyId}`,
      headers: admin.headers,
    });
    expect(revoke.statusCode).toBe(204);
    const again = await app.inject({
      method: 'DELETE',
      url: `/v1/partners/${partner.id}/keys/${partner.secretKeyId}`,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(404);
    expect((await ssoAttempt(partner.secretKey)).statusCode).toBe(401);
    expect((await ssoAttempt(rotated.json().key)).statusCode).toBe(201);
    const audit = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'partner_key.revoked')
      .execute();
    expect(audit).toHaveLength(1);
  });

  test("revoking a secret key ends the SSO tokens it issued at once, not the other key's", async () => {
    const partner = await createPartner(app);
    const other = (await createKey(partner.id, { kind: 'secret', scopes: ['sso'] })).json() as {
      key: string;
    };
    const fromRevoked = await ssoSignIn(app, partner, { externalUserId: 'u1' });
    const fromOther = await ssoSignIn(app, { ...partner, secretKey: other.key }, { externalUserId: 'u2' });
    const me = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/v1/me', headers });
    expect((await me(fromRevoked.headers)).statusCode).toBe(200);

    const revoke = await app.inject({
      method: 'DELETE',
      url: `/v1/partners/${partner.id}/keys/${partner.secretKeyId}`,
      headers: admin.headers,
    });
    expect(revoke.statusCode).toBe(204);
    const refused = await me(fromRevoked.headers);
    expect(refused.statusCode).toBe(401);
    const write = await app.inject({
      method: 'POST',
      url: '/v1/pain-points',
      headers: fromRevoked.headers,
      payload: {
        title: { en: 'Written with a token of a revoked key' },
        description: { en: 'x'.repeat(30) },
        domain: 'water',
        severity: 'low',
      },
    });
    expect(write.statusCode).toBe(401);
    expect((await me(fromOther.headers)).statusCode).toBe(200);
    // The member's own sign-in is not the partner's to end.
    const login = await app.inject({ method: 'GET', url: '/v1/me', headers: admin.headers });
    expect(login.statusCode).toBe(200);
  });

  test('an SSO sign-in racing the revocation of its key gets no token that outlives the key', async () => {
    const partner = await createPartner(app);
    await expectRacingSignInRefused(partner, 'partner_key.revoked', () =>
      app.inject({
        method: 'DELETE',
        url: `/v1/partners/${partner.id}/keys/${partner.secretKeyId}`,
        headers: admin.headers,
      }),
    );
  });

  test('a publishable key works from its allowed origin, is 403 from another, 401 once revoked', async () => {
    const partner = await createPartner(app, { origin: 'https://www.iso.org' });
    const read = (origin: string, key = partner.publishableKey) =>
      app.inject({ method: 'GET', url: PUBLIC_READ, headers: { origin, 'x-wsc-publishable-key': key } });
    const allowed = await read('https://www.iso.org');
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://www.iso.org');
    const foreign = await read('https://evil.example');
    expect(foreign.statusCode).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    expect(foreign.json().type).toContain('origin-not-allowed');
    const viaQuery = await app.inject({
      method: 'GET',
      url: `${PUBLIC_READ}?key=${partner.publishableKey}`,
      headers: { origin: 'https://evil.example' },
    });
    expect(viaQuery.statusCode).toBe(403);
    await app.inject({
      method: 'DELETE',
      url: `/v1/partners/${partner.id}/keys/${partner.publishableKeyId}`,
      headers: admin.headers,
    });
    expect((await read('https://www.iso.org')).statusCode).toBe(401);
  });

  test('a secret key is refused whenever the request carries an Origin header', async () => {
    const partner = await createPartner(app);
    const response = await ssoAttempt(partner.secretKey, 'u1', { origin: partner.origin });
    expect(response.statusCode).toBe(403);
    expect(response.json().type).toContain('secret-key-in-browser');
    expect(response.body).not.toContain(partner.secretKey);
  });

  test('an admin disables a partner: its keys, origin and SSO tokens stop at once; enabling brings back the keys, not the tokens', async () => {
    const partner = await createPartner(app, { origin: 'https://www.itu.int' });
    const sso = await ssoSignIn(app, partner, { externalUserId: 'u1' });
    const me = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/v1/me', headers });
    const fromSite = () =>
      app.inject({
        method: 'GET',
        url: PUBLIC_READ,
        headers: { origin: partner.origin, 'x-wsc-publishable-key': partner.publishableKey },
      });
    const preflight = () =>
      app.inject({
        method: 'OPTIONS',
        url: '/v1/me',
        headers: {
          origin: partner.origin,
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': 'authorization',
        },
      });
    const signIn = (externalUserId: string) => ssoAttempt(partner.secretKey, externalUserId);
    const patch = (payload: Record<string, unknown>, id = partner.id) =>
      app.inject({ method: 'PATCH', url: `/v1/partners/${id}`, headers: admin.headers, payload });
    expect((await me(sso.headers)).statusCode).toBe(200);
    expect((await fromSite()).statusCode).toBe(200);
    expect((await preflight()).headers['access-control-allow-origin']).toBe(partner.origin);

    const disabled = await patch({ disabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toMatchObject({ id: partner.id, name: partner.name, disabled: true });
    expect((await fromSite()).statusCode).toBe(401);
    expect((await signIn('u2')).statusCode).toBe(401);
    expect((await me(sso.headers)).statusCode).toBe(401);
    expect((await preflight()).headers['access-control-allow-origin']).toBeUndefined();
    // The admin's own sign-in is not the partner's.
    expect((await me(admin.headers)).statusCode).toBe(200);
    // Disabling twice keeps the first moment.
    const firstMoment = await app.db.selectFrom('partners').select('disabled_at').executeTakeFirstOrThrow();
    expect((await patch({ disabled: true })).statusCode).toBe(200);
    expect(await app.db.selectFrom('partners').select('disabled_at').executeTakeFirstOrThrow()).toEqual(
      firstMoment,
    );

    const enabled = await patch({ disabled: false, name: 'ITU website' });
    expect(enabled.statusCode, enabled.body).toBe(200);
    expect(enabled.json()).toMatchObject({ name: 'ITU website', disabled: false });
    expect((await fromSite()).statusCode).toBe(200);
    expect((await signIn('u3')).statusCode).toBe(201);
    expect((await me(sso.headers)).statusCode).toBe(401);

    const audit = await app.db
      .selectFrom('audit_log')
      .select(['actor_id', 'subject_id', 'data'])
      .where('action', '=', 'partner.updated')
      .orderBy('at')
      .execute();
    expect(audit.map((entry) => entry.data)).toEqual([
      { name: { from: partner.name, to: partner.name }, disabled: { from: false, to: true } },
      { name: { from: partner.name, to: partner.name }, disabled: { from: true, to: true } },
      { name: { from: partner.name, to: 'ITU website' }, disabled: { from: true, to: false } },
    ]);
    expect(
      audit.every((entry) => entry.actor_id === admin.accountId && entry.subject_id === partner.id),
    ).toBe(true);
  });

  test('an expired key is refused everywhere: requests, CORS preflights and SSO sign-ins', async () => {
    const partner = await createPartner(app, { origin: 'https://www.iec.ch' });
    await app.db
      .updateTable('partner_keys')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const fromSite = await app.inject({
      method: 'GET',
      url: PUBLIC_READ,
      headers: { origin: partner.origin, 'x-wsc-publishable-key': partner.publishableKey },
    });
    expect(fromSite.statusCode).toBe(401);
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/v1/me',
      headers: {
        origin: partner.origin,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const signIn = await ssoAttempt(partner.secretKey, 'late');
    expect(signIn.statusCode).toBe(401);
  });

  test('a partner update names the bad field, refuses an empty change and an unknown partner, and writes nothing', async () => {
    const partner = await createPartner(app);
    const patch = (payload: unknown, id = partner.id) =>
      app.inject({
        method: 'PATCH',
        url: `/v1/partners/${id}`,
        headers: admin.headers,
        payload: payload as object,
      });
    const notBoolean = await patch({ disabled: 'yes' });
    expect(notBoolean.statusCode).toBe(422);
    expect(notBoolean.json().errors[0].path).toBe('disabled');
    const blank = await patch({ name: '  ' });
    expect(blank.json().errors[0].path).toBe('name');
    const misspelt = await patch({ enabled: false });
    expect(misspelt.statusCode).toBe(422);
    expect(misspelt.json().type).toContain('validation-failed');
    const unknown = await patch({ disabled: true }, '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const row = await app.db.selectFrom('partners').select(['name', 'disabled_at']).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: partner.name, disabled_at: null });
    const audit = await app.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'partner.updated')
      .execute();
    expect(audit).toEqual([]);
  });

  test('an SSO sign-in racing the disabling of its partner gets no token that outlives the disabling', async () => {
    const partner = await createPartner(app);
    await expectRacingSignInRefused(partner, 'partner.updated', () =>
      app.inject({
        method: 'PATCH',
        url: `/v1/partners/${partner.id}`,
        headers: admin.headers,
        payload: { disabled: true },
      }),
    );
  });
});
