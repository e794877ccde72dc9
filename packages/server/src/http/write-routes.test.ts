import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { quickMember } from '../community/fixtures';
import { createPartner, createTestServer, databases, type TestServer } from '../test-support';

/**
 * Every documented write route, two promises of the HTTP contract: a body that is not JSON is
 * 415 (a problem naming what was sent), and the caller's access is checked before the body is
 * read, so a signed-out or wrong-role caller with a broken body learns that first (401, 403).
 */

type Access = 'public' | 'member' | 'admin' | 'moderator' | 'expert' | 'secret key';

/** Who may call each write route. A new write route fails the test until it is listed here. */
const WRITE_ROUTES: Record<string, Access> = {
  'POST /v1/auth/signup': 'public',
  'POST /v1/auth/login': 'public',
  'POST /v1/auth/logout': 'member',
  'POST /v1/auth/email-confirmations': 'member',
  'POST /v1/auth/email-confirmations/complete': 'public',
  'POST /v1/auth/password-resets': 'public',
  'POST /v1/auth/password-resets/complete': 'public',
  'POST /v1/sso/tokens': 'secret key',
  'POST /v1/partners': 'admin',
  'PATCH /v1/partners/{id}': 'admin',
  'PUT /v1/partners/me/mail-policy': 'secret key',
  'PUT /v1/partners/me/account-page': 'secret key',
  'POST /v1/partners/{id}/keys': 'admin',
  'DELETE /v1/partners/{id}/keys/{keyId}': 'admin',
  'POST /v1/partners/{id}/sso-accounts/suspension': 'admin',
  'DELETE /v1/partners/{id}/sso-accounts/suspension': 'admin',
  'PATCH /v1/accounts/{id}': 'admin',
  'PATCH /v1/me': 'member',
  'PATCH /v1/me/notification-preferences': 'member',
  // RFC 8058 one-click: the signed token in the link is the credential.
  'POST /v1/unsubscribe': 'public',
  'DELETE /v1/me': 'member',
  'DELETE /v1/me/memberships/{organizationId}': 'member',
  'PATCH /v1/organizations/{id}': 'admin',
  // Managers of the organization decide; who manages is checked against the record.
  'PATCH /v1/organizations/{id}/memberships/{accountId}': 'member',
  'POST /v1/organizations/{id}/membership-requests': 'member',
  'POST /v1/pain-points': 'member',
  'PATCH /v1/pain-points/{id}': 'member',
  'POST /v1/pain-points/{id}/status': 'member',
  'POST /v1/pain-points/{id}/lock': 'moderator',
  'POST /v1/pain-points/{id}/unlock': 'moderator',
  'PUT /v1/pain-points/{id}/vote': 'member',
  'DELETE /v1/pain-points/{id}/vote': 'member',
  'POST /v1/pain-points/{id}/comments': 'member',
  'PATCH /v1/comments/{id}': 'member',
  'POST /v1/comments/{id}/reports': 'member',
  'POST /v1/comments/{id}/hide': 'moderator',
  'POST /v1/comments/{id}/restore': 'moderator',
  'POST /v1/pain-points/{id}/standards': 'expert',
  'POST /v1/pain-points/{id}/standards/{standardId}/note/hide': 'moderator',
  'POST /v1/pain-points/{id}/standards/{standardId}/note/restore': 'moderator',
  'POST /v1/events': 'member',
  'PATCH /v1/events/{id}': 'member',
  'POST /v1/events/{id}/sessions': 'member',
  'PATCH /v1/events/{id}/sessions/{sessionId}': 'member',
  // Anyone may check eligibility; signed out, a registration carries `join` (sign-up and register).
  'POST /v1/events/{id}/eligibility': 'public',
  'POST /v1/events/{id}/registrations': 'public',
  'DELETE /v1/events/{id}/registrations/me': 'member',
  'POST /v1/events/{id}/imports': 'member',
  'POST /v1/webhook-endpoints': 'secret key',
  'DELETE /v1/webhook-endpoints/{id}': 'secret key',
  'POST /v1/webhook-endpoints/{id}/rotate-secret': 'secret key',
  'POST /v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver': 'secret key',
};

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** Bodies that are not JSON: the Content-Type sent (none for the last) and the body. */
const NOT_JSON: { contentType: string | undefined; body: string | Buffer }[] = [
  { contentType: 'text/plain', body: '{"title":{"en":"Flooded underpasses"}}' },
  { contentType: 'text/plain; charset=utf-8', body: 'hello' },
  { contentType: 'application/x-www-form-urlencoded', body: 'title=Flooded&domain=water' },
  { contentType: 'multipart/form-data; boundary=x', body: '--x\r\n\r\nhello\r\n--x--' },
  { contentType: 'application/xml', body: '<title>Flooded</title>' },
  { contentType: 'application/json; charset=latin1', body: '{"a":"\u00e9"}' },
  { contentType: undefined, body: '{"title":{"en":"Flooded underpasses"}}' },
];

/** JSON whose bytes are not UTF-8 (a lone 0xFF, an encoded surrogate, an overlong slash). */
const NOT_UTF8 = [
  Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff]), Buffer.from('"}')]),
  Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
  Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]),
];

describe.each(databases())('every write route on $kind', ({ kind }) => {
  let app: TestServer;
  let routes: { method: string; path: string; access: Access }[];
  const headers: Partial<Record<Access | 'anonymous' | 'plain member', Record<string, string>>> = {};

  beforeAll(async () => {
    app = await createTestServer({ kind, webhookWorker: false });
    await app.reset();
    const partner = await createPartner(app);
    headers.anonymous = {};
    headers['plain member'] = (await quickMember(app)).headers;
    headers.member = headers['plain member'];
    headers.public = headers['plain member'];
    headers.admin = (await quickMember(app, ['admin'])).headers;
    headers.moderator = (await quickMember(app, ['moderator'])).headers;
    headers.expert = (await quickMember(app, ['expert'])).headers;
    headers['secret key'] = { authorization: `Bearer ${partner.secretKey}` };
    const document = (await app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((method) => WRITE_METHODS.has(method))
        .map((method) => ({
          method: method.toUpperCase(),
          path,
          access: WRITE_ROUTES[`${method.toUpperCase()} ${path}`] as Access,
        })),
    );
  });
  afterAll(() => app?.dispose());

  function url(path: string): string {
    return path.replace(/\{[A-Za-z]+\}/g, () => randomUUID());
  }

  async function send(
    method: string,
    path: string,
    caller: Record<string, string> | undefined,
    contentType: string | undefined,
    body: string | Buffer,
  ) {
    return app.inject({
      method: method as 'POST',
      url: url(path),
      headers: { ...caller, ...(contentType === undefined ? {} : { 'content-type': contentType }) },
      payload: body,
    });
  }

  test('the table lists every documented write route, and only those', () => {
    expect(routes.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(
      Object.keys(WRITE_ROUTES).sort(),
    );
  });

  test('a body that is not JSON is 415, naming what was sent', async () => {
    const failures: string[] = [];
    for (const { method, path, access } of routes) {
      for (const { contentType, body } of NOT_JSON) {
        // The one-click unsubscribe also takes the form bodies mail programs post (RFC 8058).
        if (
          path === '/v1/unsubscribe' &&
          /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(contentType ?? '')
        ) {
          continue;
        }
        const response = await send(method, path, headers[access], contentType, body);
        const problem = response.json() as { detail?: string; errors?: { path: string }[] };
        const named = contentType === undefined ? 'without Content-Type' : contentType;
        if (
          response.statusCode !== 415 ||
          !String(response.headers['content-type']).startsWith('application/problem+json') ||
          !problem.detail?.includes(named) ||
          problem.errors?.[0]?.path !== 'body'
        ) {
          failures.push(
            `${method} ${path} (${contentType}): ${response.statusCode} ${response.body.slice(0, 160)}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  test('a JSON body that is not UTF-8 is 400 naming the body, never stored with U+FFFD', async () => {
    const failures: string[] = [];
    for (const { method, path, access } of routes.filter((route) => !route.path.endsWith('/imports'))) {
      for (const body of NOT_UTF8) {
        const response = await send(method, path, headers[access], 'application/json', body);
        const problem = response.json() as { errors?: { path: string }[] };
        if (response.statusCode !== 400 || problem.errors?.[0]?.path !== 'body') {
          failures.push(`${method} ${path}: ${response.statusCode} ${response.body.slice(0, 160)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  test('a CSV import that is not UTF-8 is 400 naming the body', async () => {
    const response = await send(
      'POST',
      '/v1/events/{id}/imports?kind=invitation-codes',
      headers.member,
      'text/csv',
      Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xff, 0xfe, 0x0a]),
    );
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: 'body' })]);
  });

  test.each([
    { what: 'malformed JSON', contentType: 'application/json', body: '{"title":' },
    { what: 'JSON that fails the schema', contentType: 'application/json', body: '{"title":42}' },
    { what: 'a text/plain body', contentType: 'text/plain', body: 'hello' },
    { what: 'a body without Content-Type', contentType: undefined, body: 'hello' },
  ])('access is checked before the body ($what)', async ({ contentType, body }) => {
    const failures: string[] = [];
    for (const { method, path, access } of routes) {
      if (access === 'public') continue;
      const expectations: [string, number][] = [['anonymous', 401]];
      if (access === 'secret key') expectations.push(['plain member', 401], ['admin', 401]);
      else if (access !== 'member') expectations.push(['plain member', 403]);
      else expectations.push(['secret key', 401]);
      for (const [caller, status] of expectations) {
        const response = await send(method, path, headers[caller as Access], contentType, body);
        if (response.statusCode !== status) {
          failures.push(
            `${method} ${path} as ${caller}: ${response.statusCode} ${response.body.slice(0, 160)}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
