import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  createPartner,
  createTestServer,
  databases,
  type SignedUp,
  signUp,
  type TestPartner,
  type TestServer,
} from '../test-support/index';

/** Writes anyone may make without signing in; every other write needs a credential. */
const PUBLIC_WRITES = new Set([
  'POST /v1/auth/signup',
  'POST /v1/auth/login',
  // The token from the mail is the credential; a reset is asked for while signed out.
  'POST /v1/auth/email-confirmations/complete',
  'POST /v1/auth/password-resets',
  'POST /v1/auth/password-resets/complete',
  // One-click unsubscribe (RFC 8058): the signed token in the mail's link is the credential.
  'POST /v1/unsubscribe',
  'POST /v1/events/:id/eligibility',
  'POST /v1/events/:id/registrations',
]);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A route's URL with its path parameters filled with fresh ids (the check runs before any lookup). */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, () => randomUUID());
}

describe.each(databases())('route access on $kind', ({ kind }) => {
  let app: TestServer;
  let member: SignedUp;
  let partner: TestPartner;
  beforeAll(async () => {
    app = await createTestServer({ kind });
  });
  beforeEach(async () => {
    await app.reset();
    member = await signUp(app);
    partner = await createPartner(app, { scopes: ['content:read'] });
  });
  afterAll(() => app?.dispose());

  test('every non-public write answers a signed-out caller 401 before reading its body', async () => {
    const writes = app.routeInventory.filter(
      (route) => WRITE_METHODS.has(route.method) && route.url.startsWith('/v1/'),
    );
    expect(writes.length).toBeGreaterThan(30);
    for (const route of writes) {
      const name = `${route.method} ${route.url}`;
      // An empty object fails every body schema that has a required field; broken JSON fails all.
      for (const payload of ['{}', '{"broken"']) {
        const response = await app.inject({
          method: route.method as 'POST',
          url: concrete(route.url),
          headers: { 'content-type': 'application/json' },
          payload,
        });
        if (PUBLIC_WRITES.has(name)) {
          // They read their body first (a registration without newcomer details then asks to sign in).
          if (payload === '{"broken"') expect(response.statusCode, name).toBe(400);
        } else {
          expect(response.statusCode, `${name} ${payload}`).toBe(401);
          expect(response.headers['www-authenticate'], name).toBe('Bearer');
        }
      }
    }
  });

  test('a member without the role gets 403 before field errors; a wrong credential kind gets 401', async () => {
    const cases: [string, string, Record<string, string>, number, string][] = [
      ['PATCH', `/v1/accounts/${member.accountId}`, member.headers, 403, 'role-required'],
      ['POST', '/v1/partners', member.headers, 403, 'role-required'],
      ['POST', `/v1/pain-points/${randomUUID()}/standards`, member.headers, 403, 'role-required'],
      ['POST', `/v1/comments/${randomUUID()}/hide`, member.headers, 403, 'role-required'],
      // A session token is not a secret key, and a key without the scope is refused.
      ['POST', '/v1/webhook-endpoints', member.headers, 401, 'secret-key-required'],
      ['POST', '/v1/sso/tokens', { authorization: `Bearer ${partner.secretKey}` }, 403, 'scope-required'],
      [
        'POST',
        '/v1/pain-points',
        { authorization: `Bearer ${partner.secretKey}` },
        401,
        'authentication-required',
      ],
    ];
    for (const [method, url, headers, status, type] of cases) {
      const response = await app.inject({
        method: method as 'POST',
        url,
        headers: { ...headers, 'content-type': 'application/json' },
        payload: '{}',
      });
      expect(response.statusCode, `${method} ${url}`).toBe(status);
      expect(response.json().type, `${method} ${url}`).toContain(type);
    }
  });

  test('a member with a bad body still gets the field errors', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/pain-points',
      headers: member.headers,
      payload: { title: { en: 'x' } },
    });
    expect(response.statusCode).toBe(422);
    expect(JSON.stringify(response.json())).toContain('domain');
  });

  test('/openapi.json puts a lock on exactly the routes with an access rule', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const paths = document.paths as Record<string, Record<string, { security?: unknown }>>;
    const member = [{ userToken: [] }, { userToken: [], publishableKey: [] }];
    expect(paths['/v1/pain-points']?.post?.security).toEqual(member);
    expect(paths['/v1/partners/{id}/keys']?.post?.security).toEqual(member);
    expect(paths['/v1/webhook-endpoints']?.get?.security).toEqual([{ secretKey: [] }]);
    // Public routes keep the document's default (anonymous, a token or a publishable key).
    expect(paths['/v1/pain-points']?.get?.security).toBeUndefined();
    expect(paths['/v1/auth/signup']?.post?.security).toBeUndefined();
    expect(document.security).toContainEqual({});
  });
});
